import { spanDays } from './dates';
import { HEALTH_THRESHOLDS, expectedProgress, healthOf, isOverdue, itemHealth, milestoneState, rollUp, rollUpBy } from './progress';
import type { ActionStatus, ProgressItem } from './types';

const item = (start: string, due: string, status: ActionStatus = 'en_cours', progress = 0): ProgressItem => ({
  start,
  due,
  status,
  progress,
});

describe('HEALTH_THRESHOLDS', () => {
  it('are the product decisions: 10 and 25 points, frozen', () => {
    expect(HEALTH_THRESHOLDS).toEqual({ atRisk: 10, late: 25 });
    expect(Object.isFrozen(HEALTH_THRESHOLDS)).toBe(true);
  });
});

describe('expectedProgress', () => {
  it('is 0 before the start, linear by whole days, 100 on and after the due day', () => {
    const it4 = { start: '2026-04-06', due: '2026-04-09' }; // 4 days
    expect(expectedProgress(it4, '2025-01-01')).toBe(0);
    expect(expectedProgress(it4, '2026-04-05')).toBe(0);
    expect(expectedProgress(it4, '2026-04-06')).toBe(25); // end of the first day
    expect(expectedProgress(it4, '2026-04-07')).toBe(50);
    expect(expectedProgress(it4, '2026-04-08')).toBe(75);
    expect(expectedProgress(it4, '2026-04-09')).toBe(100); // due day
    expect(expectedProgress(it4, '2026-04-10')).toBe(100);
    expect(expectedProgress(it4, '2030-01-01')).toBe(100);
  });

  it.each([
    // 4-day items whose second day is a DST Sunday: exactly the middle value
    ['2026-03-28', '2026-03-31', '2026-03-29'],
    ['2026-10-24', '2026-10-27', '2026-10-25'],
    ['2027-03-27', '2027-03-30', '2027-03-28'],
    ['2027-10-30', '2027-11-02', '2027-10-31'],
    // 10-day items whose fifth day is a DST Sunday
    ['2026-03-25', '2026-04-03', '2026-03-29'],
    ['2026-10-21', '2026-10-30', '2026-10-25'],
    // 4-day items whose second day is 29 February (leap) or 1 March (common year)
    ['2024-02-28', '2024-03-02', '2024-02-29'],
    ['2028-02-28', '2028-03-02', '2028-02-29'],
    ['2000-02-28', '2000-03-02', '2000-02-29'],
    ['2100-02-28', '2100-03-03', '2100-03-01'],
    ['2023-02-27', '2023-03-02', '2023-02-28'],
  ])('%s → %s: on %s it is exactly 50', (start, due, day) => {
    expect(expectedProgress({ start, due }, day)).toBe(50);
  });

  it('3 days across the spring-forward Sunday: 33.3 / 66.7 / 100 (rounded to 1 decimal)', () => {
    const it3 = { start: '2026-03-28', due: '2026-03-30' };
    expect(spanDays(it3.start, it3.due)).toBe(3);
    expect(expectedProgress(it3, '2026-03-27')).toBe(0);
    expect(expectedProgress(it3, '2026-03-28')).toBe(33.3);
    expect(expectedProgress(it3, '2026-03-29')).toBe(66.7);
    expect(expectedProgress(it3, '2026-03-30')).toBe(100);
  });

  it('3 days across the fall-back Sunday: same figures', () => {
    const it3 = { start: '2026-10-24', due: '2026-10-26' };
    expect(expectedProgress(it3, '2026-10-24')).toBe(33.3);
    expect(expectedProgress(it3, '2026-10-25')).toBe(66.7);
    expect(expectedProgress(it3, '2026-10-26')).toBe(100);
  });

  it('a one-day item is 0 before and 100 on its day', () => {
    const oneDay = { start: '2026-03-29', due: '2026-03-29' };
    expect(expectedProgress(oneDay, '2026-03-28')).toBe(0);
    expect(expectedProgress(oneDay, '2026-03-29')).toBe(100);
  });

  it('a whole year: day 1 is 1/365, 29 Feb counts in a leap year', () => {
    expect(expectedProgress({ start: '2026-01-01', due: '2026-12-31' }, '2026-01-01')).toBe(0.3); // 100/365
    expect(expectedProgress({ start: '2026-01-01', due: '2026-12-31' }, '2026-07-01')).toBe(49.9); // day 182 of 365
    expect(expectedProgress({ start: '2026-01-01', due: '2026-12-31' }, '2026-07-02')).toBe(50.1); // day 183 of 365
    expect(expectedProgress({ start: '2024-01-01', due: '2024-12-31' }, '2024-07-01')).toBe(50); // day 183 of 366
  });

  it('never divides by zero for an item due before it starts', () => {
    const bad = { start: '2026-03-30', due: '2026-03-28' };
    expect(expectedProgress(bad, '2026-03-27')).toBe(0);
    expect(expectedProgress(bad, '2026-03-29')).toBe(0);
    expect(expectedProgress(bad, '2026-03-30')).toBe(100);
  });
});

