import type { DaySpan, IsoDate } from './types';

/**
 * Calendar-day arithmetic on `IsoDate` strings ('YYYY-MM-DD').
 *
 * Every computation goes through a day number (days since 1970-01-01) obtained with `Date.UTC`,
 * never through local time: the machine's time zone and the daylight-saving changes of
 * Europe/Paris cannot shift a day. Functions that take an `IsoDate` throw a `RangeError` when it
 * is not a real calendar day (use `isIsoDate` or the rules of `rules.ts` to validate user input).
 */

const MS_PER_DAY = 86_400_000;
/** A Gregorian cycle of 400 years has exactly 146 097 days. */
const DAYS_PER_400_YEARS = 146_097;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of a month (month 1–12) in the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

function parse(s: unknown): Ymd | null {
  if (typeof s !== 'string') return null;
  const match = ISO_DATE_RE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function parseOrThrow(d: IsoDate): Ymd {
  const ymd = parse(d);
  if (!ymd) throw new RangeError(`Not a calendar day in 'YYYY-MM-DD' form: ${JSON.stringify(d)}`);
  return ymd;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

function format(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dayNumberOf(y: number, m: number, d: number): number {
  // Date.UTC reads years 0–99 as 1900–1999: compute 400 years later and step back one cycle.
  if (y < 100) return Date.UTC(y + 400, m - 1, d) / MS_PER_DAY - DAYS_PER_400_YEARS;
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

const MIN_DAY_NUMBER = dayNumberOf(0, 1, 1);
const MAX_DAY_NUMBER = dayNumberOf(9999, 12, 31);

/** True for a real calendar day written 'YYYY-MM-DD' (2024-02-29 yes, 2023-02-29 no, '2026-1-5' no). */
export function isIsoDate(s: unknown): s is IsoDate {
  return parse(s) !== null;
}

/**
 * Day numbers already computed. Roll-ups read the same few thousand dates again and again (a
 * mandate has ~2,600 days); the cache is emptied past a bound so it can never grow without limit.
 */
const DAY_NUMBERS = new Map<string, number>();
const DAY_NUMBERS_MAX = 20_000;

/** Days since 1970-01-01 (negative before), computed in UTC. */
export function toDayNumber(d: IsoDate): number {
  const known = DAY_NUMBERS.get(d);
  if (known !== undefined) return known;
  const { y, m, d: day } = parseOrThrow(d);
  const n = dayNumberOf(y, m, day);
  if (DAY_NUMBERS.size >= DAY_NUMBERS_MAX) DAY_NUMBERS.clear();
  DAY_NUMBERS.set(d, n);
  return n;
}

/** Inverse of `toDayNumber`. Throws for a non-integer or a day outside years 0000–9999. */
export function fromDayNumber(n: number): IsoDate {
  assertInteger(n, 'Day number');
  if (n < MIN_DAY_NUMBER || n > MAX_DAY_NUMBER) {
    throw new RangeError(`Day number ${n} is outside years 0000–9999`);
  }
  const date = new Date(n * MS_PER_DAY);
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** `d` plus `n` calendar days (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of days');
  return fromDayNumber(toDayNumber(d) + n);
}

/** b − a in days (negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Number of days of the span, both ends included: end − start + 1 (≤ 0 when end is before start). */
export function spanDays(start: IsoDate, end: IsoDate): number {
  return daysBetween(start, end) + 1;
}

/**
 * `d` plus `n` calendar months; when the day does not exist in the target month, the last day of
 * that month is used (2024-01-31 + 1 → 2024-02-29; 2025-01-31 + 1 → 2025-02-28).
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of months');
  const { y, m, d: day } = parseOrThrow(d);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 0 || year > 9999) throw new RangeError(`${d} + ${n} months is outside years 0000–9999`);
  return format(year, month, Math.min(day, daysInMonth(year, month)));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day in `timeZone` (IANA name) at the instant `now` (default: the current instant).
 * Throws a `RangeError` for an unknown time zone.
 */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const result = format(part('year'), part('month'), part('day'));
  if (!isIsoDate(result)) throw new RangeError(`Cannot read a calendar day for ${String(now)} in ${timeZone}`);
  return result;
}

/** The calendar day in Europe/Paris (the reference zone of Jalons) at the instant `now`. */
export function todayInParis(now?: Date): IsoDate {
  return todayIn('Europe/Paris', now);
}

/** Negative if a is before b, 0 if same day, positive if after: usable as a sort comparator. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

function pick(ds: readonly IsoDate[], keepLater: boolean): IsoDate {
  if (ds.length === 0) throw new RangeError('minDate/maxDate need at least one date');
  let best = ds[0];
  let bestDay = toDayNumber(best);
  for (let i = 1; i < ds.length; i++) {
    const day = toDayNumber(ds[i]);
    if (keepLater ? day > bestDay : day < bestDay) {
      best = ds[i];
      bestDay = day;
    }
  }
  return best;
}

/** The earliest of the dates. Throws a `RangeError` when called with none. */
export function minDate(...ds: IsoDate[]): IsoDate {
  return pick(ds, false);
}

/** The latest of the dates. Throws a `RangeError` when called with none. */
export function maxDate(...ds: IsoDate[]): IsoDate {
  return pick(ds, true);
}

/** True when `d` is inside the span, both ends included. */
export function spanContains(span: DaySpan, d: IsoDate): boolean {
  const day = toDayNumber(d);
  return toDayNumber(span.start) <= day && day <= toDayNumber(span.end);
}

function assertSpan(phase: DaySpan): void {
  if (toDayNumber(phase.end) < toDayNumber(phase.start)) {
    throw new RangeError(`Span ends (${phase.end}) before it starts (${phase.start})`);
  }
}

/**
 * The kit's relative timing: "months a to b of the phase" (1-based, a ≤ b), from the first day of
 * month a (phase.start + (a − 1) months) to the last day of month b (phase.start + b months − 1 day).
 * Months are counted from phase.start, not chained, so month k+1 starts the day after month k ends.
 * Both ends are clamped into the phase: never after phase.end.
 */
export function relativeSpan(phase: DaySpan, fromMonth: number, toMonth: number): DaySpan {
  assertInteger(fromMonth, 'fromMonth');
  assertInteger(toMonth, 'toMonth');
  if (fromMonth < 1 || toMonth < fromMonth) {
    throw new RangeError(`Relative months must satisfy 1 ≤ from ≤ to, got [${fromMonth}, ${toMonth}]`);
  }
  assertSpan(phase);
  const phaseEnd = toDayNumber(phase.end);
  const start = toDayNumber(addMonths(phase.start, fromMonth - 1));
  const end = toDayNumber(addMonths(phase.start, toMonth)) - 1;
  return {
    start: fromDayNumber(Math.min(start, phaseEnd)),
    end: fromDayNumber(Math.min(end, phaseEnd)),
  };
}

/** The last day of month m (1-based) of the phase, clamped to phase.end (a milestone's due date). */
export function relativeDay(phase: DaySpan, month: number): IsoDate {
  return relativeSpan(phase, month, month).end;
}
