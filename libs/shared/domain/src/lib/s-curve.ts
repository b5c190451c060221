import { daysInMonth, toDayNumber } from './dates';
import { rollUp } from './progress';
import type { IsoDate, ProgressItem } from './types';

/*
 * The S-curve of a mandate (issue 12, ADR 0020): progress expected by the plan against progress
 * achieved, month after month. Both are the roll-up's figures (averages weighted by planned
 * duration, abandoned actions left out): `expected` from the plan's dates, `achieved` from the items
 * as they were at the end of each day (replayed from the history), none after today.
 */

export interface CurvePoint {
  date: IsoDate;
  /** 0–100, one decimal */
  expected: number;
  /** 0–100, one decimal; null after today */
  achieved: number | null;
}

/**
 * The days of the curve: the last day of each month from `start`'s month to `end` (the last month
 * ends on `end` itself), plus `today` when it falls within, in order and once each.
 */
export function sCurveDays(start: IsoDate, end: IsoDate, today: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const last = toDayNumber(end);
  for (;;) {
    const monthEnd = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
    if (toDayNumber(monthEnd) >= last) {
      days.push(end);
      break;
    }
    days.push(monthEnd);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  if (today >= start && today <= end && !days.includes(today)) {
    days.push(today);
    days.sort();
  }
  return days;
}

/**
 * The curve's points. `planned`: the actions with the plan's dates (their status only to leave the
 * abandoned out). `achievedAt(day)`: the actions as they were at the end of `day` — called for the
 * days up to today only, latest first, so a replay can walk back through the history once.
 */
export function sCurve(
  days: readonly IsoDate[],
  today: IsoDate,
  planned: readonly ProgressItem[],
  achievedAt: (day: IsoDate) => readonly ProgressItem[],
): CurvePoint[] {
  const points: CurvePoint[] = days.map((date) => ({ date, expected: rollUp(planned, date).expected, achieved: null }));
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p.date > today) continue;
    p.achieved = rollUp(achievedAt(p.date), p.date).progress;
  }
  return points;
}
