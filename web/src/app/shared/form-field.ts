import { ChangeDetectionStrategy, Component, Directive, computed, inject, input } from '@angular/core';

/**
 * One field of a form: its label, the control (projected, marked `jlControl`), a hint and the
 * message of what is wrong, wired for screen readers. The control gets `controlId` as its id,
 * `aria-describedby` naming the error, then the hint, then `describedBy`, and `aria-invalid` while
 * there is an error; the hint is `<controlId>-hint`, the error `<controlId>-error`
 * (`focusFirstError` finds the control by its id).
 *
 *     <jl-form-field controlId="login-email" [label]="'Adresse électronique' | t: lang()" [error]="byField['email']">
 *       <input jlControl name="email" type="email" [(ngModel)]="email" />
 *     </jl-form-field>
 *
 * Layout `choice` is a checkbox: the box first, then its label (styles.scss `.choice`).
 */
@Component({
  selector: 'jl-form-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.field]': "layout() === 'field'",
    '[class.choice]': "layout() === 'choice'",
    '[class.field-choice]': "layout() === 'choice'",
  },
  template: `
    @if (layout() === 'field') {
      <label [for]="controlId()">{{ label() }}</label>
    }
    <ng-content />
    @if (layout() === 'choice') {
      <label [for]="controlId()">{{ label() }}</label>
    }
    @if (hint(); as text) {
      <p class="field-hint" [id]="hintId()">{{ text }}</p>
    }
    @if (error(); as message) {
      <p class="field-error" [id]="errorId()">{{ message }}</p>
    }
  `,
})
export class JlFormField {
  /** the control's id, unique in the page; the label points to it */
  readonly controlId = input.required<string>();
  /** the label's text, already translated */
  readonly label = input.required<string>();
  /** what to type, shown under the control */
  readonly hint = input<string | null>(null);
  /** what is wrong with the value, if anything (usually `errors().byField[field]`) */
  readonly error = input<string | null | undefined>(null);
  /** ids of other elements that describe the control, read after the hint */
  readonly describedBy = input<string | null>(null);
  /** `field`: label above the control; `choice`: a checkbox followed by its label */
  readonly layout = input<'field' | 'choice'>('field');

  protected readonly hintId = computed(() => `${this.controlId()}-hint`);
  protected readonly errorId = computed(() => `${this.controlId()}-error`);
  /** the control's `aria-describedby`: error, hint, others; none when there is nothing to say */
  readonly descriptionIds = computed(() => {
    const ids = [this.error() ? this.errorId() : null, this.hint() ? this.hintId() : null, this.describedBy()];
    return ids.filter((id) => !!id).join(' ') || null;
  });
}

/** The control of a `jl-form-field` (`<input>`, `<select>`, `<textarea>`): id and ARIA come from the field. */
@Directive({
  selector: 'input[jlControl], select[jlControl], textarea[jlControl]',
  host: {
    '[id]': 'field.controlId()',
    '[attr.aria-invalid]': 'field.error() ? true : null',
    '[attr.aria-describedby]': 'field.descriptionIds()',
  },
})
export class JlControl {
  protected readonly field = inject(JlFormField);
}

/** What a template imports to write fields. */
export const FORM_FIELD = [JlFormField, JlControl] as const;
