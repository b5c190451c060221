import type { BaselineRow } from '../baselines';
import { publicSlips } from './public-view';

const baseline = (createdAt: string): BaselineRow => ({
  id: 'b2',
  roadmap_id: 'r',
  number: 2,
  label: 'v2 — plan revu',
  decision: null,
  decision_id: null,
  created_at: createdAt,
  created_by_id: null,
  created_by_name: null,
  actions: 0,
  milestones: 0,
  latest: true,
});

describe('publicSlips', () => {
  it('dates the baseline on its day in Paris, not in UTC (frozen after midnight in Paris, before it in UTC)', () => {
    const on = (createdAt: string) => publicSlips({ baseline: baseline(createdAt), frozen: [], current: [] }, new Map()).baseline.on;
    expect(on('2026-11-29T23:27:34.000Z')).toBe('2026-11-30'); // 00:27 in Paris (winter, UTC+1)
    expect(on('2026-07-14T22:30:00.000Z')).toBe('2026-07-15'); // 00:30 in Paris (summer, UTC+2)
    expect(on('2026-11-29T22:59:59.000Z')).toBe('2026-11-29');
  });
});
