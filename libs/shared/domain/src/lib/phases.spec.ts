import { addDays, spanDays } from './dates';
import { defaultPhaseSpans, phaseAt, phaseSpanList } from './phases';
import { checkPhases } from './rules';
import { PHASE_CODES } from './types';

// The phases of seeds/roadmaps/brest-2026-2032.json (docs/kit.md)
const brest = [
  { id: 'p1', code: 'pre-electorale', start: '2025-03-01', end: '2026-03-22' },
  { id: 'p2', code: 'post-electorale', start: '2026-03-23', end: '2026-12-31' },
  { id: 'p3', code: 'emergence', start: '2027-01-01', end: '2028-12-31' },
  { id: 'p4', code: 'maturation', start: '2029-01-01', end: '2032-03-14' },
];

describe('phaseAt', () => {
  it.each([
    ['2025-02-28', undefined],
    ['2025-03-01', 'p1'], // first day of the roadmap
    ['2026-03-22', 'p1'], // last day of a phase
    ['2026-03-23', 'p2'], // first day of the next one
    ['2026-03-29', 'p2'], // DST Sunday
    ['2026-10-25', 'p2'], // DST Sunday
    ['2026-12-31', 'p2'],
    ['2027-01-01', 'p3'],
    ['2028-02-29', 'p3'],
    ['2028-12-31', 'p3'],
    ['2029-01-01', 'p4'],
    ['2032-03-14', 'p4'], // last day of the roadmap
    ['2032-03-15', undefined],
  ])('on %s → %s', (date, id) => {
    expect(phaseAt(brest, date)?.id).toBe(id);
  });

  it('returns the element itself, with its own type', () => {
    const found = phaseAt(brest, '2027-06-01');
    expect(found).toBe(brest[2]);
    // `id` is only known because T is preserved
    expect(found?.id).toBe('p3');
  });

  it('handles a phase ending on 29 February and a one-day phase', () => {
    const phases = [
      { start: '2028-01-01', end: '2028-02-29' },
      { start: '2028-03-01', end: '2028-03-01' },
      { start: '2028-03-02', end: '2028-12-31' },
    ];
    expect(phaseAt(phases, '2028-02-29')).toBe(phases[0]);
    expect(phaseAt(phases, '2028-03-01')).toBe(phases[1]);
    expect(phaseAt(phases, '2028-03-02')).toBe(phases[2]);
  });

  it('returns undefined for no phases and throws for an invalid date', () => {
    expect(phaseAt([], '2026-03-29')).toBeUndefined();
    expect(() => phaseAt(brest, '2026-02-29')).toThrow(RangeError);
  });
});

