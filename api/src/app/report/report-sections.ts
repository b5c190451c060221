import { addMonths, compareIsoDates, compareToBaseline, daysBetween, headline, isOverdue, slipSummaries } from '@jalons/domain';
import type { IsoDate, PlannedItem } from '@jalons/domain';
import type {
  ChronogramView,
  ReportAchievedItem,
  ReportData,
  ReportItem,
  ReportLateItem,
  ReportList,
  ReportSlipItem,
  ReportSlipSummary,
} from '@jalons/contract';

import type { BaselineQueries } from '../baselines';
import type { AchievedActionRow, LastCommentRow } from './report.queries';

type BaselineRow = NonNullable<Awaited<ReturnType<BaselineQueries['one']>>>;
type PlannedItemRow = Awaited<ReturnType<BaselineQueries['items']>>[number];

/*
 * The report's sections from the chronogram's one view (the roll-ups, every item and its state at the
 * report's day) and a few rows: pure functions, so what each section holds is decided here and tested
 * without a database.
 */

/** How many lines a list of the report shows; the rest is counted (« … et N autres »), never laid out (ADR 0021). */
export const REPORT_CAPS = Object.freeze({ achieved: 25, late: 25, slips: 20, decisions: 20, nextQuarter: 25 });

export function capped<T>(all: readonly T[], cap: number): ReportList<T> {
  return { total: all.length, items: all.slice(0, cap) };
}

type View = Pick<ChronogramView, 'roadmap' | 'functions' | 'actions' | 'milestones' | 'persons'>;

/** Names of the functions and the persons of the view, by id. */
export function namesOf(view: View) {
  const functions = new Map(view.functions.map((f) => [f.id, f.name]));
  const persons = new Map(view.persons.map((p) => [p.id, p.name]));
  return {
    fn: (id: string) => functions.get(id) ?? '',
    person: (id: string | null) => (id ? (persons.get(id) ?? null) : null),
  };
}

/** The cover's roadmap, the headline (ADR 0018), the phases and the functions with their roll-ups. */
export function overview(view: View): Pick<ReportData, 'roadmap' | 'headline' | 'phases' | 'functions'> {
  const { roadmap } = view;
  const names = namesOf(view);
  const current = roadmap.phases.find((p) => p.id === roadmap.currentPhaseId) ?? null;
  const h = headline({
    overall: roadmap.rollUp,
    currentPhase: current ? { id: current.id, name: current.name, rollUp: current.rollUp } : null,
  });
  return {
    roadmap: {
      id: roadmap.id,
      slug: roadmap.slug,
      territory: roadmap.territory,
      mandateLabel: roadmap.mandateLabel,
      start: roadmap.start,
      end: roadmap.end,
      projectLead: roadmap.projectLead?.name ?? null,
    },
    headline: { health: h.health, drivenBy: h.drivenBy, overall: h.overall, currentPhase: h.currentPhase },
    phases: roadmap.phases.map((p) => ({
      id: p.id,
      name: p.name,
      start: p.start,
      end: p.end,
      current: p.id === roadmap.currentPhaseId,
      rollUp: p.rollUp,
      milestones: p.milestones,
    })),
    functions: view.functions.map((f) => ({
      id: f.id,
      name: f.name,
      owner: f.owner?.name ?? names.person(f.owner?.id ?? null),
      rollUp: f.rollUp,
      milestones: f.milestones,
    })),
  };
}

const byDateThenTitle = (a: { date: IsoDate; title: string }, b: { date: IsoDate; title: string }) =>
  compareIsoDates(a.date, b.date) || a.title.localeCompare(b.title, 'fr');

/** The actions past their due date and not done, the milestones past their date and not achieved, oldest first. */
export function lateItems(view: View, at: IsoDate): Array<Omit<ReportLateItem, 'lastComment'>> {
  const names = namesOf(view);
  const actions = view.actions
    .filter((a) => isOverdue(a, at))
    .map((a) => ({
      type: 'action' as const,
      id: a.id,
      title: a.title,
      functionName: names.fn(a.functionId),
      date: a.due,
      owner: names.person(a.ownerId),
      daysLate: daysBetween(a.due, at),
      progress: a.progress,
    }));
  const milestones = view.milestones
    .filter((m) => !m.achievedOn && compareIsoDates(m.date, at) < 0)
    .map((m) => ({
      type: 'milestone' as const,
      id: m.id,
      title: m.title,
      functionName: names.fn(m.functionId),
      date: m.date,
      owner: names.person(m.ownerId),
      daysLate: daysBetween(m.date, at),
      progress: null,
    }));
  return [...actions, ...milestones].sort(byDateThenTitle);
}

