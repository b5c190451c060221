import type {
  ActionView,
  FunctionWithRollUpView,
  MilestoneView,
  RecentChangeView,
  RoadmapDetailView,
  RoadmapSummaryView,
} from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { addDays, compareIsoDates, daysBetween } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NEVER, Observable, forkJoin, map, of, switchMap, tap } from 'rxjs';

import { AuthService } from '../data/auth.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { RoadmapsService } from '../data/roadmaps.service';
import { I18n, Translate, french } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { formatParisDateTime, historyValue } from '../items/history-table';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { HealthBadge } from '../shared/health-badge';
import { FAMILY_LABELS, HISTORY_FIELD_LABELS, STATUS_LABELS } from '../shared/labels';
import { loadable } from '../shared/loadable';
import { PercentPipe } from '../shared/percent.pipe';
import { ProgressBar } from '../shared/progress-bar';
import { RollUpSummary } from '../shared/rollup-summary';
import { MandateTimeline } from './mandate-timeline';
import { PublicPageSetting } from './public-page-setting';
import { ReminderRulesSetting } from './reminder-rules-setting';

/** The roadmap and its functions; null when no roadmap is recorded yet. */
interface OverviewData {
  roadmap: RoadmapDetailView;
  functions: FunctionWithRollUpView[];
}

/** How many recent changes the overview shows. */
export const RECENT_CHANGES_SHOWN = 10;

/**
 * The « Prochains jalons » windows, in days after the reference day: the next 30 days, then days 31
 * to 90 (their titles say these numbers in words: change both together).
 */
export const UPCOMING_NEAR_DAYS = 30;
export const UPCOMING_FAR_DAYS = 90;

/** The roadmap and the day the sections are computed for (the API's reference day). */
interface Reference {
  id: string;
  at: IsoDate;
}

/** Late actions and the unachieved milestones up to UPCOMING_FAR_DAYS ahead (including the late ones). */
interface Watch {
  actions: ActionView[];
  milestones: MilestoneView[];
}

/** A late action or milestone, as the « En retard » table shows it. */
interface LateRow {
  key: string;
  /** « Action » or « Jalon », in the language of the interface */
  kind: string;
  title: string;
  link: string[];
  functionName: string;
  due: IsoDate;
  daysLate: number;
  owner: string;
  state: string;
  progress: number | null;
}

interface UpcomingRow {
  id: string;
  title: string;
  date: IsoDate;
  functionName: string;
}

interface UpcomingGroup {
  id: '30' | '90';
  title: string;
  /** last day of the window */
  until: IsoDate;
  rows: UpcomingRow[];
}

interface ChangeRow {
  id: string;
  when: string;
  who: string;
  /** « Action » or « Jalon », in the language of the interface */
  kind: string;
  title: string;
  /** null when the item no longer exists */
  link: string[] | null;
  what: string;
  comment: string;
}

/** What a change did, in the language of `t`: « Statut : À lancer → En cours ». */
export function describeChange(change: Pick<RecentChangeView, 'field' | 'from' | 'to'>, t: Translate = french): string {
  const label = t(HISTORY_FIELD_LABELS[change.field] ?? change.field);
  switch (change.field) {
    case 'created':
      return change.to ? `${label} (${historyValue('created', change.to, t)})` : label;
    case 'deleted':
    case 'comment':
      return label;
    default:
      return t('{field} : {from} → {to}', {
        field: label,
        from: historyValue(change.field, change.from, t),
        to: historyValue(change.field, change.to, t),
      });
  }
}

