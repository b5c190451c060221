import { DECISION_KIND_LABELS, DECISION_KINDS, decisionLabel, frenchDate } from './governance';

describe('governance', () => {
  it('labels every decision kind in French', () => {
    expect(DECISION_KINDS.map((k) => DECISION_KIND_LABELS[k])).toEqual(['Validation', 'Replanification', 'Arbitrage', 'Budget']);
  });

  it('writes a day the French way', () => {
    expect(frenchDate('2026-06-25')).toBe('25/06/2026');
  });

  it('reads a decision as « day — kind — text », the text cut with an ellipsis and its spaces folded', () => {
    expect(decisionLabel({ date: '2026-06-25', kind: 'validation', text: 'Délibération du conseil' })).toBe(
      '25/06/2026 — Validation — Délibération du conseil',
    );
    const long = decisionLabel({ date: '2026-10-08', kind: 'budget', text: `Une  ligne\nbudgétaire ${'é'.repeat(100)}` }, 20);
    expect(long).toBe('08/10/2026 — Budget — Une ligne budgétair…');
    expect([...long.split(' — ')[2]]).toHaveLength(20);
  });
});
