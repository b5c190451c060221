import type { CreateMeasurementDto, IndicatorView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { INDICATOR_BOUNDS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, inject, input, linkedSignal, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';

import { toApiRequestError } from '../data/api-error';
import { IndicatorsService } from '../data/indicators.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { JlCommentField } from '../shared/comment-field';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';

export const MEASUREMENT_FIELDS = ['on', 'value', 'comment', 'sourceUrl'] as const;

/**
 * « Enregistrer une mesure »: the day (from the baseline's day to today), the value, a comment and a
 * link to the source. The API refuses a second measurement on the same day and names the field at fault.
 */
@Component({
  selector: 'jl-measurement-form',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, JlCommentField, FrDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let byField = errors().byField;
    @let p = idPrefix();
    @let ind = indicator();
    <jl-form-errors [messages]="errors().general" />
    <jl-save-status [busy]="saving()" />
    <form novalidate (ngSubmit)="save()" data-testid="measurement-form">
      <div class="pair">
        <jl-form-field
          [controlId]="p + '-on'"
          [label]="'Date de la mesure' | t: lang()"
          [hint]="'Du {start} à aujourd’hui.' | t: lang() : { start: ind.baseline.on | jlDate }"
          [error]="byField['on']"
        >
          <input jlControl name="on" type="date" [ngModel]="on()" (ngModelChange)="on.set($event)" />
        </jl-form-field>
        <jl-form-field [controlId]="p + '-value'" [label]="'Valeur ({unit})' | t: lang() : { unit: ind.unit }" [error]="byField['value']">
          <input jlControl name="value" type="number" step="any" inputmode="decimal" [(ngModel)]="value" />
        </jl-form-field>
      </div>
      <jl-comment-field [controlId]="p + '-comment'" [rows]="2" [error]="byField['comment']" [(comment)]="comment" />
      <jl-form-field
        [controlId]="p + '-sourceUrl'"
        [label]="'Lien vers la source (facultatif)' | t: lang()"
        [hint]="'Une adresse http:// ou https://' | t: lang()"
        [error]="byField['sourceUrl']"
      >
        <input jlControl name="sourceUrl" type="url" autocomplete="off" [maxlength]="urlMax" [(ngModel)]="sourceUrl" />
      </jl-form-field>
      <p class="form-actions">
        <button type="submit" class="button button--primary" [disabled]="saving()">
          {{ 'Enregistrer la mesure' | t: lang() }}
        </button>
        <button type="button" class="button" (click)="cancelled.emit()">{{ 'Annuler' | t: lang() }}</button>
      </p>
    </form>
  `,
  styles: `
    .pair {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .pair > * {
      flex: 1 1 12rem;
    }
  `,
})
export class MeasurementForm {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly indicator = input.required<IndicatorView>();
  /** the day proposed (today) */
  readonly today = input.required<IsoDate>();
  /** the fields' ids start with it (unique in the page) */
  readonly idPrefix = input.required<string>();
  /** the indicator with its new measurement */
  readonly saved = output<IndicatorView>();
  readonly cancelled = output<void>();

  private readonly indicators = inject(IndicatorsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly urlMax = INDICATOR_BOUNDS.sourceUrl;
  protected readonly on = linkedSignal<string>(() => this.today());
  protected readonly value = signal<number | null>(null);
  protected readonly comment = signal('');
  protected readonly sourceUrl = signal('');
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);

  protected save(): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    const dto = {
      on: this.on() as IsoDate,
      value: this.value(),
      comment: this.comment().trim() || null,
      sourceUrl: this.sourceUrl().trim() || null,
    } as CreateMeasurementDto;
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    this.indicators
      .record(this.indicator().id, dto)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.saving.set(false);
          this.value.set(null);
          this.comment.set('');
          this.sourceUrl.set('');
          this.saved.emit(view);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          const e = toApiRequestError(err, t);
          this.errors.set(apiFormErrors(e, MEASUREMENT_FIELDS));
          focusFirstError(this.errors, MEASUREMENT_FIELDS, this.idPrefix(), this.injector);
        },
      });
  }
}