describe('defaultPhaseSpans', () => {
  const months = { pre: 12, post: 9, emergence: 24 };

  it('computes the four contiguous phases from the election date', () => {
    const spans = defaultPhaseSpans({
      electionDate: '2026-03-15',
      nextElectionDate: '2032-03-14',
      months,
    });
    expect(spans).toEqual({
      'pre-electorale': { start: '2025-03-15', end: '2026-03-14' },
      'post-electorale': { start: '2026-03-15', end: '2026-12-14' },
      emergence: { start: '2026-12-15', end: '2028-12-14' },
      maturation: { start: '2028-12-15', end: '2032-03-13' },
    });
    expect(Object.keys(spans)).toEqual([...PHASE_CODES]);
  });

  it('passes checkPhases over [pre.start, maturation.end]', () => {
    const spans = defaultPhaseSpans({
      electionDate: '2026-03-15',
      nextElectionDate: '2032-03-14',
      months,
    });
    const list = phaseSpanList(spans);
    expect(list.map((p) => p.code)).toEqual([...PHASE_CODES]);
    expect(checkPhases({ start: list[0].start, end: list[3].end }, list)).toEqual([]);
  });

  it.each(['2026-01-31', '2026-05-31', '2028-02-29', '2026-03-29', '2026-10-25', '2027-08-31'])(
    'is contiguous for an election on %s (month-end clamping, 29 Feb, DST Sundays)',
    (electionDate) => {
      for (const m of [months, { pre: 1, post: 1, emergence: 1 }, { pre: 13, post: 11, emergence: 25 }]) {
        const spans = defaultPhaseSpans({
          electionDate,
          nextElectionDate: '2034-03-12',
          months: m,
        });
        const list = phaseSpanList(spans);
        expect(checkPhases({ start: list[0].start, end: list[3].end }, list)).toEqual([]);
        expect(spans['pre-electorale'].end).toBe(addDays(electionDate, -1));
        expect(spans['post-electorale'].start).toBe(electionDate);
        expect(spans.maturation.end).toBe('2034-03-11');
        for (const p of list) expect(spanDays(p.start, p.end)).toBeGreaterThan(0);
      }
    },
  );

  it('pivots on the second round when there is one: the election is decided that day', () => {
    const spans = defaultPhaseSpans({
      electionDate: '2026-03-15',
      secondRoundDate: '2026-03-22',
      nextElectionDate: '2032-03-14',
      months,
    });
    expect(spans).toEqual({
      'pre-electorale': { start: '2025-03-22', end: '2026-03-21' },
      'post-electorale': { start: '2026-03-22', end: '2026-12-21' },
      emergence: { start: '2026-12-22', end: '2028-12-21' },
      maturation: { start: '2028-12-22', end: '2032-03-13' },
    });
    const list = phaseSpanList(spans);
    expect(checkPhases({ start: list[0].start, end: list[3].end }, list)).toEqual([]);
  });

  it('refuses a second round on or before the first', () => {
    for (const secondRoundDate of ['2026-03-15', '2026-03-08']) {
      expect(() => defaultPhaseSpans({ electionDate: '2026-03-15', secondRoundDate, nextElectionDate: '2032-03-14', months })).toThrow(
        RangeError,
      );
    }
  });

  it('clamps month ends: election on 31 May, one month of post-electoral phase', () => {
    const spans = defaultPhaseSpans({
      electionDate: '2026-05-31',
      nextElectionDate: '2032-03-14',
      months: { pre: 3, post: 1, emergence: 1 },
    });
    expect(spans['pre-electorale']).toEqual({
      start: '2026-02-28',
      end: '2026-05-30',
    });
    expect(spans['post-electorale']).toEqual({
      start: '2026-05-31',
      end: '2026-06-29',
    });
    expect(spans.emergence).toEqual({ start: '2026-06-30', end: '2026-07-30' });
    expect(spans.maturation.start).toBe('2026-07-31');
  });

  it('election on 29 February 2028', () => {
    const spans = defaultPhaseSpans({
      electionDate: '2028-02-29',
      nextElectionDate: '2034-03-12',
      months: { pre: 12, post: 12, emergence: 12 },
    });
    expect(spans['pre-electorale']).toEqual({
      start: '2027-02-28',
      end: '2028-02-28',
    });
    expect(spans['post-electorale']).toEqual({
      start: '2028-02-29',
      end: '2029-02-27',
    });
    expect(spans.emergence).toEqual({ start: '2029-02-28', end: '2030-02-27' });
    expect(spans.maturation).toEqual({
      start: '2030-02-28',
      end: '2034-03-11',
    });
  });

  it('maturation may be a single day, not less', () => {
    const spans = defaultPhaseSpans({
      electionDate: '2026-03-15',
      nextElectionDate: '2026-06-16',
      months: { pre: 1, post: 1, emergence: 2 },
    });
    expect(spans.maturation).toEqual({
      start: '2026-06-15',
      end: '2026-06-15',
    });
    expect(() =>
      defaultPhaseSpans({
        electionDate: '2026-03-15',
        nextElectionDate: '2026-06-15',
        months: { pre: 1, post: 1, emergence: 2 },
      }),
    ).toThrow(RangeError);
  });

  it.each([
    { pre: 0, post: 9, emergence: 24 },
    { pre: 12, post: -1, emergence: 24 },
    { pre: 12, post: 9, emergence: 1.5 },
    { pre: Number.NaN, post: 9, emergence: 24 },
  ])('refuses months %p', (m) => {
    expect(() =>
      defaultPhaseSpans({
        electionDate: '2026-03-15',
        nextElectionDate: '2032-03-14',
        months: m,
      }),
    ).toThrow(RangeError);
  });

  it('refuses invalid dates', () => {
    expect(() =>
      defaultPhaseSpans({
        electionDate: '2026-02-29',
        nextElectionDate: '2032-03-14',
        months,
      }),
    ).toThrow(RangeError);
    expect(() =>
      defaultPhaseSpans({
        electionDate: '2026-03-15',
        nextElectionDate: '2032-3-14',
        months,
      }),
    ).toThrow(RangeError);
  });
});
