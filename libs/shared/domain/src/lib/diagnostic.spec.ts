import {
  ACTOR_GROUP_LABELS,
  ACTOR_GROUPS,
  FIGURE_CODES,
  FIGURE_LABELS,
  GROUP_THRESHOLDS,
  STUDY_FIGURES,
  diagnosticFigures,
  effectiveGroupOn,
  firstPosition,
  groupOf,
  hasMoved,
  isFigureTargetValue,
  isScore,
  positionOn,
} from './diagnostic';
import type { FigureActor, FigureCode, Position } from './diagnostic';

const at = (on: string, maturity: number, ambition: number): Position => ({ on, maturity, ambition });

function actor(partial: Partial<FigureActor>): FigureActor {
  return {
    kind: 'direction',
    referent: null,
    metOn: null,
    workshop: false,
    personalData: false,
    sensitiveData: false,
    groupOverride: null,
    assessments: [],
    ...partial,
  };
}

function figure(actors: FigureActor[], day: string, code: FigureCode) {
  const f = diagnosticFigures(actors, day).find((x) => x.code === code);
  if (!f) throw new Error(code);
  return f;
}

describe('GROUP_THRESHOLDS and groupOf', () => {
  it('are the written-down decisions: mature from 3, ambitious from 3, frozen', () => {
    expect(GROUP_THRESHOLDS).toEqual({ matureFrom: 3, ambitiousFrom: 3 });
    expect(Object.isFrozen(GROUP_THRESHOLDS)).toBe(true);
  });

  it('place the edges: 3 and 3 is a leader, one point less on either side is not', () => {
    expect(groupOf(3, 3)).toBe('leaders');
    expect(groupOf(2, 3)).toBe('median');
    expect(groupOf(3, 2)).toBe('peu-impliques');
    expect(groupOf(2, 2)).toBe('peu-impliques');
  });

  it('place the corners of the map', () => {
    expect(groupOf(5, 5)).toBe('leaders');
    expect(groupOf(1, 5)).toBe('median');
    expect(groupOf(5, 1)).toBe('peu-impliques');
    expect(groupOf(1, 1)).toBe('peu-impliques');
  });

  it('label every group in French', () => {
    expect(ACTOR_GROUPS.map((g) => ACTOR_GROUP_LABELS[g])).toEqual(['Leaders', 'Groupe médian', 'Peu impliqués']);
  });

  it('score whole numbers from 1 to 5 only', () => {
    expect([1, 3, 5].every(isScore)).toBe(true);
    expect([0, 6, 2.5, Number.NaN, '3'].some(isScore)).toBe(false);
  });
});

describe('positionOn', () => {
  const history = [at('2026-10-15', 4, 4), at('2025-03-01', 2, 3), at('2026-01-10', 3, 3)];

  it('is null before the first assessment', () => {
    expect(positionOn(history, '2025-02-28')).toBeNull();
    expect(positionOn([], '2030-01-01')).toBeNull();
  });

  it('takes the latest on or before the day, whatever the list order', () => {
    expect(positionOn(history, '2025-03-01')).toEqual(at('2025-03-01', 2, 3));
    expect(positionOn(history, '2026-01-09')).toEqual(at('2025-03-01', 2, 3));
    expect(positionOn(history, '2026-01-10')).toEqual(at('2026-01-10', 3, 3));
    expect(positionOn(history, '2026-10-14')).toEqual(at('2026-01-10', 3, 3));
    expect(positionOn(history, '2026-10-15')).toEqual(at('2026-10-15', 4, 4));
    expect(positionOn(history, '2032-01-01')).toEqual(at('2026-10-15', 4, 4));
  });

  it('keeps the caller’s own objects (ids and all)', () => {
    const withIds = history.map((h, i) => ({ ...h, id: `a${i}` }));
    expect(positionOn(withIds, '2026-02-01')?.id).toBe('a2');
  });

  it('finds the first position and says whether the actor moved', () => {
    expect(firstPosition(history)).toEqual(at('2025-03-01', 2, 3));
    expect(firstPosition([])).toBeNull();
    expect(hasMoved(at('2025-03-01', 2, 3), at('2026-10-15', 4, 4))).toBe(true);
    expect(hasMoved(at('2025-03-01', 2, 3), at('2026-10-15', 2, 3))).toBe(false);
    expect(hasMoved(null, at('2026-10-15', 2, 3))).toBe(false);
  });
});

