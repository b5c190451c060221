import type { HistoryEntryView, MilestoneView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { TEXT_MAX, isIsoDate } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Observable, forkJoin, map, switchMap, tap } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { ChronogramService } from '../data/chronogram.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { ItemsService } from '../data/items.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList, SaveStatus } from '../shared/form-status';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { MILESTONE_STATE_LABELS } from '../shared/labels';
import { loadable } from '../shared/loadable';
import { HistoryTable } from './history-table';
import { CONFLICT_MESSAGE, ItemContext, itemContext } from './item-context';
import { ReplanForm, ReplanTarget } from './replan-form';

/** What the page shows: the milestone, its history, and what it needs to name things around it. */
interface MilestoneData {
  milestone: MilestoneView;
  history: HistoryEntryView[];
  context: ItemContext;
}

const FORM_FIELDS = ['achievedOn', 'comment'] as const;

/**
 * A milestone: its fields, its history, and, for whoever may write it, marking it achieved (on a
 * day) or not, and re-planning its date.
 */
@Component({
  selector: 'jl-milestone-page',
  imports: [FormsModule, FORM_FIELD, RouterLink, FrDatePipe, HistoryTable, ReplanForm, FormErrorList, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './milestone-page.html',
})
export class MilestonePage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** the milestone's id (route parameter) */
  readonly id = input.required<string>();

  private readonly items = inject(ItemsService);
  private readonly chronograms = inject(ChronogramService);
  private readonly currentRoadmap = inject(CurrentRoadmap);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);

  /** reloaded (without « loading ») after a change */
  protected readonly page = loadable(this.id, (id) => this.load(id));
  protected readonly ready = computed(() => this.page.value() ?? null);
  /** the project lead, or the owner of the item's function: otherwise the page is read-only */
  protected readonly canUpdate = computed(() => {
    const r = this.ready();
    return !!r && this.auth.canWriteItemsOf(r.milestone.functionId);
  });
  /** what the « Replanifier » form changes */
  protected readonly replanTarget = computed((): ReplanTarget | null => {
    const m = this.ready()?.milestone;
    return m ? { kind: 'milestone', id: m.id, version: m.version, date: m.date } : null;
  });
  protected readonly stateLabels = MILESTONE_STATE_LABELS;
  protected readonly conflictMessage = CONFLICT_MESSAGE;
  /** the longest texts the API accepts */
  protected readonly textMax = TEXT_MAX;

  /** the day it was achieved: the reference day (today) unless changed */
  protected readonly achievedOn = linkedSignal<IsoDate>(() => this.ready()?.context.roadmap.at ?? '');
  protected readonly comment = linkedSignal({
    source: this.ready,
    computation: () => '',
  });
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly conflict = signal(false);
  protected readonly saving = signal(false);
  protected readonly saved = signal<string | null>(null);

  protected markAchieved(): void {
    const day = this.achievedOn();
    if (!isIsoDate(day)) {
      this.errors.set({
        byField: {
          achievedOn: this.i18n.t('Indiquez le jour où le jalon a été atteint.'),
        },
        general: [],
      });
      return;
    }
    this.send(day, this.i18n.t('Jalon marqué comme atteint.'));
  }

  protected markNotAchieved(): void {
    this.send(null, this.i18n.t('Jalon marqué comme non atteint.'));
  }

  /** Loads the milestone again (re-planned, or changed by someone else), without « loading ». */
  protected refresh(): void {
    this.page.reload();
  }

  protected reload(): void {
    this.conflict.set(false);
    this.errors.set(NO_ERRORS);
    this.saved.set(null);
    this.page.reload();
  }

  private send(achievedOn: IsoDate | null, done: string): void {
    const ready = this.ready();
    if (!ready || this.saving()) return;
    this.errors.set(NO_ERRORS);
    this.conflict.set(false);
    this.saved.set(null);
    this.saving.set(true);
    const comment = this.comment().trim();
    this.items
      .updateMilestone(ready.milestone.id, {
        version: ready.milestone.version,
        achievedOn,
        ...(comment ? { comment } : {}),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.saved.set(done);
          this.page.reload();
        },
        error: (err: unknown) => {
          this.saving.set(false);
          const e = toApiRequestError(err, this.i18n.translate());
          if (e.status === 409) {
            this.conflict.set(true);
            return;
          }
          this.errors.set(apiFormErrors(e, FORM_FIELDS));
        },
      });
  }

  private load(id: string): Observable<MilestoneData> {
    return this.items.milestone(id).pipe(
      switchMap((milestone) =>
        forkJoin({
          history: this.items.milestoneHistory(id),
          view: this.chronograms.get(milestone.roadmapId),
        }).pipe(
          tap(({ view }) => this.currentRoadmap.set(view.roadmap)),
          map(
            ({ history, view }): MilestoneData => ({
              milestone,
              history,
              context: itemContext(view, milestone.functionId, milestone.phaseId),
            }),
          ),
        ),
      ),
    );
  }
}
