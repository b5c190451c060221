import {
  INDICATOR_HEALTH_LABELS,
  INDICATOR_HEALTHS,
  INDICATOR_THRESHOLDS,
  achievedShare,
  checkBaselineBeforeMeasurements,
  checkIndicatorLine,
  checkMeasurementDay,
  expectedShare,
  expectedValue,
  indicatorHealth,
  isUnmeasuredFor,
  latestReading,
} from './indicators';
import type { IndicatorLine } from './indicators';

/** Ten days from 0 to 100 (up), or from 100 to 0 (down). */
const up: IndicatorLine = { direction: 'up', baselineOn: '2026-01-01', baselineValue: 0, targetOn: '2026-01-11', targetValue: 100 };
const down: IndicatorLine = { ...up, direction: 'down', baselineValue: 100, targetValue: 0 };
/** halfway through the ten days */
const HALF = '2026-01-06';

describe('the thresholds and labels', () => {
  it('are the written decisions: 0.1 and 0.25 of the way', () => {
    expect(INDICATOR_THRESHOLDS).toEqual({ atRiskGap: 0.1, offTrackGap: 0.25 });
  });
  it('name every health in French', () => {
    expect(INDICATOR_HEALTHS.map((h) => INDICATOR_HEALTH_LABELS[h])).toEqual([
      'En bonne voie',
      'À surveiller',
      'En retard',
      'Jamais mesuré',
      'Mesure ancienne',
    ]);
  });
});

describe('expectedValue', () => {
  it('is the baseline until its date, linear, then the target from its date on (up)', () => {
    expect(expectedValue(up, '2025-06-01')).toBe(0);
    expect(expectedValue(up, '2026-01-01')).toBe(0);
    expect(expectedValue(up, '2026-01-02')).toBe(10);
    expect(expectedValue(up, HALF)).toBe(50);
    expect(expectedValue(up, '2026-01-11')).toBe(100);
    expect(expectedValue(up, '2031-01-01')).toBe(100);
  });

  it('goes down the same way (down), whatever the scale', () => {
    expect(expectedValue(down, '2025-12-31')).toBe(100);
    expect(expectedValue(down, '2026-01-03')).toBe(80);
    expect(expectedValue(down, '2026-01-12')).toBe(0);
    const rate = { direction: 'down' as const, baselineOn: '2026-01-01', baselineValue: 12.5, targetOn: '2027-01-01', targetValue: 2.5 };
    expect(expectedValue(rate, '2026-07-02')).toBeCloseTo(7.5, 1); // 182 of 365 days
  });

  it('counts calendar days across the clock change and 29 February', () => {
    const leap = { ...up, baselineOn: '2028-02-28', targetOn: '2028-03-01' }; // two days
    expect(expectedValue(leap, '2028-02-29')).toBe(50);
    const spring = { ...up, baselineOn: '2027-03-27', targetOn: '2027-03-29' };
    expect(expectedValue(spring, '2027-03-28')).toBe(50);
  });
});

describe('shares', () => {
  it('place a value on the way from baseline to target, in either direction', () => {
    expect(achievedShare(up, 30)).toBeCloseTo(0.3);
    expect(achievedShare(down, 70)).toBeCloseTo(0.3);
    expect(achievedShare(up, -10)).toBeCloseTo(-0.1); // went the wrong way
    expect(achievedShare(down, 120)).toBeCloseTo(-0.2);
    expect(expectedShare(up, HALF)).toBe(0.5);
  });
});

