import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { ControlContainer, FormsModule } from '@angular/forms';

import { passwordHint } from './password-rules';
import { I18n, tKey } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FORM_FIELD } from './form-field';

/** `choose`: a first password or a forgotten one; `change`: a new one replacing the current one. */
export type NewPasswordKind = 'choose' | 'change';

const LABELS: Readonly<Record<NewPasswordKind, { password: string; confirmation: string }>> = {
  choose: {
    password: tKey('Mot de passe'),
    confirmation: tKey('Mot de passe, une seconde fois'),
  },
  change: {
    password: tKey('Nouveau mot de passe'),
    confirmation: tKey('Nouveau mot de passe, une seconde fois'),
  },
};

/**
 * A new password typed twice, with the rules under the first field (auth/password-rules.ts): the
 * fields `<idPrefix>-password` and `<idPrefix>-confirmation`, whose messages are `errors.password`
 * and `errors.confirmation` (the page checks them with `checkNewPassword` before sending). The
 * fields belong to the page's form.
 */
@Component({
  selector: 'jl-new-password',
  imports: [FormsModule, FORM_FIELD, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // the two ngModel join the page's <form>, as fields written in the page would
  viewProviders: [
    {
      provide: ControlContainer,
      useFactory: () => inject(ControlContainer, { skipSelf: true, optional: true }),
    },
  ],
  template: `
    <jl-form-field
      [controlId]="idPrefix() + '-password'"
      [label]="labels().password | t: lang()"
      [hint]="hint()"
      [error]="errors()['password']"
    >
      <input jlControl name="password" type="password" autocomplete="new-password" required [(ngModel)]="password" />
    </jl-form-field>
    <jl-form-field
      [controlId]="idPrefix() + '-confirmation'"
      [label]="labels().confirmation | t: lang()"
      [error]="errors()['confirmation']"
    >
      <input jlControl name="confirmation" type="password" autocomplete="new-password" required [(ngModel)]="confirmation" />
    </jl-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class JlNewPassword {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** the fields' ids start with it (`focusFirstError` uses the same prefix) */
  readonly idPrefix = input.required<string>();
  readonly kind = input<NewPasswordKind>('choose');
  /** the form's messages by field: `password` and `confirmation` are shown here */
  readonly errors = input<Readonly<Record<string, string>>>({});
  readonly password = model('');
  readonly confirmation = model('');

  protected readonly labels = computed(() => LABELS[this.kind()]);
  protected readonly hint = computed(() => passwordHint(this.i18n.translate()));
}
