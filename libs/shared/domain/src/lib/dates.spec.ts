import {
  addDays,
  addMonths,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  maxDate,
  minDate,
  relativeDay,
  relativeSpan,
  spanContains,
  spanDays,
  toDayNumber,
  todayIn,
  todayInParis,
} from './dates';

/**
 * None of these tests may depend on the machine's time zone. The suite is run with
 * TZ=America/New_York and TZ=Pacific/Kiritimati (UTC−5/−4 and UTC+14) to prove it; see README.
 */

/** An independent calendar, written out by hand, to cross-check the Date.UTC-based arithmetic. */
function* calendar(fromYear: number, toYear: number): Generator<string> {
  const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  for (let y = fromYear; y <= toYear; y++) {
    const leap = y % 400 === 0 || (y % 4 === 0 && y % 100 !== 0);
    for (let m = 1; m <= 12; m++) {
      const days = m === 2 && leap ? 29 : lengths[m - 1];
      for (let d = 1; d <= days; d++) {
        yield `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      }
    }
  }
}

const at = (iso: string) => new Date(iso);

describe('test environment', () => {
  it('runs under the time zone given by TZ, if any (so a TZ run really exercises that zone)', () => {
    const tz = process.env['TZ'];
    if (!tz) return;
    const clock = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const instant of ['2026-01-01T12:00:00Z', '2026-07-01T12:00:00Z']) {
      const local = new Date(instant); // local time of the process
      const wall = clock.formatToParts(local);
      const part = (type: string) => Number(wall.find((p) => p.type === type)?.value);
      expect([local.getHours(), local.getMinutes()]).toEqual([part('hour'), part('minute')]);
    }
  });
});

describe('isLeapYear / daysInMonth', () => {
  it.each([
    [2024, true],
    [2028, true],
    [2000, true],
    [2100, false],
    [1900, false],
    [2023, false],
    [2026, false],
  ])('%i leap = %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it('knows the 30- and 31-day months', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });
});

describe('isIsoDate', () => {
  it.each([
    '2026-03-29',
    '2026-10-25',
    '2024-02-29',
    '2028-02-29',
    '2000-02-29',
    '1970-01-01',
    '2026-04-30',
    '2026-12-31',
    '0000-01-01',
    '9999-12-31',
  ])('accepts %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });

  it.each([
    '2023-02-29', // not leap
    '2100-02-29', // century, not leap
    '1900-02-29',
    '2024-02-30',
    '2026-04-31',
    '2026-06-31',
    '2026-1-5',
    '2026-01-5',
    '2026-1-05',
    '26-01-05',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '2026/01/05',
    '05/01/2026',
    '2026-01-05T00:00:00Z',
    '2026-01-05T00:00',
    ' 2026-01-05',
    '2026-01-05 ',
    '2026-01-05\n',
    '+02026-01-05',
    '20260105',
    '２０２６-01-05',
    '',
  ])('rejects %p', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  it.each([undefined, null, 20260105, new Date(Date.UTC(2026, 0, 5)), {}, ['2026-01-05'], true])('rejects the non-string %p', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  it('agrees with a hand-written calendar on every day of 1999–2001 and 2099–2101', () => {
    for (const d of [...calendar(1999, 2001), ...calendar(2099, 2101)]) expect(isIsoDate(d)).toBe(true);
  });

  it('narrows the type', () => {
    const value: unknown = '2026-03-29';
    if (isIsoDate(value)) expect(value.length).toBe(10);
    else throw new Error('should be an IsoDate');
  });
});

describe('toDayNumber / fromDayNumber', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-01-01', 10957],
    ['2000-03-01', 11017],
    ['2024-02-29', 19782],
    ['2026-03-29', 20541],
    ['2026-10-25', 20751],
  ])('%s is day %i', (d, n) => {
    expect(toDayNumber(d)).toBe(n);
    expect(fromDayNumber(n)).toBe(d);
  });

  it('is consecutive over 2024–2028 and 2099–2101 (hand-written calendar, DST Sundays, 29 Feb)', () => {
    const days = [...calendar(2024, 2028)];
    const first = toDayNumber(days[0]);
    days.forEach((d, i) => {
      expect(toDayNumber(d)).toBe(first + i);
      expect(fromDayNumber(first + i)).toBe(d);
    });
    const century = [...calendar(2099, 2101)];
    const c0 = toDayNumber(century[0]);
    century.forEach((d, i) => expect(toDayNumber(d)).toBe(c0 + i));
  });

  it('handles years 0000–0099 (which Date.UTC would read as 19xx)', () => {
    expect(toDayNumber('0099-12-31') + 1).toBe(toDayNumber('0100-01-01'));
    expect(fromDayNumber(toDayNumber('0050-06-15'))).toBe('0050-06-15');
    expect(addDays('0000-03-01', -1)).toBe('0000-02-29'); // year 0 is a leap year
    expect(daysBetween('0001-01-01', '2001-01-01')).toBe(5 * 146097);
  });

  it('throws a RangeError for what is not a calendar day', () => {
    expect(() => toDayNumber('2023-02-29')).toThrow(RangeError);
    expect(() => toDayNumber('2026-1-5')).toThrow(RangeError);
    expect(() => toDayNumber('')).toThrow(RangeError);
  });

  it('throws for a non-integer day number or one outside years 0000–9999', () => {
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
    expect(() => fromDayNumber(Number.NaN)).toThrow(RangeError);
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(RangeError);
    expect(() => fromDayNumber(toDayNumber('0000-01-01') - 1)).toThrow(RangeError);
    expect(fromDayNumber(toDayNumber('9999-12-31'))).toBe('9999-12-31');
    expect(fromDayNumber(toDayNumber('0000-01-01'))).toBe('0000-01-01');
  });
});

describe('addDays / daysBetween / spanDays across the daylight-saving Sundays of Europe/Paris', () => {
  // Clocks go forward on 2026-03-29 and 2027-03-28 (a 23-hour day), back on 2026-10-25 and 2027-10-31 (25 hours).
  it.each([
    ['2026-03-28', '2026-03-29', '2026-03-30'],
    ['2026-10-24', '2026-10-25', '2026-10-26'],
    ['2027-03-27', '2027-03-28', '2027-03-29'],
    ['2027-10-30', '2027-10-31', '2027-11-01'],
  ])('%s → %s → %s in whole days', (saturday, sunday, monday) => {
    expect(addDays(saturday, 1)).toBe(sunday);
    expect(addDays(saturday, 2)).toBe(monday);
    expect(addDays(sunday, 1)).toBe(monday);
    expect(addDays(monday, -1)).toBe(sunday);
    expect(addDays(monday, -2)).toBe(saturday);
    expect(daysBetween(saturday, sunday)).toBe(1);
    expect(daysBetween(sunday, monday)).toBe(1);
    expect(daysBetween(saturday, monday)).toBe(2);
    expect(daysBetween(monday, saturday)).toBe(-2);
    expect(spanDays(saturday, monday)).toBe(3);
    expect(spanDays(sunday, sunday)).toBe(1);
    expect(Number.isInteger(daysBetween(saturday, monday))).toBe(true);
  });

  it('spanDays(2026-03-28, 2026-03-30) = 3 and spanDays(2026-10-24, 2026-10-26) = 3', () => {
    expect(spanDays('2026-03-28', '2026-03-30')).toBe(3);
    expect(spanDays('2026-10-24', '2026-10-26')).toBe(3);
  });

  it('a whole year has 365 or 366 days whatever the DST changes inside', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(spanDays('2026-01-01', '2026-12-31')).toBe(365);
    expect(spanDays('2024-01-01', '2024-12-31')).toBe(366);
    expect(spanDays('2000-01-01', '2000-12-31')).toBe(366);
    expect(spanDays('2100-01-01', '2100-12-31')).toBe(365);
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('addDays(d, 1) is the next day of the hand-written calendar on every day of 2026–2027', () => {
    const days = [...calendar(2026, 2027)];
    for (let i = 0; i + 1 < days.length; i++) {
      expect(addDays(days[i], 1)).toBe(days[i + 1]);
      expect(addDays(days[i + 1], -1)).toBe(days[i]);
      expect(daysBetween(days[0], days[i])).toBe(i);
    }
  });

  it('spanDays is negative-or-zero when the end is before the start', () => {
    expect(spanDays('2026-03-30', '2026-03-28')).toBe(-1);
    expect(spanDays('2026-03-30', '2026-03-29')).toBe(0);
  });

  it('addDays(d, 0) is d; non-integer counts are refused', () => {
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
    expect(() => addDays('2026-03-29', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('addDays / daysBetween across 29 February', () => {
  it.each([
    ['2024-02-28', '2024-02-29', '2024-03-01'],
    ['2028-02-28', '2028-02-29', '2028-03-01'],
    ['2000-02-28', '2000-02-29', '2000-03-01'],
  ])('leap year: %s → %s → %s', (feb28, feb29, mar1) => {
    expect(addDays(feb28, 1)).toBe(feb29);
    expect(addDays(feb28, 2)).toBe(mar1);
    expect(addDays(mar1, -1)).toBe(feb29);
    expect(daysBetween(feb28, mar1)).toBe(2);
    expect(spanDays(feb28, mar1)).toBe(3);
  });

  it.each([
    ['2023-02-28', '2023-03-01'],
    ['2100-02-28', '2100-03-01'],
    ['1900-02-28', '1900-03-01'],
  ])('common year: %s → %s', (feb28, mar1) => {
    expect(addDays(feb28, 1)).toBe(mar1);
    expect(addDays(mar1, -1)).toBe(feb28);
    expect(daysBetween(feb28, mar1)).toBe(1);
  });

  it('one year after 29 Feb 2024 is 366 days later', () => {
    expect(addDays('2024-02-29', 366)).toBe('2025-03-01');
    expect(daysBetween('2024-02-29', '2028-02-29')).toBe(4 * 365 + 1);
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2024-02-29', 1, '2024-03-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', -1, '2026-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-03-15', -12, '2025-03-15'],
    ['2026-03-23', 9, '2026-12-23'],
    ['2026-03-29', 7, '2026-10-29'],
    ['2026-03-29', 0, '2026-03-29'],
    ['2026-03-15', 72, '2032-03-15'],
  ])('%s + %i months = %s', (d, n, expected) => {
    expect(addMonths(d, n)).toBe(expected);
  });

  it('counts from the given day, so chaining may drift after a clamp (callers anchor on one date)', () => {
    expect(addMonths(addMonths('2026-01-31', 1), 1)).toBe('2026-03-28');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
  });

  it('refuses non-integer counts, invalid dates and results outside years 0000–9999', () => {
    expect(() => addMonths('2026-01-31', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-02-29', 1)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
    expect(() => addMonths('0000-01-01', -1)).toThrow(RangeError);
  });
});

describe('todayIn / todayInParis', () => {
  afterEach(() => jest.useRealTimers());

  it('gives the examples of the brief', () => {
    expect(todayInParis(at('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(todayInParis(at('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
  });

  it.each([
    // spring forward 2026: the Sunday starts at 23:00Z (UTC+1) and ends at 22:00Z (UTC+2)
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-03-29T00:59:59Z', '2026-03-29'], // 01:59:59 CET
    ['2026-03-29T01:00:00Z', '2026-03-29'], // 03:00 CEST
    ['2026-03-29T21:59:59Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    // fall back 2026: the Sunday starts at 22:00Z (UTC+2) and ends at 23:00Z (UTC+1)
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T00:30:00Z', '2026-10-25'], // 02:30 CEST
    ['2026-10-25T01:30:00Z', '2026-10-25'], // 02:30 CET, the repeated hour
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    // 2027
    ['2027-03-27T22:59:59Z', '2027-03-27'],
    ['2027-03-27T23:00:00Z', '2027-03-28'],
    ['2027-03-28T21:59:59Z', '2027-03-28'],
    ['2027-03-28T22:00:00Z', '2027-03-29'],
    ['2027-10-30T21:59:59Z', '2027-10-30'],
    ['2027-10-30T22:00:00Z', '2027-10-31'],
    ['2027-10-31T22:59:59Z', '2027-10-31'],
    ['2027-10-31T23:00:00Z', '2027-11-01'],
    // 29 February and a new year
    ['2028-02-28T23:00:00Z', '2028-02-29'],
    ['2028-02-29T22:59:59Z', '2028-02-29'],
    ['2028-02-29T23:00:00Z', '2028-03-01'],
    ['1999-12-31T23:00:00Z', '2000-01-01'],
    ['2026-12-31T22:59:59Z', '2026-12-31'],
  ])('at %s it is %s in Paris', (instant, day) => {
    expect(todayInParis(at(instant))).toBe(day);
    expect(todayIn('Europe/Paris', at(instant))).toBe(day);
  });

  it('works for other zones', () => {
    expect(todayIn('UTC', at('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(todayIn('America/New_York', at('2026-03-29T03:00:00Z'))).toBe('2026-03-28');
    expect(todayIn('Pacific/Kiritimati', at('2026-03-28T10:00:00Z'))).toBe('2026-03-29');
    expect(todayIn('Pacific/Kiritimati', at('2026-03-28T09:59:59Z'))).toBe('2026-03-28');
    expect(todayIn('Pacific/Noumea', at('2026-03-28T13:00:00Z'))).toBe('2026-03-29');
  });

  it('defaults to the current instant', () => {
    jest.useFakeTimers({ now: at('2026-03-28T23:30:00Z') });
    expect(todayInParis()).toBe('2026-03-29');
    expect(todayIn('UTC')).toBe('2026-03-28');
  });

  it('throws a RangeError for an unknown zone or an invalid instant', () => {
    expect(() => todayIn('Europe/Brest')).toThrow(RangeError);
    expect(() => todayInParis(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('compareIsoDates / minDate / maxDate / spanContains', () => {
  it('compares calendar days', () => {
    expect(compareIsoDates('2026-03-28', '2026-03-29')).toBeLessThan(0);
    expect(compareIsoDates('2026-03-29', '2026-03-28')).toBeGreaterThan(0);
    expect(compareIsoDates('2026-03-29', '2026-03-29')).toBe(0);
    expect(compareIsoDates('2024-02-29', '2024-03-01')).toBeLessThan(0);
  });

  it('sorts', () => {
    const ds = ['2027-10-31', '2024-02-29', '2026-03-29', '2000-02-29', '2026-10-25'];
    expect([...ds].sort(compareIsoDates)).toEqual(['2000-02-29', '2024-02-29', '2026-03-29', '2026-10-25', '2027-10-31']);
  });

  it('finds the earliest and the latest', () => {
    const ds = ['2026-10-25', '2024-02-29', '2027-03-28'];
    expect(minDate(...ds)).toBe('2024-02-29');
    expect(maxDate(...ds)).toBe('2027-03-28');
    expect(minDate('2026-03-29')).toBe('2026-03-29');
    expect(maxDate('2026-03-29', '2026-03-29')).toBe('2026-03-29');
  });

  it('throws when given no date or an invalid one', () => {
    expect(() => minDate()).toThrow(RangeError);
    expect(() => maxDate()).toThrow(RangeError);
    expect(() => minDate('2026-03-29', '2026-02-30')).toThrow(RangeError);
    expect(() => compareIsoDates('2026-03-29', 'demain')).toThrow(RangeError);
  });

  it('spanContains includes both ends', () => {
    const span = { start: '2026-03-28', end: '2026-03-30' };
    expect(spanContains(span, '2026-03-27')).toBe(false);
    expect(spanContains(span, '2026-03-28')).toBe(true);
    expect(spanContains(span, '2026-03-29')).toBe(true);
    expect(spanContains(span, '2026-03-30')).toBe(true);
    expect(spanContains(span, '2026-03-31')).toBe(false);
  });
});

describe('relativeSpan / relativeDay (the kit’s relative timing)', () => {
  // docs/kit.md: Brest's post-electoral phase, 2026-03-23 → 2026-12-31
  const brestPost = { start: '2026-03-23', end: '2026-12-31' };

  it('reproduces the worked example of docs/kit.md', () => {
    expect(relativeSpan(brestPost, 1, 1)).toEqual({
      start: '2026-03-23',
      end: '2026-04-22',
    });
    expect(relativeSpan(brestPost, 3, 4)).toEqual({
      start: '2026-05-23',
      end: '2026-07-22',
    });
    expect(relativeDay(brestPost, 5)).toBe('2026-08-22');
    expect(relativeSpan(brestPost, 7, 9)).toEqual({
      start: '2026-09-23',
      end: '2026-12-22',
    });
  });

  it('clamps the end, then the start, into the phase', () => {
    expect(relativeSpan(brestPost, 10, 10)).toEqual({
      start: '2026-12-23',
      end: '2026-12-31',
    });
    expect(relativeSpan(brestPost, 9, 24)).toEqual({
      start: '2026-11-23',
      end: '2026-12-31',
    });
    expect(relativeSpan(brestPost, 11, 12)).toEqual({
      start: '2026-12-31',
      end: '2026-12-31',
    });
    expect(relativeDay(brestPost, 10)).toBe('2026-12-31');
    expect(relativeDay(brestPost, 36)).toBe('2026-12-31');
  });

  it('month 1 of a phase starting on the 1st is the calendar month', () => {
    const phase = { start: '2026-03-01', end: '2028-12-31' };
    expect(relativeSpan(phase, 1, 1)).toEqual({
      start: '2026-03-01',
      end: '2026-03-31',
    });
    expect(spanDays('2026-03-01', '2026-03-31')).toBe(31); // with the spring-forward Sunday inside
    expect(relativeSpan(phase, 12, 12)).toEqual({
      start: '2027-02-01',
      end: '2027-02-28',
    });
    expect(relativeSpan(phase, 24, 24)).toEqual({
      start: '2028-02-01',
      end: '2028-02-29',
    });
  });

  it('works for a phase starting on 29 February', () => {
    const phase = { start: '2024-02-29', end: '2027-12-31' };
    expect(relativeSpan(phase, 1, 1)).toEqual({
      start: '2024-02-29',
      end: '2024-03-28',
    });
    expect(relativeSpan(phase, 12, 12)).toEqual({
      start: '2025-01-29',
      end: '2025-02-27',
    });
    expect(relativeSpan(phase, 13, 13)).toEqual({
      start: '2025-02-28',
      end: '2025-03-28',
    });
    expect(relativeSpan(phase, 1, 24)).toEqual({
      start: '2024-02-29',
      end: '2026-02-27',
    });
    expect(relativeDay(phase, 12)).toBe('2025-02-27');
    const leap2028 = { start: '2028-02-29', end: '2029-12-31' };
    expect(relativeSpan(leap2028, 1, 12)).toEqual({
      start: '2028-02-29',
      end: '2029-02-27',
    });
    expect(relativeSpan(leap2028, 13, 13)).toEqual({
      start: '2029-02-28',
      end: '2029-03-28',
    });
  });

  it('a phase starting on the 31st: months still follow each other day after day', () => {
    const phase = { start: '2026-01-31', end: '2030-12-31' };
    expect(relativeSpan(phase, 1, 1)).toEqual({
      start: '2026-01-31',
      end: '2026-02-27',
    });
    expect(relativeSpan(phase, 2, 2)).toEqual({
      start: '2026-02-28',
      end: '2026-03-30',
    });
    expect(relativeSpan(phase, 3, 3)).toEqual({
      start: '2026-03-31',
      end: '2026-04-29',
    });
  });

  it.each(['2024-02-29', '2026-01-31', '2026-03-29', '2026-10-25', '2026-08-30', '2100-01-29'])(
    'months 1..48 of a phase starting on %s are contiguous and non-empty',
    (start) => {
      const phase = { start, end: addMonths(start, 60) };
      let previous = relativeSpan(phase, 1, 1);
      expect(previous.start).toBe(start);
      for (let m = 2; m <= 48; m++) {
        const month = relativeSpan(phase, m, m);
        expect(month.start).toBe(addDays(previous.end, 1));
        expect(spanDays(month.start, month.end)).toBeGreaterThanOrEqual(28);
        expect(spanDays(month.start, month.end)).toBeLessThanOrEqual(31);
        expect(relativeDay(phase, m)).toBe(month.end);
        expect(relativeSpan(phase, 1, m)).toEqual({ start, end: month.end });
        previous = month;
      }
    },
  );

  it('refuses invalid relative months and a phase that ends before it starts', () => {
    expect(() => relativeSpan(brestPost, 0, 1)).toThrow(RangeError);
    expect(() => relativeSpan(brestPost, 3, 2)).toThrow(RangeError);
    expect(() => relativeSpan(brestPost, 1.5, 2)).toThrow(RangeError);
    expect(() => relativeDay(brestPost, 0)).toThrow(RangeError);
    expect(() => relativeSpan({ start: '2026-03-23', end: '2026-03-22' }, 1, 1)).toThrow(RangeError);
    expect(() => relativeSpan({ start: '2026-02-29', end: '2026-03-22' }, 1, 1)).toThrow(RangeError);
  });
});
