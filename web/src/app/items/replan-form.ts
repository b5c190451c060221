import type { ActionView, MilestoneView, PhaseView } from '@jalons/contract';
import type { DaySpan, IsoDate, RuleViolation } from '@jalons/domain';
import { BASELINE_BOUNDS, checkActionDates, checkMilestoneDate, formatFrDate } from '@jalons/domain';
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
import { Observable } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { BaselinesService } from '../data/baselines.service';
import { DecisionSelect } from '../governance/decision-select';
import { ItemsService } from '../data/items.service';
import { I18n, tKey } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError, toFormErrors } from '../shared/form-errors';
import { JlCommentField } from '../shared/comment-field';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList, SaveStatus } from '../shared/form-status';
import { loadable } from '../shared/loadable';
import { JlItemDatesFields } from './item-dates-fields';

/** What can be re-planned from its page: an action (start, due) or a milestone (its date). */
export type ReplanTarget =
  | {
      kind: 'action';
      id: string;
      version: number;
      start: IsoDate;
      due: IsoDate;
    }
  | { kind: 'milestone'; id: string; version: number; date: IsoDate };

/** The roadmap as the form needs it: its span bounds the dates, its phases are named on success. */
export interface ReplanRoadmap extends DaySpan {
  id: string;
  phases: readonly PhaseView[];
}

/** the fields of each form, in their order on the page: the API's errors on others go above it */
const FIELDS = {
  action: ['start', 'due', 'reason', 'decisionId', 'comment'],
  milestone: ['date', 'reason', 'decisionId', 'comment'],
} as const;

/** element ids are `replan-<field>` (and `-hint`, `-error`) */
const ID_PREFIX = 'replan';

export const REPLAN_CONFLICT_MESSAGE = tKey(
  'Cet élément a été modifié entre-temps par quelqu’un d’autre. Sa version actuelle vient d’être rechargée : vérifiez les dates, puis enregistrez à nouveau.',
);

/**
 * Re-planning by keyboard, the form's way of doing what dragging a bar does in the Gantt: new
 * dates (and a comment), checked by the domain's rules before sending, sent with the version
 * read. Emits `changed` when the item changed on the server — saved here, or by someone else
 * meanwhile (409) — for the page to load it again; the form then shows the dates loaded.
 */
