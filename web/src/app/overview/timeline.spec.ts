import { aRoadmap } from '../testing/factories';
import { buildTimeline } from './timeline';

describe('buildTimeline', () => {
  it('places today, the elections and the years on the span (400 days from 01/01/2024)', () => {
    const t = buildTimeline(aRoadmap());
    expect(t.elections).toEqual([
      {
        kind: 'election',
        text: 'Élection : 10/04/2024',
        position: 25,
        align: 'center',
      },
      {
        kind: 'election',
        text: 'Prochaine élection : 04/02/2025',
        position: 100,
        align: 'end',
      },
    ]);
    expect(t.today?.position).toBe(30.25);
    // 1 January 2025 is day 366 of 400
    expect(t.ticks).toEqual([{ year: 2025, position: 91.5, align: 'start' }]);
  });

  it('leaves today off the timeline when it falls outside the roadmap', () => {
    const t = buildTimeline(aRoadmap({ at: '2025-06-01' }));
    expect(t.today).toBeNull();
    expect(t.lines.some((l) => l.kind === 'today')).toBe(false);
  });

  it('marks the current phase', () => {
    const t = buildTimeline(aRoadmap({ currentPhaseId: 'phase-3' }));
    expect(t.bands.filter((b) => b.current).map((b) => b.name)).toEqual(['Phase d’émergence']);
  });
});
