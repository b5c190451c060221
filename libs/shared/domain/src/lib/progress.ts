import { spanDays, toDayNumber } from './dates';
import type { Health, IsoDate, MilestoneItem, MilestoneState, ProgressItem, RollUp } from './types';

/**
 * Schedule-health thresholds — PRODUCT DECISIONS, not technical constants.
 *
 * They apply to the gap `expected − achieved`, in percentage points of progress:
 * - gap ≤ atRisk (10)          → 'on_track'
 * - atRisk < gap ≤ late (25)   → 'at_risk'
 * - gap > late                 → 'late'
 * Being ahead of schedule (negative gap) is 'on_track'. Change them here only with the product
 * owner's agreement: every indicator of the application (items, functions, phases, roadmap) moves.
 */
export const HEALTH_THRESHOLDS: Readonly<{ atRisk: number; late: number }> = Object.freeze({
  atRisk: 10,
  late: 25,
});

/** Tolerance for float noise when comparing a gap to a threshold (60.3 − 50.3 is not exactly 10). */
const EPSILON = 1e-9;

function round1(x: number): number {
  const r = Math.round(x * 10) / 10;
  return r === 0 ? 0 : r; // no -0
}

/** Planned duration in days, both ends included (at least 1, even for an item due before it starts). */
function plannedDays(item: { start: IsoDate; due: IsoDate }): number {
  return Math.max(1, spanDays(item.start, item.due));
}

/** Days of the planned duration that should be done at the end of day `at`. */
function expectedDays(item: { start: IsoDate; due: IsoDate }, at: IsoDate): number {
  const day = toDayNumber(at);
  if (day < toDayNumber(item.start)) return 0;
  if (day >= toDayNumber(item.due)) return plannedDays(item);
  return day - toDayNumber(item.start) + 1;
}

/** Achieved progress as counted in roll-ups: 100 for a finished action, otherwise clamped to 0–100. */
function achieved(item: ProgressItem): number {
  if (item.status === 'terminee') return 100;
  if (!Number.isFinite(item.progress)) return 0;
  return Math.min(100, Math.max(0, item.progress));
}

/**
 * Progress (0–100, 1 decimal) expected at the END of day `at`, linear by whole days: 0 before the
 * start, (daysBetween(start, at) + 1) / spanDays(start, due) × 100 in between, 100 from the due day
 * on (an item is expected done at the end of its due day).
 */
export function expectedProgress(item: { start: IsoDate; due: IsoDate }, at: IsoDate): number {
  return round1((expectedDays(item, at) / plannedDays(item)) * 100);
}

/** Due date passed (due < at) and the action neither finished nor abandoned. */
export function isOverdue(item: ProgressItem, at: IsoDate): boolean {
  return item.status !== 'terminee' && item.status !== 'abandonnee' && toDayNumber(item.due) < toDayNumber(at);
}

/** Health from the gap expected − progress, see HEALTH_THRESHOLDS (both thresholds inclusive). */
export function healthOf(
  progress: number,
  expected: number,
  thresholds: Readonly<{ atRisk: number; late: number }> = HEALTH_THRESHOLDS,
): Health {
  const gap = expected - progress;
  if (gap <= thresholds.atRisk + EPSILON) return 'on_track';
  if (gap <= thresholds.late + EPSILON) return 'at_risk';
  return 'late';
}

/**
 * Health of one action at day `at`: null when abandoned; 'on_track' when finished; 'late' when
 * overdue; otherwise healthOf(progress, expected), raised to at least 'at_risk' when blocked.
 */
export function itemHealth(item: ProgressItem, at: IsoDate): Health | null {
  if (item.status === 'abandonnee') return null;
  if (item.status === 'terminee') return 'on_track';
  if (isOverdue(item, at)) return 'late';
  const health = healthOf(item.progress, expectedProgress(item, at));
  if (item.status === 'bloquee' && health === 'on_track') return 'at_risk';
  return health;
}

/**
 * Roll-up of a set of actions at day `at`. Abandoned actions are left out. Progress and expected
 * progress are averages weighted by planned duration (spanDays(start, due)); a finished action
 * counts as 100. Health = healthOf(progress, expected) of the rounded figures — nothing else
 * (overdue and blocked actions show in their counts). An empty set is 0 / 0 / 'on_track'.
 */
export function rollUp(items: readonly ProgressItem[], at: IsoDate): RollUp {
  let count = 0;
  let done = 0;
  let overdue = 0;
  let blocked = 0;
  let weightSum = 0;
  let achievedSum = 0;
  let expectedSum = 0;
  for (const item of items) {
    if (item.status === 'abandonnee') continue;
    count++;
    if (item.status === 'terminee') done++;
    if (item.status === 'bloquee') blocked++;
    if (isOverdue(item, at)) overdue++;
    const weight = plannedDays(item);
    weightSum += weight;
    achievedSum += weight * achieved(item);
    expectedSum += expectedDays(item, at) * 100;
  }
  if (count === 0) {
    return {
      count: 0,
      done: 0,
      overdue: 0,
      blocked: 0,
      progress: 0,
      expected: 0,
      health: 'on_track',
    };
  }
  const progress = round1(achievedSum / weightSum);
  const expected = round1(expectedSum / weightSum);
  return {
    count,
    done,
    overdue,
    blocked,
    progress,
    expected,
    health: healthOf(progress, expected),
  };
}

/** 'achieved' if achievedOn is set; else 'late' if its date is before `at`; else 'upcoming'. */
export function milestoneState(m: MilestoneItem, at: IsoDate): MilestoneState {
  if (m.achievedOn !== null && m.achievedOn !== undefined) return 'achieved';
  return toDayNumber(m.date) < toDayNumber(at) ? 'late' : 'upcoming';
}

/**
 * Groups the items by `key` (Map in order of first appearance) and rolls each group up. A group
 * made only of abandoned actions is present, with the empty roll-up.
 */
export function rollUpBy<K>(items: readonly (ProgressItem & { key: K })[], at: IsoDate): Map<K, RollUp> {
  const groups = new Map<K, ProgressItem[]>();
  for (const item of items) {
    const group = groups.get(item.key);
    if (group) group.push(item);
    else groups.set(item.key, [item]);
  }
  const result = new Map<K, RollUp>();
  for (const [key, group] of groups) result.set(key, rollUp(group, at));
  return result;
}
