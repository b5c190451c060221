import { milestoneState, phaseAt, rollUp } from '@jalons/domain';
import type { IsoDate, MilestoneState, ProgressItem, RollUp } from '@jalons/domain';
import type {
  FunctionWithRollUpView,
  MilestoneCounts,
  PersonView,
  PhaseWithRollUpView,
  RoadmapDetailView,
  RoadmapSummaryView,
} from '@jalons/contract';

import { personIn } from '../accounts';
import type { FunctionRow, MilestoneDateRow, PhaseRow, ProgressRow, RoadmapRow } from './roadmaps.queries';

/*
 * Roadmap views from rows: pure functions, so the roadmap reader and the chronogram shape them the
 * same way. Roll-ups and health come from the domain library, as on the web side.
 */

/**
 * Actions grouped once by phase, by function and by both, for the roll-ups: as lists of actions, or
 * as anything a roll-up is made from (the chronogram's sums read from SQL, `T`).
 */
export interface Grouped<T = ProgressItem[]> {
  all: T;
  byPhase: Map<string, T>;
  byFunction: Map<string, T>;
  byFunctionPhase: Map<string, T>;
  rollUp(items: T | undefined): RollUp;
}

/** A milestone reduced to what the counts need. */
export interface MilestonePlace {
  functionId: string;
  phaseId: string;
  state: MilestoneState;
}

export function group(rows: readonly ProgressRow[], at: IsoDate): Grouped {
  const g: Grouped = {
    all: [],
    byPhase: new Map(),
    byFunction: new Map(),
    byFunctionPhase: new Map(),
    rollUp: (items) => rollUp(items ?? [], at),
  };
  const push = (m: Map<string, ProgressItem[]>, k: string, item: ProgressItem) => {
    const list = m.get(k);
    if (list) list.push(item);
    else m.set(k, [item]);
  };
  for (const r of rows) {
    g.all.push(r);
    push(g.byPhase, r.phaseId, r);
    push(g.byFunction, r.functionId, r);
    push(g.byFunctionPhase, `${r.functionId}/${r.phaseId}`, r);
  }
  return g;
}

export function milestonePlaces(rows: readonly MilestoneDateRow[], at: IsoDate): MilestonePlace[] {
  return rows.map((r) => ({ functionId: r.functionId, phaseId: r.phaseId, state: milestoneState(r, at) }));
}

export function counts(ms: ReadonlyArray<{ state: MilestoneState }>): MilestoneCounts {
  return {
    total: ms.length,
    achieved: ms.filter((m) => m.state === 'achieved').length,
    late: ms.filter((m) => m.state === 'late').length,
  };
}

export function summaryView(r: RoadmapRow, persons: ReadonlyMap<string, PersonView>): RoadmapSummaryView {
  return {
    id: r.id,
    slug: r.slug,
    territory: r.territory,
    mandateLabel: r.mandate_label,
    electionDates: r.election_dates,
    nextElectionDate: r.next_election_date,
    start: r.start_date,
    end: r.end_date,
    projectLead: personIn(persons, r.project_lead_id),
    publicPage: r.public_page,
    embedOrigins: r.embed_origins ?? [],
    version: r.version,
    reminderRules: r.reminder_rules,
    closedAt: r.closed_at === null || r.closed_at === undefined ? null : new Date(r.closed_at).toISOString(),
  };
}

/** What the roadmap's and the functions' views are built from. */
export interface RollUpInput<T = ProgressItem[]> {
  at: IsoDate;
  phases: readonly PhaseRow[];
  grouped: Grouped<T>;
  milestones: ReadonlyArray<{ functionId: string; phaseId: string; state: MilestoneState }>;
  persons: ReadonlyMap<string, PersonView>;
}

/** The roadmap with its phases, each rolled up, and the whole rolled up. */
export function detailView<T>(row: RoadmapRow, { at, phases, grouped, milestones, persons }: RollUpInput<T>): RoadmapDetailView {
  const phaseViews: PhaseWithRollUpView[] = phases.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    description: p.description,
    purpose: p.purpose,
    order: p.position,
    start: p.start_date,
    end: p.end_date,
    rollUp: grouped.rollUp(grouped.byPhase.get(p.id)),
    milestones: counts(milestones.filter((m) => m.phaseId === p.id)),
  }));
  return {
    ...summaryView(row, persons),
    at,
    currentPhaseId: phaseAt(phaseViews, at)?.id ?? null,
    phases: phaseViews,
    rollUp: grouped.rollUp(grouped.all),
    milestones: counts(milestones),
  };
}

/** The target functions with their roll-ups, in total and by phase. */
export function functionViews<T>(
  rows: readonly FunctionRow[],
  { phases, grouped, milestones, persons }: RollUpInput<T>,
): FunctionWithRollUpView[] {
  return rows.map((f) => {
    const byPhase: Record<string, RollUp> = {};
    for (const p of phases) byPhase[p.id] = grouped.rollUp(grouped.byFunctionPhase.get(`${f.id}/${p.id}`));
    return {
      id: f.id,
      code: f.code,
      name: f.name,
      family: f.family,
      central: f.central,
      description: f.description,
      volets: f.volets,
      owner: personIn(persons, f.owner_id),
      color: f.color,
      order: f.position,
      version: f.version,
      rollUp: grouped.rollUp(grouped.byFunction.get(f.id)),
      byPhase,
      milestones: counts(milestones.filter((m) => m.functionId === f.id)),
    };
  });
}
