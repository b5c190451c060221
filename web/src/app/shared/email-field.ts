import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { ControlContainer, FormsModule } from '@angular/forms';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FORM_FIELD } from './form-field';

/**
 * An e-mail address to type: a `jl-form-field` whose control is an `<input type="email">` without
 * spell checking, labelled « Adresse électronique » unless the page says otherwise. The control
 * belongs to the page's form, as a field written in the page would.
 *
 *     <jl-email-field controlId="login-email" autocomplete="username" [error]="byField['email']" [(email)]="email" />
 */
@Component({
  selector: 'jl-email-field',
  imports: [FormsModule, FORM_FIELD, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  viewProviders: [
    {
      provide: ControlContainer,
      useFactory: () => inject(ControlContainer, { skipSelf: true, optional: true }),
    },
  ],
  host: { style: 'display: contents' },
  template: `
    <jl-form-field [controlId]="controlId()" [label]="label() ?? ('Adresse électronique' | t: lang())" [hint]="hint()" [error]="error()">
      <input
        jlControl
        [name]="name()"
        [attr.name]="name()"
        type="email"
        [attr.autocomplete]="autocomplete()"
        spellcheck="false"
        [required]="required()"
        [(ngModel)]="email"
      />
    </jl-form-field>
  `,
})
export class JlEmailField {
  protected readonly lang = inject(I18n).lang;
  /** the control's id, unique in the page */
  readonly controlId = input.required<string>();
  /** the label, already translated; « Adresse électronique » by default */
  readonly label = input<string | null>(null);
  readonly hint = input<string | null>(null);
  readonly error = input<string | null | undefined>(null);
  /** the control's name in the form */
  readonly name = input('email');
  /** `username` to sign in, `email` for one's own address, `off` for someone else's */
  readonly autocomplete = input.required<'username' | 'email' | 'off'>();
  readonly required = input(true);
  readonly email = model('');
}
