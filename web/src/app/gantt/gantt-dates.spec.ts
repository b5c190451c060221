/**
 * @jest-environment ./src/app/gantt/testing/paris-jsdom.environment.js
 */
import { daysOfDrag, lastDayOfEnd, localDateOf, nearestDay } from './gantt-dates';

/**
 * The Dates frappe-gantt hands back, built the way its date_utils builds them:
 * - calendar arithmetic: add(d, n, 'day') = new Date(y, m, d + n, h, min, s, ms);
 * - hour arithmetic (frappe/gantt#616): a bar's x is measured in ELAPSED hours from the chart
 *   start, then read back with add(start, hours, 'hour') = new Date(y, m, d, h + hours) — one hour
 *   off once a daylight-saving change lies between the chart start and the bar;
 * - the end of `on_date_change`: add(exclusiveEnd, -1, 'second').
 */
const frappe = {
  addDays: (d: Date, n: number): Date =>
    new Date(d.getFullYear(), d.getMonth(), d.getDate() + n, d.getHours(), d.getMinutes(), d.getSeconds()),
  addHours: (d: Date, n: number): Date =>
    new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours() + n, d.getMinutes(), d.getSeconds()),
  minusOneSecond: (d: Date): Date => new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds() - 1),
  elapsedHours: (a: Date, b: Date): number => Math.round((a.getTime() - b.getTime()) / 3_600_000),
};

describe('the test clock', () => {
  it('is Europe/Paris, with its two 2026 daylight-saving Sundays', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Europe/Paris');
    // 29/03/2026: 23-hour day (UTC+1 → UTC+2); 25/10/2026: 25-hour day (UTC+2 → UTC+1)
    expect(new Date(2026, 2, 30).getTime() - new Date(2026, 2, 29).getTime()).toBe(23 * 3_600_000);
    expect(new Date(2026, 9, 26).getTime() - new Date(2026, 9, 25).getTime()).toBe(25 * 3_600_000);
  });
});

describe('localDateOf', () => {
  it('is local midnight of the day, as frappe reads "YYYY-MM-DD"', () => {
    const d = localDateOf('2026-03-29');
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2026, 2, 29, 0, 0]);
    expect(localDateOf('2026-10-25').getTimezoneOffset()).toBe(-120); // still summer time at 00:00
  });

  it('rejects what is not a calendar day', () => {
    expect(() => localDateOf('2026-02-30')).toThrow(RangeError);
  });
});