/** The mandate overview: where the roadmap stands in its four phases, and what slips. */
@Component({
  selector: 'jl-overview-page',
  imports: [
    RouterLink,
    MandateTimeline,
    PublicPageSetting,
    ReminderRulesSetting,
    HealthBadge,
    ProgressBar,
    RollUpSummary,
    PercentPipe,
    FrDatePipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
})
export class OverviewPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** ?roadmap=<id> (bound by the router); without it, the first roadmap. */
  readonly roadmap = input<string>();

  private readonly roadmaps = inject(RoadmapsService);
  private readonly currentRoadmap = inject(CurrentRoadmap);
  /** the project lead sets the roadmap's public page and its reminder rules */
  protected readonly canManageRoadmap = inject(AuthService).canManageRoadmap;

  /** the roadmap and its functions; null when no roadmap exists yet */
  protected readonly overview = loadable(this.roadmap, (id) => this.load(id));
  protected readonly ready = computed(() => this.overview.value() ?? null);
  /**
   * The roadmap's settings (public page, reminder rules) as last read or saved: both forms save
   * with its version, so a save by one gives the other the new version.
   */
  protected readonly settings = linkedSignal<RoadmapSummaryView | null>(() => this.ready()?.roadmap ?? null);
  protected readonly phases = computed(() => [...(this.ready()?.roadmap.phases ?? [])].sort((a, b) => a.order - b.order));
  protected readonly currentPhase = computed(() => {
    const id = this.ready()?.roadmap.currentPhaseId;
    return this.phases().find((p) => p.id === id) ?? null;
  });
  protected readonly functions = computed(() => [...(this.ready()?.functions ?? [])].sort((a, b) => a.order - b.order));
  protected readonly familyLabels = FAMILY_LABELS;

  /** Sections below reload only when the roadmap or its reference day changes. */
  private readonly reference = computed<Reference | null>(
    () => {
      const r = this.ready()?.roadmap;
      return r ? { id: r.id, at: r.at } : null;
    },
    { equal: (a, b) => a?.id === b?.id && a?.at === b?.at },
  );

  // each section on its own: its failure does not blank the rest
  protected readonly watch = loadable(this.reference, (ref) => (ref ? this.loadWatch(ref) : NEVER));
  protected readonly changes = loadable(this.reference, (ref) => (ref ? this.roadmaps.changes(ref.id, RECENT_CHANGES_SHOWN) : NEVER));

  private readonly functionsById = computed(() => new Map(this.functions().map((fn) => [fn.id, fn])));

  protected readonly at = computed(() => this.reference()?.at ?? null);
  /** Last day of the « next 30 days » and « next 90 days » windows (today included). */
  protected readonly in30 = computed(() => {
    const at = this.at();
    return at ? addDays(at, UPCOMING_NEAR_DAYS) : null;
  });
  protected readonly in90 = computed(() => {
    const at = this.at();
    return at ? addDays(at, UPCOMING_FAR_DAYS) : null;
  });

  /** Late actions and milestones, most overdue first. */
  protected readonly late = computed<LateRow[] | null>(() => {
    const w = this.watch.value();
    const at = this.at();
    if (!w || !at) return null;
    const t = this.i18n.translate();
    const fns = this.functionsById();
    const actions = w.actions
      .filter((a) => compareIsoDates(a.due, at) < 0)
      .map(
        (a): LateRow => ({
          key: `action-${a.id}`,
          kind: t('Action'),
          title: a.title,
          link: ['/actions', a.id],
          functionName: fns.get(a.functionId)?.name ?? '—',
          due: a.due,
          daysLate: daysBetween(a.due, at),
          owner: a.owner?.name ?? t('À désigner'),
          state: t(STATUS_LABELS[a.status]),
          progress: a.progress,
        }),
      );
    // a milestone has no owner of its own: the function's référent·e answers for it
    const milestones = w.milestones
      .filter((m) => m.achievedOn === null && compareIsoDates(m.date, at) < 0)
      .map(
        (m): LateRow => ({
          key: `milestone-${m.id}`,
          kind: t('Jalon'),
          title: m.title,
          link: ['/jalons', m.id],
          functionName: fns.get(m.functionId)?.name ?? '—',
          due: m.date,
          daysLate: daysBetween(m.date, at),
          owner: fns.get(m.functionId)?.owner?.name ?? t('À désigner'),
          state: t('Non atteint'),
          progress: null,
        }),
      );
    return [...actions, ...milestones].sort((a, b) => compareIsoDates(a.due, b.due) || a.title.localeCompare(b.title, 'fr'));
  });

  /** Unachieved milestones of the next 30 days, then of days 31 to 90. */
  protected readonly upcoming = computed<UpcomingGroup[] | null>(() => {
    const w = this.watch.value();
    const at = this.at();
    const in30 = this.in30();
    const in90 = this.in90();
    if (!w || !at || !in30 || !in90) return null;
    const t = this.i18n.translate();
    const fns = this.functionsById();
    const rows = w.milestones
      .filter((m) => m.achievedOn === null && compareIsoDates(m.date, at) >= 0)
      .sort((a, b) => compareIsoDates(a.date, b.date) || a.title.localeCompare(b.title, 'fr'))
      .map(
        (m): UpcomingRow => ({
          id: m.id,
          title: m.title,
          date: m.date,
          functionName: fns.get(m.functionId)?.name ?? '—',
        }),
      );
    return [
      {
        id: '30',
        title: t('Dans les 30 prochains jours'),
        until: in30,
        rows: rows.filter((r) => compareIsoDates(r.date, in30) <= 0),
      },
      {
        id: '90',
        title: t('Du 31e au 90e jour'),
        until: in90,
        rows: rows.filter((r) => compareIsoDates(r.date, in30) > 0 && compareIsoDates(r.date, in90) <= 0),
      },
    ];
  });

  /** The latest changes, newest first. */
  protected readonly changeRows = computed<ChangeRow[] | null>(() => {
    const c = this.changes.value();
    if (!c) return null;
    const t = this.i18n.translate();
    const deleted = new Set(c.filter((e) => e.field === 'deleted').map((e) => e.itemId));
    return [...c]
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, RECENT_CHANGES_SHOWN)
      .map(
        (e): ChangeRow => ({
          id: e.id,
          when: formatParisDateTime(e.at, t.lang),
          who: e.actor?.name ?? '—',
          kind: e.itemType === 'action' ? t('Action') : t('Jalon'),
          title: e.itemTitle ?? t('Sans titre'),
          link: deleted.has(e.itemId) ? null : [e.itemType === 'action' ? '/actions' : '/jalons', e.itemId],
          what: describeChange(e, t),
          comment: e.comment ?? '—',
        }),
      );
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

  private load(id: string | undefined): Observable<OverviewData | null> {
    const id$: Observable<string | null> = id ? of(id) : this.roadmaps.list().pipe(map((list) => list[0]?.id ?? null));
    return id$.pipe(
      switchMap((roadmapId) =>
        roadmapId === null
          ? of(null)
          : forkJoin({
              roadmap: this.roadmaps.get(roadmapId),
              functions: this.roadmaps.functions(roadmapId),
            }).pipe(tap(({ roadmap }) => this.currentRoadmap.set(roadmap))),
      ),
    );
  }
}
