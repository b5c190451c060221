import { healthOf } from '@jalons/domain';
import type { RollUp } from '@jalons/domain';

import type { RollUpSums } from './chronogram.queries';

/** The additive part of a roll-up: what SQL sums by function and phase (`ChronogramQueries.rollUpSums`). */
export type Sums = Omit<RollUpSums, 'functionId' | 'phaseId'>;

const none = (): Sums => ({ count: 0, done: 0, blocked: 0, overdue: 0, weight: 0, achieved: 0, expected: 0 });

function add(into: Sums, s: Sums): Sums {
  into.count += s.count;
  into.done += s.done;
  into.blocked += s.blocked;
  into.overdue += s.overdue;
  into.weight += s.weight;
  into.achieved += s.achieved;
  into.expected += s.expected;
  return into;
}

/** One decimal, as the domain rounds (and no -0). */
function round1(x: number): number {
  const r = Math.round(x * 10) / 10;
  return r === 0 ? 0 : r;
}

/**
 * The roll-up of a group from its sums: the domain's `rollUp` (weighted averages of progress and
 * expected progress, health from their gap) computed from the totals instead of the actions. The
 * sums are integers, so the figures are the same to the last digit (api/test/chronogram-sums.spec.ts).
 */
export function rollUpOfSums(s: Sums | undefined): RollUp {
  if (!s || s.count === 0) return { count: 0, done: 0, overdue: 0, blocked: 0, progress: 0, expected: 0, health: 'on_track' };
  const progress = round1(s.achieved / s.weight);
  const expected = round1(s.expected / s.weight);
  return {
    count: s.count,
    done: s.done,
    overdue: s.overdue,
    blocked: s.blocked,
    progress,
    expected,
    health: healthOf(progress, expected),
  };
}

/** The sums by function and phase added up by phase, by function and in all, for `detailView` and `functionViews`. */
export function summed(rows: readonly RollUpSums[]) {
  const all = none();
  const byPhase = new Map<string, Sums>();
  const byFunction = new Map<string, Sums>();
  const byFunctionPhase = new Map<string, Sums>();
  const into = (m: Map<string, Sums>, k: string, s: Sums) => {
    const sums = m.get(k);
    if (sums) add(sums, s);
    else m.set(k, add(none(), s));
  };
  for (const r of rows) {
    add(all, r);
    into(byPhase, r.phaseId, r);
    into(byFunction, r.functionId, r);
    into(byFunctionPhase, `${r.functionId}/${r.phaseId}`, r);
  }
  return { all, byPhase, byFunction, byFunctionPhase, rollUp: rollUpOfSums };
}