describe('nearestDay', () => {
  it('reads local midnights and the times around them as that day', () => {
    expect(nearestDay(new Date(2026, 2, 29))).toBe('2026-03-29');
    expect(nearestDay(new Date(2026, 2, 28, 23, 0))).toBe('2026-03-29');
    expect(nearestDay(new Date(2026, 2, 29, 1, 0))).toBe('2026-03-29');
    expect(nearestDay(new Date(2026, 9, 25, 23, 59, 59))).toBe('2026-10-26');
  });

  it('splits a 23- or 25-hour day at its real middle', () => {
    // 29/03/2026 lasts 23 h: its middle is 12:30 local (11.5 h after midnight)
    expect(nearestDay(new Date(2026, 2, 29, 12, 29))).toBe('2026-03-29');
    expect(nearestDay(new Date(2026, 2, 29, 12, 31))).toBe('2026-03-30');
    // 25/10/2026 lasts 25 h: its middle is 11:30 local
    expect(nearestDay(new Date(2026, 9, 25, 11, 29))).toBe('2026-10-25');
    expect(nearestDay(new Date(2026, 9, 25, 11, 31))).toBe('2026-10-26');
  });

  it('throws on an invalid Date', () => {
    expect(() => nearestDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('lastDayOfEnd', () => {
  it('turns frappe\u2019s "exclusive end minus one second" back into the last day', () => {
    const exclusiveEnd = new Date(2026, 3, 4); // bar ends on 03/04 included
    expect(lastDayOfEnd(frappe.minusOneSecond(exclusiveEnd))).toBe('2026-04-03');
    expect(lastDayOfEnd(exclusiveEnd)).toBe('2026-04-03');
  });
});

describe('daysOfDrag: a 10-day bar dragged across a daylight-saving Sunday (frappe/gantt#616)', () => {
  // the chart starts well before both changes (winter time)
  const chartStart = new Date(2026, 0, 1);
  const TEN_DAYS = 10;

  /** frappe's dates for a bar dropped `offsetDays` after the chart start, by its two code paths. */
  function dropped(offsetDays: number): {
    calendar: [Date, Date];
    hourly: [Date, Date];
  } {
    const start = frappe.addDays(chartStart, offsetDays);
    const end = frappe.minusOneSecond(frappe.addDays(start, TEN_DAYS));
    // the hour path: x measured in elapsed hours, read back as calendar hours
    const dropDay = new Date(2026, 0, 1 + offsetDays);
    const hStart = frappe.addHours(chartStart, frappe.elapsedHours(dropDay, chartStart));
    const exclusive = new Date(2026, 0, 1 + offsetDays + TEN_DAYS);
    const hEnd = frappe.minusOneSecond(frappe.addHours(chartStart, frappe.elapsedHours(exclusive, chartStart)));
    return { calendar: [start, end], hourly: [hStart, hEnd] };
  }

  const offsetOf = (y: number, m: number, d: number): number => Math.round((Date.UTC(y, m, d) - Date.UTC(2026, 0, 1)) / 86_400_000);

  it.each([
    // spring: dropped so that it spans 29/03, then dropped after it, forward and backward
    ['spanning 29/03', offsetOf(2026, 2, 25), '2026-03-25', '2026-04-03'],
    ['starting on 29/03', offsetOf(2026, 2, 29), '2026-03-29', '2026-04-07'],
    ['ending on 29/03', offsetOf(2026, 2, 20), '2026-03-20', '2026-03-29'],
    ['after 29/03', offsetOf(2026, 3, 10), '2026-04-10', '2026-04-19'],
    // autumn
    ['spanning 25/10', offsetOf(2026, 9, 20), '2026-10-20', '2026-10-29'],
    ['starting on 25/10', offsetOf(2026, 9, 25), '2026-10-25', '2026-11-03'],
    ['ending on 25/10', offsetOf(2026, 9, 16), '2026-10-16', '2026-10-25'],
    ['after 25/10', offsetOf(2026, 10, 2), '2026-11-02', '2026-11-11'],
  ])('%s: starts on the day it was dropped on and keeps 10 days', (_, offset, start, due) => {
    const { calendar, hourly } = dropped(offset);
    expect(daysOfDrag(...calendar)).toEqual({ start, due });
    expect(daysOfDrag(...hourly)).toEqual({ start, due });
  });

  it('the hour path really is one hour off after the spring change (what #616 reads as the day before)', () => {
    const { hourly } = dropped(offsetOf(2026, 3, 10));
    // 01/01 → 10/04 is one hour shorter than 99 calendar days (the spring change): read back as
    // calendar hours it lands at 23:00 on 09/04, and a naive getDate() says the 9th
    expect(hourly[0].getHours()).toBe(23);
    expect(hourly[0].getDate()).toBe(9);
    expect(daysOfDrag(...hourly).start).toBe('2026-04-10');
  });

  it('works the other way round: a chart starting in summer time, bars dragged back into winter', () => {
    const summerStart = new Date(2026, 5, 1);
    const drop = new Date(2026, 1, 20); // before the spring change
    const hours = frappe.elapsedHours(drop, summerStart);
    const start = frappe.addHours(summerStart, hours);
    const end = frappe.minusOneSecond(frappe.addHours(summerStart, frappe.elapsedHours(new Date(2026, 2, 2), summerStart)));
    expect(start.getHours()).toBe(1); // one hour late
    expect(daysOfDrag(start, end)).toEqual({
      start: '2026-02-20',
      due: '2026-03-01',
    });
  });

  it('never returns a bar shorter than one day', () => {
    const d = new Date(2026, 2, 29);
    expect(daysOfDrag(d, frappe.minusOneSecond(d))).toEqual({
      start: '2026-03-29',
      due: '2026-03-29',
    });
  });
});
