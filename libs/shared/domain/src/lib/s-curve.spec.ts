import { sCurve, sCurveDays } from './s-curve';
import type { ProgressItem } from './types';

describe('sCurveDays', () => {
  it('gives the last day of each month, the last month ending on the end, plus today', () => {
    expect(sCurveDays('2025-03-01', '2025-07-14', '2025-05-10')).toEqual([
      '2025-03-31',
      '2025-04-30',
      '2025-05-10',
      '2025-05-31',
      '2025-06-30',
      '2025-07-14',
    ]);
  });

  it('crosses years and leap Februaries, and counts today once when it is a month end', () => {
    expect(sCurveDays('2027-11-15', '2028-03-31', '2028-02-29')).toEqual([
      '2027-11-30',
      '2027-12-31',
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
    ]);
  });

  it('leaves today out when it is outside the mandate', () => {
    expect(sCurveDays('2025-03-01', '2025-04-30', '2026-01-01')).toEqual(['2025-03-31', '2025-04-30']);
    expect(sCurveDays('2025-03-01', '2025-04-30', '2024-01-01')).toEqual(['2025-03-31', '2025-04-30']);
  });
});

describe('sCurve', () => {
  // two actions: January (31 days) and February–March (59 days), 90 days in all
  const jan: ProgressItem = { start: '2026-01-01', due: '2026-01-31', status: 'terminee', progress: 100 };
  const febMar: ProgressItem = { start: '2026-02-01', due: '2026-03-31', status: 'en_cours', progress: 50 };
  const days = ['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31'];

  it('expects by the plan’s dates, weighted by planned duration', () => {
    const points = sCurve(days, '2026-03-31', [jan, febMar], () => [jan, febMar]);
    // 0; 31/90; (31 + 28)/90; 90/90
    expect(points.map((p) => p.expected)).toEqual([0, 34.4, 65.6, 100]);
  });

  it('achieves what the items were at each day, and nothing after today', () => {
    const asOf: Record<string, ProgressItem[]> = {
      '2025-12-31': [
        { ...jan, status: 'a_lancer', progress: 0 },
        { ...febMar, status: 'a_lancer', progress: 0 },
      ],
      '2026-01-31': [jan, { ...febMar, status: 'a_lancer', progress: 0 }],
      '2026-02-28': [jan, { ...febMar, progress: 20 }],
    };
    const asked: string[] = [];
    const points = sCurve(days, '2026-02-28', [jan, febMar], (d) => {
      asked.push(d);
      return asOf[d];
    });
    // 0; 31 × 100 / 90; (3100 + 59 × 20) / 90; null
    expect(points.map((p) => p.achieved)).toEqual([0, 34.4, 47.6, null]);
    // latest first, so that a replay walks back once
    expect(asked).toEqual(['2026-02-28', '2026-01-31', '2025-12-31']);
  });

  it('leaves abandoned actions out of both curves', () => {
    const dropped: ProgressItem = { ...febMar, status: 'abandonnee' };
    const points = sCurve(['2026-01-31'], '2026-01-31', [jan, dropped], () => [jan, dropped]);
    expect(points).toEqual([{ date: '2026-01-31', expected: 100, achieved: 100 }]);
  });
});
