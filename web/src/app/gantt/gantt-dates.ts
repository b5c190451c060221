import type { IsoDate } from '@jalons/domain';
import { addDays, fromDayNumber, isIsoDate } from '@jalons/domain';

/**
 * Calendar days ↔ the local JS Dates frappe-gantt works with.
 *
 * frappe-gantt reads 'YYYY-MM-DD' as LOCAL midnight (`new Date(y, m - 1, d)`) and hands back Dates
 * computed by mixing calendar arithmetic (`new Date(y, m, d + n, h …)`) with elapsed milliseconds
 * (its `diff`). Across a daylight-saving change (Europe/Paris: last Sunday of March, 23 h; last
 * Sunday of October, 25 h) the two disagree by one hour, so a Date can come back as 23:00 the day
 * before or 01:00 — and reading its local Y-M-D then shifts the day (frappe/gantt#616).
 *
 * The fix below is exact rather than a fudge: dragging snaps to whole days, so every Date frappe
 * hands back is a local midnight give or take that hour (or one second, for ends). Rounding to the
 * NEAREST local midnight (measured on the real length of that local day) recovers the day.
 */

const MS_PER_DAY = 86_400_000;

/** The Date frappe-gantt builds for a calendar day: local midnight. */
export function localDateOf(day: IsoDate): Date {
  if (!isIsoDate(day)) {
    throw new RangeError(`Not a calendar day: ${JSON.stringify(day)}`);
  }
  const date = new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  // years 0–99 would be read as 1900–1999
  date.setFullYear(Number(day.slice(0, 4)));
  return date;
}

/**
 * The calendar day whose local midnight is nearest to `date`: 2026-03-28T23:00 → 2026-03-29,
 * 2026-10-26T01:00 → 2026-10-26, 2026-04-02T23:59:59 → 2026-04-03. A local day of 23 or 25 hours
 * is measured as such (the boundary is its real middle, not 12:00).
 */
export function nearestDay(date: Date): IsoDate {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('Invalid Date');
  const y = date.getFullYear();
  const m = date.getMonth();
  const d = date.getDate();
  const midnight = new Date(date.getTime());
  midnight.setHours(0, 0, 0, 0);
  const nextMidnight = new Date(midnight.getTime());
  nextMidnight.setDate(nextMidnight.getDate() + 1);
  nextMidnight.setHours(0, 0, 0, 0);
  const dayNumber = Date.UTC(y, m, d) / MS_PER_DAY;
  const roundUp = t - midnight.getTime() >= nextMidnight.getTime() - t;
  return fromDayNumber(dayNumber + (roundUp ? 1 : 0));
}

/**
 * The inclusive last day of a bar from the end frappe-gantt reports. `on_date_change` gives the
 * exclusive end minus one second (…T23:59:59 of the last day); an exclusive end at midnight is
 * accepted too. Either way the nearest midnight is the day after the last day.
 */
export function lastDayOfEnd(end: Date): IsoDate {
  return addDays(nearestDay(end), -1);
}

/** A whole-day span from the two Dates of frappe's `on_date_change(task, start, end)`. */
export function daysOfDrag(start: Date, end: Date): { start: IsoDate; due: IsoDate } {
  const first = nearestDay(start);
  const last = lastDayOfEnd(end);
  // a bar is at least one day long
  return { start: first, due: last < first ? first : last };
}