describe('isOverdue', () => {
  const due = '2026-03-29';
  it.each<[ActionStatus, string, boolean]>([
    ['en_cours', '2026-03-28', false],
    ['en_cours', '2026-03-29', false], // the due day itself is not overdue
    ['en_cours', '2026-03-30', true],
    ['a_lancer', '2026-03-30', true],
    ['bloquee', '2026-03-30', true],
    ['terminee', '2026-03-30', false],
    ['abandonnee', '2026-03-30', false],
  ])('%s, at %s → %s', (status, at, expected) => {
    expect(isOverdue(item('2026-03-01', due, status, 50), at)).toBe(expected);
  });
});

describe('healthOf', () => {
  it.each([
    [50, 60, 'on_track'], // gap 10: exactly the threshold
    [50, 60.1, 'at_risk'], // gap 10.1
    [50, 75, 'at_risk'], // gap 25: exactly the threshold
    [50, 75.1, 'late'], // gap 25.1
    [0, 0, 'on_track'],
    [100, 100, 'on_track'],
    [80, 20, 'on_track'], // ahead of schedule
    [0, 100, 'late'],
    [50.3, 60.3, 'on_track'], // 60.3 − 50.3 is not exactly 10 in floating point
    [40.2, 65.2, 'at_risk'], // 65.2 − 40.2 is not exactly 25 either
    [45.5, 55.6, 'at_risk'],
  ])('progress %d, expected %d → %s', (progress, expected, health) => {
    expect(healthOf(progress, expected)).toBe(health);
  });

  it('accepts other thresholds', () => {
    expect(healthOf(50, 56, { atRisk: 5, late: 15 })).toBe('at_risk');
    expect(healthOf(50, 66, { atRisk: 5, late: 15 })).toBe('late');
    expect(healthOf(50, 55, { atRisk: 5, late: 15 })).toBe('on_track');
  });
});

describe('itemHealth', () => {
  // 10 days, 2026-03-25 → 2026-04-03; on 2026-03-29 (DST Sunday) 50 % is expected
  const start = '2026-03-25';
  const due = '2026-04-03';
  const sunday = '2026-03-29';

  it('is null for an abandoned action', () => {
    expect(itemHealth(item(start, due, 'abandonnee', 0), sunday)).toBeNull();
    expect(itemHealth(item(start, due, 'abandonnee', 0), '2027-01-01')).toBeNull();
  });

  it('is on_track for a finished action, even past its due date', () => {
    expect(itemHealth(item(start, due, 'terminee', 100), '2027-01-01')).toBe('on_track');
    expect(itemHealth(item(start, due, 'terminee', 100), sunday)).toBe('on_track');
  });

  it('is late once overdue, whatever the progress', () => {
    expect(itemHealth(item(start, due, 'en_cours', 99), '2026-04-04')).toBe('late');
    expect(itemHealth(item(start, due, 'a_lancer', 0), '2026-04-04')).toBe('late');
    expect(itemHealth(item(start, due, 'bloquee', 95), '2026-04-04')).toBe('late');
  });

  it('on the due day, follows the gap (expected 100)', () => {
    expect(itemHealth(item(start, due, 'en_cours', 90), due)).toBe('on_track');
    expect(itemHealth(item(start, due, 'en_cours', 89), due)).toBe('at_risk');
    expect(itemHealth(item(start, due, 'en_cours', 74), due)).toBe('late');
  });

  it('follows the gap otherwise (expected 50 on the Sunday)', () => {
    expect(itemHealth(item(start, due, 'en_cours', 40), sunday)).toBe('on_track'); // gap 10
    expect(itemHealth(item(start, due, 'en_cours', 39), sunday)).toBe('at_risk'); // gap 11
    expect(itemHealth(item(start, due, 'en_cours', 25), sunday)).toBe('at_risk'); // gap 25
    expect(itemHealth(item(start, due, 'en_cours', 24), sunday)).toBe('late'); // gap 26
    expect(itemHealth(item(start, due, 'en_cours', 80), sunday)).toBe('on_track'); // ahead
    expect(itemHealth(item(start, due, 'a_lancer', 0), sunday)).toBe('late');
  });

  it('a not-started action is on track before its start', () => {
    expect(itemHealth(item(start, due, 'a_lancer', 0), '2026-03-24')).toBe('on_track');
    expect(itemHealth(item(start, due, 'a_lancer', 0), '2026-03-25')).toBe('on_track'); // expected 10
  });

  it('a blocked action is at least at_risk, late if the gap says so', () => {
    expect(itemHealth(item(start, due, 'bloquee', 80), sunday)).toBe('at_risk'); // ahead, but blocked
    expect(itemHealth(item(start, due, 'bloquee', 0), '2026-03-20')).toBe('at_risk'); // not even started
    expect(itemHealth(item(start, due, 'bloquee', 35), sunday)).toBe('at_risk'); // gap 15
    expect(itemHealth(item(start, due, 'bloquee', 20), sunday)).toBe('late'); // gap 30
  });
});

