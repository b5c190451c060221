import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';

/*
 * What a form says about itself, the same way on every page. The hosts lay nothing out
 * (`display: contents`): the paragraphs sit in the page as if the page wrote them.
 */

/**
 * The messages of a refusal that belong to no field (`errors().general`), read out at once; nothing
 * when there are none.
 */
@Component({
  selector: 'jl-form-errors',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    @if (messages().length > 0) {
      <div class="notice notice--error" role="alert">
        @for (message of messages(); track $index) {
          <p>{{ message }}</p>
        }
      </div>
    }
  `,
})
export class FormErrorList {
  readonly messages = input.required<readonly string[]>();
}

/**
 * While a form is sent, and once it is saved: a status a screen reader announces (« Enregistrement… »,
 * then the page's confirmation), and, if `notice` says so, the confirmation shown to the eyes (hidden
 * from screen readers, who already heard it).
 */
@Component({
  selector: 'jl-save-status',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    <p class="visually-hidden" role="status">
      @if (busy()) {
        {{ busyText() ?? ('Enregistrement…' | t: lang()) }}
      } @else if (done(); as message) {
        {{ message }}
      }
    </p>
    @if (notice() !== 'none') {
      @if (done(); as message) {
        <p class="notice" [class.notice--success]="notice() === 'success'" aria-hidden="true">{{ message }}</p>
      }
    }
  `,
})
export class SaveStatus {
  protected readonly lang = inject(I18n).lang;
  /** the form is being sent */
  readonly busy = input.required<boolean>();
  /** what is announced while it is sent, already translated; « Enregistrement… » by default */
  readonly busyText = input<string | null>(null);
  /** the confirmation once saved, already translated */
  readonly done = input<string | null | undefined>(null);
  /** the confirmation shown too: `success` (green), `plain`, or `none` (announced only) */
  readonly notice = input<'success' | 'plain' | 'none'>('none');
}

/** What a template imports to write a form's messages. */
export const FORM_STATUS = [FormErrorList, SaveStatus] as const;
