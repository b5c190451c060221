import type { RoadmapSummaryView } from '@jalons/contract';
import type { ReminderRules, RuleViolation } from '@jalons/domain';
import { REMINDER_RULE_BOUNDS } from '@jalons/domain';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';

import { ApiRequestError, toApiRequestError } from '../data/api-error';
import { RoadmapsService } from '../data/roadmaps.service';
import { I18n, Translate, tKey } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError, toFormErrors } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList, SaveStatus } from '../shared/form-status';

const FIELDS = ['before', 'onDueDate', 'overdueEveryDays', 'escalateAfterDays', 'milestones', 'indicatorStaleDays'] as const;

/** The bounds ReminderRulesDto checks too (the API says the last word). */
const { before: BEFORE, overdueEveryDays: OVERDUE, escalateAfterDays: ESCALATE, indicatorStaleDays: STALE } = REMINDER_RULE_BOUNDS;

export const RULES_CONFLICT_MESSAGE = tKey(
  'Les réglages de cette feuille de route ont été modifiés entre-temps par quelqu’un d’autre : voici les règles actuelles. Vérifiez-les, puis enregistrez à nouveau.',
);

/** « 14, 7, 1 » → [14, 7, 1]: whole numbers, largest first, each once; null when something else is typed. */
export function parseDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}

function sameRules(a: ReminderRules, b: ReminderRules): boolean {
  return (
    a.before.join() === b.before.join() &&
    a.onDueDate === b.onDueDate &&
    a.overdueEveryDays === b.overdueEveryDays &&
    a.escalateAfterDays === b.escalateAfterDays &&
    a.milestones === b.milestones &&
    a.indicatorStaleDays === b.indicatorStaleDays
  );
}

function checkDays(field: string, value: number | null, { min, max }: { min: number; max: number }, t: Translate): RuleViolation[] {
  return value === null || !Number.isInteger(value) || value < min || value > max
    ? [
        {
          field,
          message: t('Indiquez un nombre entier de jours de 0 (jamais) à {max}.', { max }),
        },
      ]
    : [];
}

/** The API names the fields inside `reminders`: « reminders.before » is the form's « before ». */
function withoutPrefix(err: ApiRequestError): ApiRequestError {
  const body = err.body;
  if (!body?.errors) return err;
  return new ApiRequestError(err.message, err.status, {
    ...body,
    errors: body.errors.map((e) => ({
      ...e,
      field: e.field.replace(/^reminders\./, ''),
    })),
  });
}

/**
 * The project lead's reminder rules of a roadmap: how many days before a due date the owners are
 * reminded, on the day itself, how often once late, when the lead hears of it, whether
 * milestones count too, and after how many days without a measurement an indicator is reminded. Saved with the roadmap's version.
 */
@Component({
  selector: 'jl-reminder-rules-setting',
  imports: [FormsModule, FORM_FIELD, FormErrorList, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reminder-rules-setting.html',
})
export class ReminderRulesSetting {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly roadmap = input.required<RoadmapSummaryView>();
  /** the roadmap's settings as saved (or as found after a conflict), with their new version */
  readonly changed = output<RoadmapSummaryView>();

  private readonly roadmaps = inject(RoadmapsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  /** the saved rules: the form starts again from them only when they change */
  private readonly rules = computed(() => this.roadmap().reminderRules, {
    equal: sameRules,
  });
  protected readonly before = linkedSignal(() => this.rules().before.join(', '));
  protected readonly onDueDate = linkedSignal(() => this.rules().onDueDate);
  protected readonly overdueEveryDays = linkedSignal<number | null>(() => this.rules().overdueEveryDays);
  protected readonly escalateAfterDays = linkedSignal<number | null>(() => this.rules().escalateAfterDays);
  protected readonly milestones = linkedSignal(() => this.rules().milestones);
  protected readonly indicatorStaleDays = linkedSignal<number | null>(() => this.rules().indicatorStaleDays);

  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly limits = {
    beforeMax: BEFORE.max,
    beforeCount: BEFORE.count,
    overdueMax: OVERDUE.max,
    escalateMax: ESCALATE.max,
    staleMax: STALE.max,
  };

  protected save(): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    const before = parseDays(this.before());
    const violations: RuleViolation[] = [
      ...(before === null || before.length > BEFORE.count || before.some((d) => d < BEFORE.min || d > BEFORE.max)
        ? [
            {
              field: 'before',
              message: t(
                'Indiquez au plus {count} nombres entiers de jours, de 1 à {max}, séparés par des virgules (par exemple : 14, 7, 1).',
                { count: BEFORE.count, max: BEFORE.max },
              ),
            },
          ]
        : []),
      ...checkDays('overdueEveryDays', this.overdueEveryDays(), OVERDUE, t),
      ...checkDays('escalateAfterDays', this.escalateAfterDays(), ESCALATE, t),
      ...checkDays('indicatorStaleDays', this.indicatorStaleDays(), STALE, t),
    ];
    this.saved.set(null);
    if (violations.length > 0 || before === null) {
      this.errors.set(toFormErrors(violations, FIELDS));
      focusFirstError(this.errors, FIELDS, 'rules', this.injector);
      return;
    }
    const reminders: ReminderRules = {
      before,
      onDueDate: this.onDueDate(),
      overdueEveryDays: this.overdueEveryDays() ?? 0,
      escalateAfterDays: this.escalateAfterDays() ?? 0,
      milestones: this.milestones(),
      indicatorStaleDays: this.indicatorStaleDays() ?? 0,
    };
    const { id, version } = this.roadmap();
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    this.roadmaps
      .updateSettings(id, { version, reminders })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (roadmap) => {
          this.saving.set(false);
          this.saved.set(t('Règles de rappel enregistrées.'));
          this.changed.emit(roadmap);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          const e = toApiRequestError(err, t);
          if (e.status === 409) {
            this.errors.set({
              byField: {},
              general: [t(RULES_CONFLICT_MESSAGE)],
            });
            this.reload(id);
            return;
          }
          this.errors.set(apiFormErrors(withoutPrefix(e), FIELDS));
          focusFirstError(this.errors, FIELDS, 'rules', this.injector);
        },
      });
  }

  /** After a conflict: the roadmap's settings as they now are, and their version. */
  private reload(id: string): void {
    this.roadmaps
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (current) => this.changed.emit(current),
        error: () => undefined,
      });
  }
}
