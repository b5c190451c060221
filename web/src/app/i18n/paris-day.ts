import type { IsoDate } from '@jalons/domain';

const HOUR = 3_600_000;

/** The last Sunday of `month` (0-based) of `year`, at 01:00 UTC: when summer time starts or ends in the EU. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * Today in Paris, without Intl, for the web app's pages (`todayIn('Europe/Paris')` builds an Intl.DateTimeFormat: the first of a page
 * costs about 35 ms in Chromium, 140 ms on Lighthouse's phone, in the overview's first drawing): UTC+1, and
 * UTC+2 from the last Sunday of March to the last Sunday of October at 01:00 UTC (the EU's rule since 1996).
 * Its spec checks it against `todayIn('Europe/Paris')` every half hour from 2024 to 2032: should the rule change
 * (the EU ending summer time), the spec fails with the new time-zone data. The API keeps the domain's
 * `todayInParis` (Intl, the time-zone data's word).
 */
export function parisToday(now: Date = new Date()): IsoDate {
  const t = now.getTime();
  const year = now.getUTCFullYear();
  const summer = t >= lastSundayAtOneUtc(year, 2) && t < lastSundayAtOneUtc(year, 9);
  return new Date(t + (summer ? 2 : 1) * HOUR).toISOString().slice(0, 10) as IsoDate;
}
