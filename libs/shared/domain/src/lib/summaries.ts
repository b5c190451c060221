import { addDays, addMonths, daysInMonth, toDayNumber } from './dates';
import type { IsoDate } from './types';

/*
 * The monthly summary for elected officials (issue 12, ADR 0022): which month a day belongs to, the
 * day that month's summary falls due (its first Monday, Europe/Paris days), the month before it.
 */

const FR_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

/** « YYYY-MM »: the month of a day, as the summary's outbox key names it. */
export function monthOf(d: IsoDate): string {
  return d.slice(0, 7);
}

/** The first day of the month of `d`. */
export function firstDayOfMonth(d: IsoDate): IsoDate {
  return `${monthOf(d)}-01`;
}

/** The last day of the month of `d`. */
export function lastDayOfMonth(d: IsoDate): IsoDate {
  const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  return `${monthOf(d)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/** The first Monday of the month of `d` (the day its monthly summary falls due). */
export function firstMondayOfMonth(d: IsoDate): IsoDate {
  const first = firstDayOfMonth(d);
  // day number 0 (1970-01-01) was a Thursday: Monday is (n + 3) % 7 === 0
  const weekday = (((toDayNumber(first) + 3) % 7) + 7) % 7; // 0 = Monday … 6 = Sunday
  return addDays(first, (7 - weekday) % 7);
}

/** Whether the month of `d` has its summary due on `d`: from its first Monday to its last day. */
export function summaryDue(d: IsoDate): boolean {
  return d >= firstMondayOfMonth(d);
}

/** The month before the month of `d`, as its first and last days. */
export function previousMonth(d: IsoDate): { start: IsoDate; end: IsoDate } {
  const start = addMonths(firstDayOfMonth(d), -1);
  return { start, end: lastDayOfMonth(start) };
}

/** « décembre 2026 » */
export function frenchMonth(d: IsoDate): string {
  return `${FR_MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}