describe('rollUp', () => {
  // A: 100 days, 2026-01-01 → 2026-04-10 (31 + 28 + 31 + 10); B: 10 days, 2026-01-01 → 2026-01-10
  const a = item('2026-01-01', '2026-04-10', 'en_cours', 50);
  const b = item('2026-01-01', '2026-01-10', 'terminee', 100);

  it('weights by planned duration instead of averaging', () => {
    expect(spanDays(a.start, a.due)).toBe(100);
    expect(spanDays(b.start, b.due)).toBe(10);
    // On 2026-02-19 A has run 31 + 19 = 50 of its 100 days; B is past its due day.
    const r = rollUp([a, b], '2026-02-19');
    const weightedProgress = (100 * 50 + 10 * 100) / 110; // 54.5454…, not (50 + 100) / 2 = 75
    const weightedExpected = (100 * 50 + 10 * 100) / 110;
    expect(r).toEqual({
      count: 2,
      done: 1,
      overdue: 0,
      blocked: 0,
      progress: 54.5,
      expected: 54.5,
      health: 'on_track',
    });
    expect(r.progress).toBe(Math.round(weightedProgress * 10) / 10);
    expect(r.expected).toBe(Math.round(weightedExpected * 10) / 10);
  });

  it('weights expected progress too, and derives health from the gap', () => {
    // On 2026-03-11 A has run 31 + 28 + 11 = 70 days: expected (100×70 + 10×100)/110 = 72.7; achieved 54.5
    const r = rollUp([a, b], '2026-03-11');
    expect(r.expected).toBe(72.7);
    expect(r.progress).toBe(54.5);
    expect(r.health).toBe('at_risk'); // gap 18.2
    // after A's due day: expected 100, gap 45.5, and A is overdue
    const after = rollUp([a, b], '2026-04-11');
    expect(after).toMatchObject({
      expected: 100,
      progress: 54.5,
      health: 'late',
      overdue: 1,
      done: 1,
    });
  });

  it('leaves abandoned actions out of counts and figures', () => {
    const abandoned = item('2025-01-01', '2027-12-31', 'abandonnee', 0);
    expect(rollUp([a, abandoned, b], '2026-02-19')).toEqual(rollUp([a, b], '2026-02-19'));
  });

  it('returns zeros and on_track for an empty set or only abandoned actions', () => {
    const empty = {
      count: 0,
      done: 0,
      overdue: 0,
      blocked: 0,
      progress: 0,
      expected: 0,
      health: 'on_track',
    };
    expect(rollUp([], '2026-03-29')).toEqual(empty);
    expect(rollUp([item('2026-01-01', '2026-01-02', 'abandonnee')], '2026-03-29')).toEqual(empty);
  });

  it('counts done, overdue and blocked actions', () => {
    const at = '2026-03-29';
    const r = rollUp(
      [
        item('2026-03-01', '2026-03-10', 'terminee', 100), // done, not overdue
        item('2026-03-01', '2026-03-28', 'en_cours', 90), // overdue
        item('2026-03-01', '2026-03-20', 'bloquee', 10), // blocked and overdue
        item('2026-03-01', '2026-04-30', 'bloquee', 10), // blocked
        item('2026-03-01', '2026-03-29', 'en_cours', 50), // due today: not overdue
        item('2026-04-01', '2026-04-30', 'a_lancer', 0),
        item('2026-03-01', '2026-03-02', 'abandonnee', 0), // ignored
      ],
      at,
    );
    expect(r).toMatchObject({ count: 6, done: 1, overdue: 2, blocked: 2 });
  });

  it('counts a finished action as 100 and clamps progress into 0–100', () => {
    const r = rollUp([item('2026-01-01', '2026-01-10', 'terminee', 80)], '2026-01-05');
    expect(r.progress).toBe(100);
    expect(rollUp([item('2026-01-01', '2026-01-10', 'en_cours', 120)], '2026-01-05').progress).toBe(100);
    expect(rollUp([item('2026-01-01', '2026-01-10', 'en_cours', -5)], '2026-01-05').progress).toBe(0);
  });

  it('counts whole days across the DST Sundays', () => {
    // 4 days around each DST Sunday, the Sunday being day 2 → 50 % expected each
    const items = [item('2026-03-28', '2026-03-31', 'en_cours', 50), item('2026-10-24', '2026-10-27', 'en_cours', 0)];
    expect(rollUp(items, '2026-03-29')).toMatchObject({
      expected: 25,
      progress: 25,
      health: 'on_track',
    });
    // (4×100 + 4×50) / 8 = 75 expected, (4×50 + 4×0) / 8 = 25 achieved
    expect(rollUp(items, '2026-10-25')).toMatchObject({
      expected: 75,
      progress: 25,
      health: 'late',
      overdue: 1,
    });
  });

  it('rounds to one decimal', () => {
    // two 3-day items on their first day: expected 100/3, achieved (3×33 + 3×34)/6
    const items = [item('2026-01-01', '2026-01-03', 'en_cours', 33), item('2026-01-01', '2026-01-03', 'en_cours', 34)];
    const r = rollUp(items, '2026-01-01');
    expect(r.progress).toBe(33.5);
    expect(r.expected).toBe(33.3);
  });

  it('health is exactly healthOf(progress, expected) at the thresholds', () => {
    // one 10-day item on day 5 of 10: expected 50
    const on = (progress: number) => rollUp([item('2026-03-25', '2026-04-03', 'en_cours', progress)], '2026-03-29');
    expect(on(40).health).toBe('on_track');
    expect(on(39).health).toBe('at_risk');
    expect(on(25).health).toBe('at_risk');
    expect(on(24).health).toBe('late');
    // blocked or overdue items do not change the roll-up health by themselves
    expect(rollUp([item('2026-03-25', '2026-04-03', 'bloquee', 50)], '2026-03-29').health).toBe('on_track');
  });
});

