import { headline, worseHealth } from './headline';
import type { RollUp } from './types';

function rollUp(health: RollUp['health'], count = 4): RollUp {
  return { count, done: 0, overdue: 0, blocked: 0, progress: 40, expected: 50, health };
}

describe('headline (ADR 0018)', () => {
  it('takes the current phase when it is worse than the mandate as a whole', () => {
    const h = headline({ overall: rollUp('on_track'), currentPhase: { id: 'p2', name: 'Émergence', rollUp: rollUp('late') } });
    expect(h.health).toBe('late');
    expect(h.drivenBy).toBe('currentPhase');
  });

  it('keeps the overall health when it is the worse one, and on a tie', () => {
    expect(headline({ overall: rollUp('at_risk'), currentPhase: { id: 'p', name: 'P', rollUp: rollUp('on_track') } })).toMatchObject({
      health: 'at_risk',
      drivenBy: 'overall',
    });
    expect(headline({ overall: rollUp('late'), currentPhase: { id: 'p', name: 'P', rollUp: rollUp('late') } })).toMatchObject({
      health: 'late',
      drivenBy: 'overall',
    });
  });

  it('is the overall health outside the mandate or when the current phase has no action', () => {
    expect(headline({ overall: rollUp('at_risk'), currentPhase: null }).health).toBe('at_risk');
    const empty = headline({ overall: rollUp('on_track'), currentPhase: { id: 'p', name: 'P', rollUp: rollUp('late', 0) } });
    expect(empty).toMatchObject({ health: 'on_track', drivenBy: 'overall' });
  });

  it('orders healths late > at_risk > on_track', () => {
    expect(worseHealth('on_track', 'at_risk')).toBe('at_risk');
    expect(worseHealth('late', 'at_risk')).toBe('late');
    expect(worseHealth('on_track', 'on_track')).toBe('on_track');
  });
});
