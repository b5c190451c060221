import type { AxisScores, CreateAssessmentDto } from '@jalons/contract';
import type { AssessmentAxis, IsoDate } from '@jalons/domain';
import { ASSESSMENT_AXES, SCORE_MAX, SCORE_MIN } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';

import { ActorsService } from '../data/actors.service';
import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { I18n } from '../i18n/i18n';
import { parisToday } from '../i18n/paris-day';
import { TranslatePipe } from '../i18n/t.pipe';
import { JlCommentField } from '../shared/comment-field';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { AXIS_LABELS } from './actor-labels';
import { fieldErrors } from './field-errors';

/** the form's fields (element ids `evaluation-<field>`) */
export const ASSESSMENT_FIELDS = ['on', 'maturity', 'ambition', 'axes', 'assessedBy', 'comment'] as const;

/** an axis as typed: '' = not scored */
type AxisDraft = Record<keyof AxisScores, number | ''>;

const emptyAxes = (): Record<AssessmentAxis, AxisDraft> =>
  Object.fromEntries(ASSESSMENT_AXES.map((a) => [a, { maturity: '', ambition: '' }])) as Record<AssessmentAxis, AxisDraft>;

/**
 * « Ajouter une évaluation », for the project lead: the day, maturity and ambition from 1 to 5, optionally by axis,
 * who assessed, a comment. An axis is scored on both or neither; the API's refusals (a day already assessed…) show
 * on their fields. Emits `added` once saved, for the page to load the actor again.
 */
@Component({
  selector: 'jl-assessment-form',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, JlCommentField, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-form.html',
  styles: `
    .scores {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
    }
    .axis {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: end;
    }
    .axis-name {
      min-inline-size: 7rem;
      margin: 0 0 1.4rem;
      font-weight: 600;
    }
    details {
      margin-bottom: 0.9rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
  `,
})
export class AssessmentForm {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly actors = inject(ActorsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  readonly actorId = input.required<string>();
  readonly added = output<void>();

  protected readonly scores = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);
  protected readonly axisCodes = ASSESSMENT_AXES;
  protected readonly axisLabels = AXIS_LABELS;

  protected readonly on = signal<IsoDate | ''>(parisToday());
  protected readonly maturity = signal<number | ''>('');
  protected readonly ambition = signal<number | ''>('');
  protected readonly axes = signal(emptyAxes());
  protected readonly assessedBy = signal(inject(AuthService).me()?.name ?? '');
  protected readonly comment = signal('');

  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);

  protected setAxis(axis: AssessmentAxis, key: keyof AxisScores, value: number | ''): void {
    this.axes.update((all) => ({ ...all, [axis]: { ...all[axis], [key]: value } }));
  }

  protected submit(): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    this.done.set(null);
    const half = ASSESSMENT_AXES.find((a) => (this.axes()[a].maturity === '') !== (this.axes()[a].ambition === ''));
    if (half) {
      this.errors.set({
        byField: { axes: t('Notez la maturité et l’ambition de l’axe « {axis} », ou aucune des deux.', { axis: t(AXIS_LABELS[half]) }) },
        general: [],
      });
      this.focusError();
      return;
    }
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    this.actors
      .addAssessment(this.actorId(), this.dto())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.done.set(t('Évaluation ajoutée.'));
          this.maturity.set('');
          this.ambition.set('');
          this.axes.set(emptyAxes());
          this.comment.set('');
          this.added.emit();
        },
        error: (err: unknown) => {
          this.saving.set(false);
          const e = toApiRequestError(err, t);
          // a day already assessed (409) or a refused value (400, 422): next to its field
          this.errors.set(apiFormErrors(fieldErrors(e, {}, ['axes']), ASSESSMENT_FIELDS));
          this.focusError();
        },
      });
  }

  /** the scores typed; an empty score goes as null, which the API refuses on its field */
  private dto(): CreateAssessmentDto {
    const axes: Partial<Record<AssessmentAxis, AxisScores>> = {};
    for (const a of ASSESSMENT_AXES) {
      const { maturity, ambition } = this.axes()[a];
      if (maturity !== '' && ambition !== '') axes[a] = { maturity: Number(maturity), ambition: Number(ambition) };
    }
    const score = (v: number | '') => (v === '' ? (null as unknown as number) : Number(v));
    const comment = this.comment().trim();
    return {
      on: this.on() as IsoDate,
      maturity: score(this.maturity()),
      ambition: score(this.ambition()),
      ...(Object.keys(axes).length ? { axes } : {}),
      assessedBy: this.assessedBy(),
      ...(comment ? { comment } : {}),
    };
  }

  private focusError(): void {
    focusFirstError(this.errors, ASSESSMENT_FIELDS, 'evaluation', this.injector);
  }
}