describe('rollUpBy', () => {
  it('groups by key, in order of first appearance, then rolls up each group', () => {
    const at = '2026-02-19';
    const items = [
      { key: 'ethique', ...item('2026-01-01', '2026-04-10', 'en_cours', 50) },
      { key: 'juridique', ...item('2026-01-01', '2026-01-10', 'en_cours', 0) },
      { key: 'ethique', ...item('2026-01-01', '2026-01-10', 'terminee', 100) },
      {
        key: 'mediation',
        ...item('2026-01-01', '2026-01-10', 'abandonnee', 0),
      },
    ];
    const result = rollUpBy(items, at);
    expect([...result.keys()]).toEqual(['ethique', 'juridique', 'mediation']);
    expect(result.get('ethique')).toEqual(rollUp([items[0], items[2]], at));
    expect(result.get('ethique')?.progress).toBe(54.5);
    expect(result.get('juridique')).toMatchObject({
      count: 1,
      overdue: 1,
      progress: 0,
      expected: 100,
      health: 'late',
    });
    expect(result.get('mediation')).toMatchObject({
      count: 0,
      health: 'on_track',
    });
  });

  it('works with non-string keys and an empty list', () => {
    const result = rollUpBy([{ key: 3, ...item('2026-01-01', '2026-01-10', 'terminee', 100) }], '2026-01-05');
    expect(result.get(3)?.done).toBe(1);
    expect(rollUpBy([], '2026-01-05').size).toBe(0);
  });
});

describe('milestoneState', () => {
  it.each([
    [{ date: '2026-03-29', achievedOn: '2026-03-20' }, '2026-03-28', 'achieved'],
    [{ date: '2026-03-29', achievedOn: '2026-04-15' }, '2026-05-01', 'achieved'], // achieved late is achieved
    [{ date: '2026-03-29', achievedOn: null }, '2026-03-28', 'upcoming'],
    [{ date: '2026-03-29', achievedOn: null }, '2026-03-29', 'upcoming'], // due today: not late yet
    [{ date: '2026-03-29', achievedOn: null }, '2026-03-30', 'late'],
    [{ date: '2028-02-29', achievedOn: null }, '2028-03-01', 'late'],
    [{ date: '2028-02-29', achievedOn: null }, '2028-02-29', 'upcoming'],
  ])('%p at %s → %s', (m, at, state) => {
    expect(milestoneState(m, at)).toBe(state);
  });
});