describe('effectiveGroupOn', () => {
  const assessments = [at('2025-03-01', 2, 3), at('2026-10-15', 4, 4)];

  it('derives the group from the latest assessment on the day, null before any', () => {
    expect(effectiveGroupOn({ groupOverride: null, assessments }, '2025-01-01')).toBeNull();
    expect(effectiveGroupOn({ groupOverride: null, assessments }, '2025-06-01')).toBe('median');
    expect(effectiveGroupOn({ groupOverride: null, assessments }, '2026-10-15')).toBe('leaders');
  });

  it('lets an override win on every day', () => {
    const groupOverride = { group: 'peu-impliques' as const, reason: 'Réorganisation en cours' };
    expect(effectiveGroupOn({ groupOverride, assessments }, '2026-10-15')).toBe('peu-impliques');
    expect(effectiveGroupOn({ groupOverride, assessments: [] }, '2025-01-01')).toBe('peu-impliques');
  });
});

describe('diagnosticFigures', () => {
  /*
   * A register counted by hand, on 2026-06-01:
   * - 5 operators: O1 met 2025-02-01, O2 met 2025-03-01, O3 met 2025-04-01, O4 met 2026-09-01 (later), O5 never met
   *   → operators met 3 / 5 = 60 %;
   * - 4 directions: D1 met (référent), D2 met (référent), D3 met, D4 never met
   *   → directions met 3 / 4 = 75 %; référents 2 / 4 = 50 %;
   * - 1 partner P1 met; 2 experts E1 (met), E2 (never met): experts 2, never counted in the diagnostic;
   * - actors of the diagnostic on 2026-06-01: O1 O2 O3 D1 D2 D3 P1 = 7;
   *   leaders: O1 (4,4), D1 (3,3), D3 (override leaders, scored 1,1) = 3 → 3/7 = 42.9 %
   *   (O2 is median (2,4), O3 never assessed, D2 peu-impliqués (5,2), P1 median until 2026-10-01);
   *   workshop: O1 D1 D2 D3 = 4/7 = 57.1 %; personal data O1 O2 O3 D1 D2 = 5/7 = 71.4 %;
   *   sensitive data O1 D2 + E1 (expert, not counted) = 2.
   */
  const register: FigureActor[] = [
    actor({
      kind: 'operateur',
      metOn: '2025-02-01',
      workshop: true,
      personalData: true,
      sensitiveData: true,
      assessments: [at('2025-02-01', 4, 4)],
    }),
    actor({ kind: 'operateur', metOn: '2025-03-01', personalData: true, assessments: [at('2025-03-01', 2, 4)] }),
    actor({ kind: 'operateur', metOn: '2025-04-01', personalData: true }),
    actor({ kind: 'operateur', metOn: '2026-09-01', workshop: true, personalData: true, assessments: [at('2026-09-01', 5, 5)] }),
    actor({ kind: 'operateur' }),
    actor({
      kind: 'direction',
      referent: 'Anne Le Gall',
      metOn: '2025-02-10',
      workshop: true,
      personalData: true,
      assessments: [at('2025-02-10', 3, 3)],
    }),
    actor({
      kind: 'direction',
      referent: 'Yann Morvan',
      metOn: '2025-02-11',
      workshop: true,
      personalData: true,
      sensitiveData: true,
      assessments: [at('2025-02-11', 5, 2)],
    }),
    actor({
      kind: 'direction',
      metOn: '2025-02-12',
      workshop: true,
      groupOverride: { group: 'leaders', reason: 'Porte le SIG' },
      assessments: [at('2025-02-12', 1, 1)],
    }),
    actor({ kind: 'direction' }),
    actor({ kind: 'partenaire', metOn: '2025-05-01', assessments: [at('2025-05-01', 2, 3), at('2026-10-01', 3, 3)] }),
    actor({
      kind: 'expert',
      metOn: '2025-06-01',
      workshop: true,
      personalData: true,
      sensitiveData: true,
      assessments: [at('2025-06-01', 5, 5)],
    }),
    actor({ kind: 'expert' }),
  ];

  it('give every figure in FIGURE_CODES order, with a French label', () => {
    expect(diagnosticFigures(register, '2026-06-01').map((f) => f.code)).toEqual([...FIGURE_CODES]);
    for (const code of FIGURE_CODES) expect(FIGURE_LABELS[code].length).toBeGreaterThan(3);
  });

  it('count the register by hand on 2026-06-01', () => {
    const day = '2026-06-01';
    expect(figure(register, day, 'operators-met')).toEqual({
      code: 'operators-met',
      unit: 'percent',
      value: 60,
      numerator: 3,
      denominator: 5,
    });
    expect(figure(register, day, 'directions-met')).toEqual({
      code: 'directions-met',
      unit: 'percent',
      value: 75,
      numerator: 3,
      denominator: 4,
    });
    expect(figure(register, day, 'mature-ambitious')).toMatchObject({ value: 42.9, numerator: 3, denominator: 7 });
    expect(figure(register, day, 'workshop')).toMatchObject({ value: 57.1, numerator: 4, denominator: 7 });
    expect(figure(register, day, 'personal-data')).toMatchObject({ value: 71.4, numerator: 5, denominator: 7 });
    expect(figure(register, day, 'sensitive-data')).toEqual({
      code: 'sensitive-data',
      unit: 'count',
      value: 2,
      numerator: 2,
      denominator: null,
    });
    expect(figure(register, day, 'referents')).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect(figure(register, day, 'experts')).toEqual({ code: 'experts', unit: 'count', value: 2, numerator: 2, denominator: null });
  });

  it('move with the day: O4 met and P1 reassessed by 2026-10-01', () => {
    // diagnosed: the 7 above + O4 = 8; leaders: O1 D1 D3 + O4 (5,5) + P1 (3,3) = 5 → 62.5 %
    const day = '2026-10-01';
    expect(figure(register, day, 'operators-met')).toMatchObject({ value: 80, numerator: 4, denominator: 5 });
    expect(figure(register, day, 'mature-ambitious')).toMatchObject({ value: 62.5, numerator: 5, denominator: 8 });
    expect(figure(register, day, 'workshop')).toMatchObject({ value: 62.5, numerator: 5, denominator: 8 });
    expect(figure(register, day, 'personal-data')).toMatchObject({ value: 75, numerator: 6, denominator: 8 });
  });

  it('before anyone was met: percents of nobody are null, counts are 0', () => {
    const day = '2025-01-01';
    expect(figure(register, day, 'operators-met')).toMatchObject({ value: 0, numerator: 0, denominator: 5 });
    expect(figure(register, day, 'mature-ambitious')).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(figure(register, day, 'sensitive-data')).toMatchObject({ value: 0 });
    expect(figure([], day, 'referents')).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  it('round to one decimal: 1 of 3 is 33.3, 2 of 3 is 66.7', () => {
    const three = [1, 2, 3].map((i) => actor({ kind: 'operateur', metOn: i <= 2 ? '2025-01-01' : null }));
    expect(figure(three, '2025-06-01', 'operators-met').value).toBe(66.7);
    const one = [actor({ kind: 'operateur', metOn: '2025-01-01' }), actor({ kind: 'operateur' }), actor({ kind: 'operateur' })];
    expect(figure(one, '2025-06-01', 'operators-met').value).toBe(33.3);
  });
});

describe('STUDY_FIGURES', () => {
  it('are the study’s values', () => {
    expect(STUDY_FIGURES['operators-met']).toEqual({ value: 80, comparison: 'eq', unit: 'percent' });
    expect(STUDY_FIGURES['directions-met']).toEqual({ value: 50, comparison: 'eq', unit: 'percent' });
    expect(STUDY_FIGURES['mature-ambitious']).toEqual({ value: 45, comparison: 'eq', unit: 'percent' });
    expect(STUDY_FIGURES.workshop).toEqual({ value: 60, comparison: 'gt', unit: 'percent' });
    expect(STUDY_FIGURES['personal-data']).toEqual({ value: 75, comparison: 'eq', unit: 'percent' });
    expect(STUDY_FIGURES['sensitive-data']).toEqual({ value: 3, comparison: 'eq', unit: 'count' });
    expect(STUDY_FIGURES.experts).toEqual({ value: 6, comparison: 'eq', unit: 'count' });
    expect(STUDY_FIGURES.referents).toBeNull();
  });

  it('bound targets: percents 0 to 100, counts whole from 0', () => {
    expect(isFigureTargetValue('workshop', 100)).toBe(true);
    expect(isFigureTargetValue('workshop', 72.5)).toBe(true);
    expect(isFigureTargetValue('workshop', 101)).toBe(false);
    expect(isFigureTargetValue('experts', 8)).toBe(true);
    expect(isFigureTargetValue('experts', 2.5)).toBe(false);
    expect(isFigureTargetValue('experts', -1)).toBe(false);
  });
});
