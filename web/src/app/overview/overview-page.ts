import type { FunctionWithRollUpView, RoadmapDetailView, RoadmapSummaryView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { addDays, isIsoDate } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NEVER, Observable, combineLatest, forkJoin, map, of, startWith, switchMap, tap } from 'rxjs';

import { AuthService } from '../data/auth.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { RoadmapsService } from '../data/roadmaps.service';
import { InRoadmapPipe } from '../roadmap/in-roadmap.pipe';
import { PlanningLinks } from '../planning/planning-links';
import { ProgressCard } from '../progress/progress-card';
import { FiguresPanel } from '../diagnostic/figures-panel';
import { IndicatorsSummary } from '../indicators/indicators-summary';
import { NextMeeting } from '../governance/next-meeting';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { DataTable } from '../shared/data-table';
import { FAMILY_LABELS } from '../shared/labels';
import { loadable } from '../shared/loadable';
import { PercentPipe } from '../shared/percent.pipe';
import { PhasePurpose } from '../shared/phase-purpose';
import { ROLLUP_TABLE } from '../shared/rollup-cells';
import { RollUpSummary } from '../shared/rollup-summary';
import { Headline } from './headline';
import { MandateTimeline } from './mandate-timeline';
import {
  ChangeRow,
  LateRow,
  RECENT_CHANGES_SHOWN,
  UPCOMING_FAR_DAYS,
  UpcomingGroup,
  Watch,
  changeRows,
  lateRows,
  upcomingGroups,
} from './overview-sections';
import { PublicPageSetting } from './public-page-setting';
import { ReminderRulesSetting } from './reminder-rules-setting';

/** The roadmap and its functions (undefined until they arrive: the page's head does not wait for them). */
interface OverviewData {
  roadmap: RoadmapDetailView;
  functions: FunctionWithRollUpView[] | undefined;
}

/** The roadmap and the day the sections are computed for (the API's reference day). */
interface Reference {
  id: string;
  at: IsoDate;
}

/** The mandate overview: where the roadmap stands in its four phases, and what slips. */
@Component({
  selector: 'jl-overview-page',
  imports: [
    RouterLink,
    MandateTimeline,
    PublicPageSetting,
    ReminderRulesSetting,
    DataTable,
    ROLLUP_TABLE,
    RollUpSummary,
    PercentPipe,
    FrDatePipe,
    TranslatePipe,
    InRoadmapPipe,
    PlanningLinks,
    PhasePurpose,
    FiguresPanel,
    IndicatorsSummary,
    NextMeeting,
    Headline,
    ProgressCard,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
})
export class OverviewPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** the roadmap's id, resolved from /r/<slug> (bound by the router); without it (`/` with no roadmap yet), the first. */
  readonly roadmap = input<string>();
  /** ?at=YYYY-MM-DD: the whole overview as it stood that day (the headline's « À la date du »); none: today */
  readonly at = input<string>();

  private readonly roadmaps = inject(RoadmapsService);
  private readonly currentRoadmap = inject(CurrentRoadmap);
  /** the project lead sets the roadmap's public page and its reminder rules */
  protected readonly canManageRoadmap = inject(AuthService).canManageRoadmap;

  /** the roadmap and its functions; null when no roadmap exists yet */
  protected readonly overview = loadable(
    () => ({ id: this.roadmap(), at: this.at() }),
    (q) => this.load(q.id, q.at && isIsoDate(q.at) ? q.at : undefined),
  );
  protected readonly ready = computed(() => this.overview.value() ?? null);
  /** the roadmap alone: the same object while its functions arrive */
  protected readonly detail = computed(() => this.ready()?.roadmap ?? null);
  /** the roadmap's slug, for links to its pages (/r/<slug>/…) */
  protected readonly slug = computed(() => this.ready()?.roadmap.slug ?? null);
  /**
   * The roadmap's settings (public page, reminder rules) as last read or saved: both forms save
   * with its version, so a save by one gives the other the new version.
   */
  protected readonly settings = linkedSignal<RoadmapSummaryView | null>(() => this.detail());
  protected readonly phases = computed(() => [...(this.detail()?.phases ?? [])].sort((a, b) => a.order - b.order));
  protected readonly currentPhase = computed(() => {
    const id = this.detail()?.currentPhaseId;
    return this.phases().find((p) => p.id === id) ?? null;
  });
  protected readonly functions = computed(() => [...(this.ready()?.functions ?? [])].sort((a, b) => a.order - b.order));
  /** false while the functions are on their way (their table says nothing yet) */
  protected readonly functionsKnown = computed(() => this.ready()?.functions !== undefined);
  protected readonly familyLabels = FAMILY_LABELS;

  /** Sections below reload only when the roadmap or its reference day changes. */
  private readonly reference = computed<Reference | null>(
    () => {
      const r = this.detail();
      return r ? { id: r.id, at: r.at } : null;
    },
    { equal: (a, b) => a?.id === b?.id && a?.at === b?.at },
  );

  // each section on its own: its failure does not blank the rest
  protected readonly watch = loadable(this.reference, (ref) => (ref ? this.loadWatch(ref) : NEVER));
  protected readonly changes = loadable(this.reference, (ref) => (ref ? this.roadmaps.changes(ref.id, RECENT_CHANGES_SHOWN) : NEVER));

  private readonly functionsById = computed(() => new Map(this.functions().map((fn) => [fn.id, fn])));

  /** Late actions and milestones, most overdue first (once their functions' names are known). */
  protected readonly late = computed<LateRow[] | null>(() => {
    const w = this.watch.value();
    const ref = this.reference();
    return w && ref && this.functionsKnown() ? lateRows(w, ref.at, this.functionsById(), this.i18n.translate()) : null;
  });

  /** Unachieved milestones of the next 30 days, then of days 31 to 90. */
  protected readonly upcoming = computed<UpcomingGroup[] | null>(() => {
    const w = this.watch.value();
    const ref = this.reference();
    return w && ref && this.functionsKnown() ? upcomingGroups(w.milestones, ref.at, this.functionsById(), this.i18n.translate()) : null;
  });

  /** The latest changes, newest first. */
  protected readonly changeRows = computed<ChangeRow[] | null>(() => {
    const c = this.changes.value();
    return c ? changeRows(c, this.i18n.translate()) : null;
  });

  private loadWatch(ref: Reference): Observable<Watch> {
    const yesterday = addDays(ref.at, -1);
    return forkJoin({
      // due on or before yesterday, and neither done nor dropped
      actions: this.roadmaps.actions(ref.id, {
        status: ['a_lancer', 'en_cours', 'bloquee'],
        dueBefore: yesterday,
      }),
      milestones: this.roadmaps.milestones(ref.id, {
        achieved: false,
        dueBefore: addDays(ref.at, UPCOMING_FAR_DAYS),
      }),
    });
  }

  private load(id: string | undefined, at: IsoDate | undefined): Observable<OverviewData | null> {
    const id$: Observable<string | null> = id ? of(id) : this.roadmaps.list().pipe(map((list) => list[0]?.id ?? null));
    return id$.pipe(
      switchMap((roadmapId) =>
        roadmapId === null
          ? of(null)
          : // both asked for at once; the roadmap is shown as soon as it arrives, its functions when they do
            combineLatest({
              roadmap: this.roadmaps.get(roadmapId, at).pipe(tap((roadmap) => this.currentRoadmap.set(roadmap))),
              functions: this.roadmaps.functions(roadmapId, at).pipe(startWith(undefined)),
            }),
      ),
    );
  }
}
