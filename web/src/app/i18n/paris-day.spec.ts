import { todayIn } from '@jalons/domain';

import { parisToday } from './paris-day';

describe('parisToday', () => {
  it('is the day todayIn(Europe/Paris) gives, every half hour from 2024 to 2032', () => {
    const differences: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2033, 0, 1); t += 1_800_000) {
      const now = new Date(t);
      if (parisToday(now) !== todayIn('Europe/Paris', now)) differences.push(now.toISOString());
    }
    expect(differences).toEqual([]);
  });

  it('turns at midnight in Paris, in winter and in summer', () => {
    expect(parisToday(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    expect(parisToday(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
    expect(parisToday(new Date('2026-07-15T21:59:59Z'))).toBe('2026-07-15');
    expect(parisToday(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
  });
});