@Component({
  selector: 'jl-replan-form',
  imports: [FormsModule, FORM_FIELD, DecisionSelect, JlCommentField, JlItemDatesFields, FormErrorList, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './replan-form.html',
})
export class ReplanForm {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;

  readonly target = input.required<ReplanTarget>();
  readonly roadmap = input.required<ReplanRoadmap>();
  /** the item changed on the server: load it again */
  readonly changed = output<void>();

  private readonly items = inject(ItemsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly baselines = inject(BaselinesService);

  protected readonly fields = computed(() => FIELDS[this.target().kind]);

  // the form, reset to the item's dates whenever it is (re)loaded
  protected readonly start = linkedSignal<IsoDate>(() => {
    const t = this.target();
    return t.kind === 'action' ? t.start : '';
  });
  protected readonly due = linkedSignal<IsoDate>(() => {
    const t = this.target();
    return t.kind === 'action' ? t.due : '';
  });
  protected readonly date = linkedSignal<IsoDate>(() => {
    const t = this.target();
    return t.kind === 'milestone' ? t.date : '';
  });
  protected readonly comment = linkedSignal({
    source: this.target,
    computation: () => '',
  });
  /** why the dates change, and the decision behind it: asked once the roadmap has a baseline (ADR 0017) */
  protected readonly reason = linkedSignal({ source: this.target, computation: () => '' });
  protected readonly decisionId = linkedSignal<ReplanTarget, string | null>({ source: this.target, computation: () => null });
  protected readonly reasonMax = BASELINE_BOUNDS.reason;
  private readonly roadmapBaselines = loadable(
    () => this.roadmap().id,
    (id) => this.baselines.list(id),
  );
  protected readonly datesChanged = computed(() => {
    const t = this.target();
    return t.kind === 'action' ? this.start() !== t.start || this.due() !== t.due : this.date() !== t.date;
  });
  /** the reason's field: the roadmap has a baseline and a date changed (or the API asked for it) */
  protected readonly askReason = computed(
    () => ((this.roadmapBaselines.value()?.length ?? 0) > 0 && this.datesChanged()) || !!this.errors().byField['reason'],
  );

  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly conflictMessage = REPLAN_CONFLICT_MESSAGE;
  protected readonly conflict = signal(false);
  protected readonly saving = signal(false);
  /** what the last submission did, announced in role="status" */
  protected readonly done = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    const target = this.target();
    const roadmap = this.roadmap();
    const span: DaySpan = { start: roadmap.start, end: roadmap.end };
    const comment = this.comment().trim();
    this.done.set(null);
    this.conflict.set(false);

    let violations: RuleViolation[];
    let unchanged: boolean;
    /** cold: nothing is sent before it is subscribed to, below */
    let request: Observable<ActionView | MilestoneView>;
    if (target.kind === 'action') {
      const dates = { start: this.start(), due: this.due() };
      violations = checkActionDates(span, dates);
      unchanged = dates.start === target.start && dates.due === target.due;
      request = this.items.updateAction(target.id, {
        version: target.version,
        ...dates,
        ...(comment ? { comment } : {}),
        ...this.why(),
      });
    } else {
      const date = this.date();
      violations = checkMilestoneDate(span, date);
      unchanged = date === target.date;
      request = this.items.updateMilestone(target.id, {
        version: target.version,
        date,
        ...(comment ? { comment } : {}),
        ...this.why(),
      });
    }

    if (violations.length > 0) {
      this.showErrors(toFormErrors(violations, this.fields()));
      return;
    }
    this.errors.set(NO_ERRORS);
    if (unchanged && !comment) {
      this.done.set(
        target.kind === 'action'
          ? this.i18n.t('Rien à enregistrer : ces dates sont déjà celles de l’action.')
          : this.i18n.t('Rien à enregistrer : cette date est déjà celle du jalon.'),
      );
      return;
    }

    this.saving.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.done.set(this.savedMessage(saved));
        this.changed.emit();
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiRequestError(err, this.i18n.translate());
        if (e.status === 409) {
          // someone else changed it: show its current version at once
          this.conflict.set(true);
          this.changed.emit();
          return;
        }
        this.showErrors(apiFormErrors(e, this.fields()));
      },
    });
  }

  /** the reason and the decision cited, sent with new dates only */
  private why(): { reason?: string; decisionId?: string } {
    if (!this.datesChanged()) return {};
    const reason = this.reason().trim();
    const decisionId = this.decisionId();
    return { ...(reason ? { reason } : {}), ...(decisionId ? { decisionId } : {}) };
  }

  private showErrors(errors: FormErrors): void {
    this.errors.set(errors);
    focusFirstError(this.errors, this.fields(), ID_PREFIX, this.injector);
  }

  /** « Nouvelles dates enregistrées : du … au …, phase « … ». », in the language of the moment */
  private savedMessage(saved: ActionView | MilestoneView): string {
    const phase = this.roadmap().phases.find((p) => p.id === saved.phaseId);
    if ('due' in saved) {
      return phase
        ? this.i18n.t('Nouvelles dates enregistrées : du {start} au {due}, phase « {phase} ».', {
            start: formatFrDate(saved.start),
            due: formatFrDate(saved.due),
            phase: phase.name,
          })
        : this.i18n.t('Nouvelles dates enregistrées.');
    }
    return phase
      ? this.i18n.t('Nouvelle date enregistrée : le {date}, phase « {phase} ».', { date: formatFrDate(saved.date), phase: phase.name })
      : this.i18n.t('Nouvelle date enregistrée.');
  }
}