/** The late items with their last comment (rows from ReportQueries.lastComments). */
export function withComments(items: ReadonlyArray<Omit<ReportLateItem, 'lastComment'>>, rows: readonly LastCommentRow[]): ReportLateItem[] {
  const byItem = new Map(rows.map((r) => [r.item_id, { text: r.comment, on: r.on, by: r.by }]));
  return items.map((i) => ({ ...i, lastComment: byItem.get(i.id) ?? null }));
}

/** The actions marked done and the milestones achieved from `since` to `at` (both included), the latest first. */
export function achievedItems(view: View, since: IsoDate, at: IsoDate, done: readonly AchievedActionRow[]): ReportAchievedItem[] {
  const names = namesOf(view);
  const actions = new Map(view.actions.map((a) => [a.id, a]));
  const items: ReportAchievedItem[] = [];
  for (const row of done) {
    const a = actions.get(row.id);
    if (!a || a.status !== 'terminee') continue; // deleted since, or reopened by the report's day
    items.push({
      type: 'action',
      id: a.id,
      title: a.title,
      functionName: names.fn(a.functionId),
      date: a.due,
      owner: names.person(a.ownerId),
      achievedOn: row.achieved_on,
    });
  }
  for (const m of view.milestones) {
    if (!m.achievedOn || compareIsoDates(m.achievedOn, since) < 0 || compareIsoDates(m.achievedOn, at) > 0) continue;
    items.push({
      type: 'milestone',
      id: m.id,
      title: m.title,
      functionName: names.fn(m.functionId),
      date: m.date,
      owner: names.person(m.ownerId),
      achievedOn: m.achievedOn,
    });
  }
  return items.sort((a, b) => compareIsoDates(b.achievedOn, a.achievedOn) || a.title.localeCompare(b.title, 'fr'));
}

/** The milestones dated in the three months after `at` (not achieved yet, or achieved early), in date order. */
export function nextQuarter(view: View, at: IsoDate, cap: number): ReportData['nextQuarter'] {
  const names = namesOf(view);
  const until = addMonths(at, 3);
  const items = view.milestones
    .filter((m) => compareIsoDates(m.date, at) > 0 && compareIsoDates(m.date, until) <= 0)
    .map((m): ReportItem & { state: typeof m.state } => ({
      type: 'milestone',
      id: m.id,
      title: m.title,
      functionName: names.fn(m.functionId),
      date: m.date,
      owner: names.person(m.ownerId),
      state: m.state,
    }))
    .sort(byDateThenTitle);
  return { from: at, until, ...capped(items, cap) };
}

/** The items as planned on the report's day, as the baselines feature compares them. */
function plannedNow(view: View): PlannedItem[] {
  return [
    ...view.actions.map((a) => ({
      type: 'action' as const,
      id: a.id,
      functionId: a.functionId,
      phaseId: a.phaseId,
      title: a.title,
      start: a.start,
      due: a.due,
    })),
    ...view.milestones.map((m) => ({
      type: 'milestone' as const,
      id: m.id,
      functionId: m.functionId,
      phaseId: m.phaseId,
      title: m.title,
      start: null,
      due: m.date,
    })),
  ];
}

/** The slips against a baseline of the items as they stand on the report's day (ADR 0017): the latest first, then the summaries. */
export function slips(view: View, baseline: BaselineRow, frozen: readonly PlannedItemRow[], cap: number): NonNullable<ReportData['slips']> {
  const names = namesOf(view);
  const then: PlannedItem[] = frozen.map((r) => ({
    type: r.item_type,
    id: r.item_id,
    functionId: r.function_id,
    phaseId: r.phase_id,
    title: r.title,
    start: r.start,
    due: r.due,
  }));
  const compared = compareToBaseline(then, plannedNow(view));
  const slipped: ReportSlipItem[] = compared
    .flatMap((s) =>
      s.state === 'planned' && s.baseline && s.current && s.slipDays
        ? [
            {
              type: s.type,
              id: s.id,
              title: s.title,
              functionName: names.fn(s.functionId),
              baselineDue: s.baseline.due,
              currentDue: s.current.due,
              slipDays: s.slipDays,
            },
          ]
        : [],
    )
    .sort((a, b) => b.slipDays - a.slipDays || a.title.localeCompare(b.title, 'fr'));
  const summaries = (list: ReadonlyArray<{ id: string; name: string }>, key: (s: (typeof compared)[number]) => string | null) =>
    slipSummaries(
      compared,
      list.map((x) => x.id),
      key,
    ).map(({ key: id, ...rest }): ReportSlipSummary => ({ name: list.find((x) => x.id === id)?.name ?? '', ...rest }));
  return {
    baseline: { id: baseline.id, number: baseline.number, label: baseline.label, decision: baseline.decision },
    items: capped(slipped, cap),
    functions: summaries(view.functions, (s) => s.functionId),
    phases: summaries(view.roadmap.phases, (s) => s.phaseId),
  };
}