describe('indicatorHealth', () => {
  const at = (value: number, on = HALF) => [{ on, value }];

  it('is not-measured without measurements (or with only later ones)', () => {
    expect(indicatorHealth(up, [], HALF, 90)).toBe('not-measured');
    expect(indicatorHealth(up, at(50, '2026-01-08'), HALF, 90)).toBe('not-measured');
  });

  it('meets each threshold edge going up: 0.1 behind is on-track, 0.25 behind at-risk, beyond off-track', () => {
    expect(indicatorHealth(up, at(80), HALF, 90)).toBe('on-track'); // ahead
    expect(indicatorHealth(up, at(40), HALF, 90)).toBe('on-track'); // gap 0.10
    expect(indicatorHealth(up, at(39), HALF, 90)).toBe('at-risk'); // gap 0.11
    expect(indicatorHealth(up, at(25), HALF, 90)).toBe('at-risk'); // gap 0.25
    expect(indicatorHealth(up, at(24), HALF, 90)).toBe('off-track'); // gap 0.26
    expect(indicatorHealth(up, at(-5), HALF, 90)).toBe('off-track'); // the wrong way
  });

  it('meets the same edges going down', () => {
    expect(indicatorHealth(down, at(60), HALF, 90)).toBe('on-track');
    expect(indicatorHealth(down, at(61), HALF, 90)).toBe('at-risk');
    expect(indicatorHealth(down, at(75), HALF, 90)).toBe('at-risk');
    expect(indicatorHealth(down, at(76), HALF, 90)).toBe('off-track');
  });

  it('judges the latest measurement against the line on its own day, not on the day asked', () => {
    const ms = [
      { on: '2026-01-02', value: 0 },
      { on: '2026-01-03', value: 20 }, // expected 20: on the line
    ];
    expect(indicatorHealth(up, ms, '2026-01-09', 90)).toBe('on-track');
    expect(indicatorHealth(up, ms, '2026-01-02', 90)).toBe('on-track'); // gap 0.1 on 01-02
  });

  it('is stale from staleDays after the latest measurement on, never with the rule off, never once measured at the target', () => {
    const year = { ...up, targetOn: '2027-01-01' };
    const ms = at(1, '2026-01-02');
    expect(indicatorHealth(year, ms, '2026-01-31', 30)).toBe('on-track'); // 29 days
    expect(indicatorHealth(year, ms, '2026-02-01', 30)).toBe('stale'); // 30 days
    expect(indicatorHealth(year, ms, '2026-02-01', 0)).toBe('on-track');
    const done = [{ on: '2027-01-05', value: 100 }];
    expect(indicatorHealth(year, done, '2028-01-01', 30)).toBe('on-track');
    expect(indicatorHealth(year, [{ on: '2027-01-05', value: 70 }], '2028-01-01', 30)).toBe('off-track');
  });
});

describe('isUnmeasuredFor', () => {
  it('counts from the baseline date when never measured, and not before it', () => {
    expect(isUnmeasuredFor(up, null, '2026-01-10', 10)).toBe(false);
    expect(isUnmeasuredFor(up, null, '2026-01-11', 10)).toBe(true);
    expect(isUnmeasuredFor(up, null, '2025-01-11', 10)).toBe(false);
    expect(isUnmeasuredFor(up, '2026-01-05', '2026-01-15', 10)).toBe(true);
    expect(isUnmeasuredFor(up, '2026-01-11', '2027-01-15', 10)).toBe(false); // measured at the target: finished
  });
});

describe('latestReading', () => {
  it('takes the latest on or before the day, in any order', () => {
    const ms = [
      { on: '2026-03-01', value: 3 },
      { on: '2026-01-01', value: 1 },
      { on: '2026-02-01', value: 2 },
    ];
    expect(latestReading(ms, '2026-02-15')?.value).toBe(2);
    expect(latestReading(ms, '2025-02-15')).toBeNull();
  });
});

describe('checkIndicatorLine', () => {
  it('accepts a consistent line either way', () => {
    expect(checkIndicatorLine(up)).toEqual([]);
    expect(checkIndicatorLine(down)).toEqual([]);
  });
  it('wants the target date after the baseline date', () => {
    expect(checkIndicatorLine({ ...up, targetOn: '2026-01-01' }).map((v) => v.field)).toEqual(['targetOn']);
    expect(checkIndicatorLine({ ...up, targetOn: '2025-12-01' })[0].message).toContain('01/01/2026');
  });
  it('wants a target different from the baseline, on the side of the direction', () => {
    expect(checkIndicatorLine({ ...up, targetValue: 0 })).toEqual([
      { field: 'targetValue', message: 'La cible doit être différente de la valeur de départ.' },
    ]);
    expect(checkIndicatorLine({ ...up, targetValue: -5 })[0].message).toContain('à la hausse');
    expect(checkIndicatorLine({ ...down, targetValue: 150 })[0].message).toContain('à la baisse');
  });
});

describe('checkMeasurementDay', () => {
  it('refuses a day after today (Paris) or before the baseline date, naming it', () => {
    expect(checkMeasurementDay('2026-05-01', '2026-01-01', '2026-05-01')).toEqual([]);
    expect(checkMeasurementDay('2026-01-01', '2026-01-01', '2026-05-01')).toEqual([]);
    expect(checkMeasurementDay('2026-05-02', '2026-01-01', '2026-05-01')[0]).toEqual({
      field: 'on',
      message: 'Une mesure ne peut pas être datée après aujourd’hui (01/05/2026).',
    });
    expect(checkMeasurementDay('2025-12-31', '2026-01-01', '2026-05-01')[0].message).toContain('01/01/2026');
  });
});

describe('checkBaselineBeforeMeasurements', () => {
  it('keeps the baseline date on or before the first measurement', () => {
    expect(checkBaselineBeforeMeasurements('2026-02-01', null)).toEqual([]);
    expect(checkBaselineBeforeMeasurements('2026-02-01', '2026-02-01')).toEqual([]);
    expect(checkBaselineBeforeMeasurements('2026-02-02', '2026-02-01')[0].field).toBe('baselineOn');
  });
});
