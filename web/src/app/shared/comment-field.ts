import { TEXT_MAX } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { ControlContainer, FormsModule } from '@angular/forms';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FORM_FIELD } from './form-field';

/**
 * The optional comment that goes with a change (it lands in the item's history): a `jl-form-field`
 * whose control is a `<textarea name="comment">`, no longer than the API accepts. The control
 * belongs to the page's form, as a field written in the page would.
 *
 *     <jl-comment-field controlId="action-comment" [error]="byField['comment']" [(comment)]="comment" />
 */
@Component({
  selector: 'jl-comment-field',
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
    <jl-form-field [controlId]="controlId()" [label]="'Commentaire (facultatif)' | t: lang()" [error]="error()">
      <textarea jlControl name="comment" [attr.rows]="rows()" [maxlength]="max" [(ngModel)]="comment"></textarea>
    </jl-form-field>
  `,
})
export class JlCommentField {
  protected readonly lang = inject(I18n).lang;
  /** the longest comment the API accepts */
  protected readonly max = TEXT_MAX.comment;
  /** the control's id, unique in the page */
  readonly controlId = input.required<string>();
  readonly error = input<string | null | undefined>(null);
  /** the textarea's height, in lines */
  readonly rows = input(3);
  readonly comment = model('');
}
