import {
  checkActionDates,
  checkMilestoneDate,
  checkPhases,
  checkDependencyDates,
  checkStatusProgress,
  findCycle,
  formatFrDate,
  wouldCreateCycle,
} from './rules';
import { ACTION_STATUSES } from './types';
import type { ActionStatus, PhaseSpan } from './types';

const roadmap = { start: '2025-03-01', end: '2032-03-14' };
const brestPhases: PhaseSpan[] = [
  { code: 'pre-electorale', start: '2025-03-01', end: '2026-03-22' },
  { code: 'post-electorale', start: '2026-03-23', end: '2026-12-31' },
  { code: 'emergence', start: '2027-01-01', end: '2028-12-31' },
  { code: 'maturation', start: '2029-01-01', end: '2032-03-14' },
];
/** brestPhases with phase i changed */
const withPhase = (i: number, change: Partial<PhaseSpan>): PhaseSpan[] => brestPhases.map((p, j) => (j === i ? { ...p, ...change } : p));
const fields = (vs: { field: string }[]) => vs.map((v) => v.field);

describe('formatFrDate', () => {
  it.each([
    ['2025-03-01', '01/03/2025'],
    ['2032-03-14', '14/03/2032'],
    ['2024-02-29', '29/02/2024'],
    ['2026-12-31', '31/12/2026'],
  ])('%s → %s', (d, fr) => {
    expect(formatFrDate(d)).toBe(fr);
  });

  it('throws for an invalid date', () => {
    expect(() => formatFrDate('2026-02-29')).toThrow(RangeError);
    expect(() => formatFrDate('2026-1-5')).toThrow(RangeError);
  });
});

describe('checkPhases', () => {
  it("accepts Brest's phases", () => {
    expect(checkPhases(roadmap, brestPhases)).toEqual([]);
  });

  it('accepts a single phase covering the roadmap, and one-day phases', () => {
    expect(checkPhases(roadmap, [{ code: 'x', ...roadmap }])).toEqual([]);
    expect(
      checkPhases({ start: '2026-03-28', end: '2026-03-30' }, [
        { code: 'a', start: '2026-03-28', end: '2026-03-28' },
        { code: 'b', start: '2026-03-29', end: '2026-03-29' }, // DST Sunday
        { code: 'c', start: '2026-03-30', end: '2026-03-30' },
      ]),
    ).toEqual([]);
  });

  it('contiguity around 29 February', () => {
    const span = { start: '2028-01-01', end: '2028-12-31' };
    expect(
      checkPhases(span, [
        { code: 'a', start: '2028-01-01', end: '2028-02-29' },
        { code: 'b', start: '2028-03-01', end: '2028-12-31' },
      ]),
    ).toEqual([]);
    expect(
      checkPhases(span, [
        { code: 'a', start: '2028-01-01', end: '2028-02-28' },
        { code: 'b', start: '2028-03-01', end: '2028-12-31' },
      ]),
    ).toEqual([
      {
        field: 'phases[1].start',
        message:
          'Il y a un intervalle entre cette phase et la précédente : elle doit commencer le 29/02/2028, lendemain de la fin de la phase précédente.',
      },
    ]);
    // 2027 is not a leap year: 28 February → 1 March is contiguous
    expect(
      checkPhases({ start: '2027-01-01', end: '2027-12-31' }, [
        { code: 'a', start: '2027-01-01', end: '2027-02-28' },
        { code: 'b', start: '2027-03-01', end: '2027-12-31' },
      ]),
    ).toEqual([]);
  });

  it('reports a gap', () => {
    expect(checkPhases(roadmap, withPhase(2, { start: '2027-01-02' }))).toEqual([
      {
        field: 'phases[2].start',
        message:
          'Il y a un intervalle entre cette phase et la précédente : elle doit commencer le 01/01/2027, lendemain de la fin de la phase précédente.',
      },
    ]);
  });

  it('reports an overlap, including a shared boundary day', () => {
    expect(checkPhases(roadmap, withPhase(1, { start: '2026-03-22' }))).toEqual([
      {
        field: 'phases[1].start',
        message: 'Cette phase chevauche la précédente : elle doit commencer le 23/03/2026, lendemain de la fin de la phase précédente.',
      },
    ]);
    expect(fields(checkPhases(roadmap, withPhase(1, { start: '2026-01-01' })))).toEqual(['phases[1].start']);
  });

  it('reports phases out of order', () => {
    const swapped = [brestPhases[0], brestPhases[2], brestPhases[1], brestPhases[3]];
    const vs = checkPhases(roadmap, swapped);
    expect(vs).toContainEqual({
      field: 'phases[2].start',
      message: "Les phases doivent se suivre dans l'ordre chronologique : cette phase commence avant la précédente.",
    });
    expect(fields(vs)).toEqual(['phases[1].start', 'phases[2].start', 'phases[3].start']);
  });

  it('reports a phase ending before it starts', () => {
    const vs = checkPhases(roadmap, withPhase(1, { end: '2026-03-21' }));
    expect(vs).toContainEqual({
      field: 'phases[1].end',
      message: 'La fin de la phase doit être le même jour ou après son début.',
    });
  });

  it('reports a first phase not starting on the roadmap start', () => {
    expect(checkPhases(roadmap, withPhase(0, { start: '2025-03-02' }))).toEqual([
      {
        field: 'phases[0].start',
        message: 'La première phase doit commencer le 01/03/2025, début de la feuille de route.',
      },
    ]);
    expect(fields(checkPhases(roadmap, withPhase(0, { start: '2025-02-28' })))).toEqual(['phases[0].start']);
  });

  it('reports a last phase not ending on the roadmap end', () => {
    expect(checkPhases(roadmap, withPhase(3, { end: '2032-03-13' }))).toEqual([
      {
        field: 'phases[3].end',
        message: 'La dernière phase doit se terminer le 14/03/2032, fin de la feuille de route.',
      },
    ]);
    expect(fields(checkPhases(roadmap, withPhase(3, { end: '2032-03-15' })))).toEqual(['phases[3].end']);
  });

  it('reports invalid phase dates without cascading', () => {
    expect(checkPhases(roadmap, withPhase(1, { start: '2026-02-30' }))).toEqual([
      {
        field: 'phases[1].start',
        message: "La date de début de la phase n'est pas une date valide.",
      },
    ]);
    expect(checkPhases(roadmap, withPhase(1, { end: '2026-12-32' }))).toEqual([
      {
        field: 'phases[1].end',
        message: "La date de fin de la phase n'est pas une date valide.",
      },
    ]);
    expect(fields(checkPhases(roadmap, withPhase(3, { end: '2032-3-14' })))).toEqual(['phases[3].end']);
  });

  it('reports an empty list', () => {
    expect(checkPhases(roadmap, [])).toEqual([
      {
        field: 'phases',
        message: 'La feuille de route doit comporter au moins une phase.',
      },
    ]);
  });

  it("reports the roadmap's own invalid dates", () => {
    expect(fields(checkPhases({ start: '2025-02-29', end: '2032-03-14' }, brestPhases))).toEqual(['start']);
    expect(fields(checkPhases({ start: '2025-03-01', end: '' }, brestPhases))).toEqual(['end']);
    expect(checkPhases({ start: '2032-03-14', end: '2025-03-01' }, [])).toContainEqual({
      field: 'end',
      message: 'La fin de la feuille de route doit être le même jour ou après son début.',
    });
  });
});

describe('checkActionDates', () => {
  it('accepts dates inside the roadmap, including both ends and a one-day action', () => {
    expect(checkActionDates(roadmap, { start: '2026-03-28', due: '2026-03-30' })).toEqual([]);
    expect(checkActionDates(roadmap, { start: '2026-03-29', due: '2026-03-29' })).toEqual([]);
    expect(checkActionDates(roadmap, { start: '2025-03-01', due: '2032-03-14' })).toEqual([]);
    expect(checkActionDates(roadmap, { start: '2028-02-29', due: '2028-02-29' })).toEqual([]);
  });

  it('refuses a due date before the start', () => {
    expect(checkActionDates(roadmap, { start: '2026-03-30', due: '2026-03-29' })).toEqual([
      {
        field: 'due',
        message: "L'échéance doit être le même jour ou après le début.",
      },
    ]);
  });

  it('refuses a start outside the roadmap, naming the span in French format', () => {
    expect(checkActionDates(roadmap, { start: '2025-02-28', due: '2025-03-10' })).toEqual([
      {
        field: 'start',
        message: 'La date de début doit être comprise entre le 01/03/2025 et le 14/03/2032.',
      },
    ]);
  });

  it('refuses a due date outside the roadmap', () => {
    expect(checkActionDates(roadmap, { start: '2032-03-01', due: '2032-03-15' })).toEqual([
      {
        field: 'due',
        message: "L'échéance doit être comprise entre le 01/03/2025 et le 14/03/2032.",
      },
    ]);
  });

  it('reports every broken rule at once', () => {
    expect(fields(checkActionDates(roadmap, { start: '2033-01-01', due: '2024-01-01' }))).toEqual(['due', 'start', 'due']);
  });

  it('refuses invalid dates', () => {
    expect(checkActionDates(roadmap, { start: '2026-02-29', due: '2026-03-10' })).toEqual([
      {
        field: 'start',
        message: "La date de début n'est pas une date valide.",
      },
    ]);
    expect(checkActionDates(roadmap, { start: '2026-03-01', due: '2026-3-10' })).toEqual([
      { field: 'due', message: "L'échéance n'est pas une date valide." },
    ]);
    expect(fields(checkActionDates(roadmap, { start: '', due: '2026-04-31' }))).toEqual(['start', 'due']);
  });

  it('throws for an invalid roadmap span (stored data, a programming error)', () => {
    expect(() => checkActionDates({ start: '2032-03-14', end: '2025-03-01' }, { start: '2026-03-01', due: '2026-03-02' })).toThrow(
      RangeError,
    );
    expect(() => checkActionDates({ start: 'x', end: '2032-03-14' }, { start: '2026-03-01', due: '2026-03-02' })).toThrow(RangeError);
  });
});

describe('checkMilestoneDate', () => {
  it.each(['2025-03-01', '2026-10-25', '2028-02-29', '2032-03-14'])('accepts %s', (d) => {
    expect(checkMilestoneDate(roadmap, d)).toEqual([]);
  });

  it.each(['2025-02-28', '2032-03-15'])('refuses %s, outside the roadmap', (d) => {
    expect(checkMilestoneDate(roadmap, d)).toEqual([
      {
        field: 'date',
        message: 'La date du jalon doit être comprise entre le 01/03/2025 et le 14/03/2032.',
      },
    ]);
  });

  it.each(['2027-02-29', '2026-13-01', ''])('refuses the invalid date %p', (d) => {
    expect(checkMilestoneDate(roadmap, d)).toEqual([
      {
        field: 'date',
        message: "La date du jalon n'est pas une date valide.",
      },
    ]);
  });

  it('throws for an invalid roadmap span', () => {
    expect(() => checkMilestoneDate({ start: '2025-03-01', end: '2032-02-30' }, '2026-01-01')).toThrow(RangeError);
  });
});

describe('checkStatusProgress', () => {
  it.each<[ActionStatus, number]>([
    ['a_lancer', 0],
    ['en_cours', 0],
    ['en_cours', 1],
    ['en_cours', 100],
    ['bloquee', 45],
    ['terminee', 100],
    ['abandonnee', 0],
    ['abandonnee', 60],
  ])('accepts %s at %i %%', (status, progress) => {
    expect(checkStatusProgress(status, progress)).toEqual([]);
  });

  it('a finished action is at 100 %', () => {
    expect(checkStatusProgress('terminee', 99)).toEqual([{ field: 'progress', message: 'Une action terminée est à 100 %.' }]);
    expect(fields(checkStatusProgress('terminee', 0))).toEqual(['progress']);
  });

  it('an action not started is at 0 % (docs/kit.md)', () => {
    expect(checkStatusProgress('a_lancer', 10)).toEqual([{ field: 'progress', message: 'Une action à lancer est à 0 %.' }]);
  });

  it.each([-1, 101, 50.5, Number.NaN, Number.POSITIVE_INFINITY])('progress must be an integer 0–100: %p', (p) => {
    expect(checkStatusProgress('en_cours', p)).toEqual([
      {
        field: 'progress',
        message: "L'avancement doit être un nombre entier compris entre 0 et 100.",
      },
    ]);
  });

  it('refuses an unknown status', () => {
    expect(checkStatusProgress('fini' as ActionStatus, 100)).toEqual([{ field: 'status', message: "Ce statut n'existe pas." }]);
  });

  it('knows every status', () => {
    for (const s of ACTION_STATUSES) expect(fields(checkStatusProgress(s, s === 'a_lancer' ? 0 : 100))).toEqual([]);
  });
});

/** True when `cycle` is a closed walk along `edges` (each consecutive pair and last → first is an edge). */
function isCycleOf<Id>(edges: ReadonlyArray<readonly [Id, Id]>, cycle: Id[]): boolean {
  const set = new Set(edges.map(([a, b]) => JSON.stringify([a, b])));
  return (
    cycle.length > 0 &&
    new Set(cycle).size === cycle.length &&
    cycle.every((id, i) => set.has(JSON.stringify([id, cycle[(i + 1) % cycle.length]])))
  );
}

describe('findCycle', () => {
  it('returns null without edges', () => {
    expect(findCycle([])).toBeNull();
  });

  it('finds a 3-cycle, first id not repeated', () => {
    const edges = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
    ] as const;
    const cycle = findCycle(edges);
    expect(cycle).toEqual(['a', 'b', 'c']);
    expect(isCycleOf(edges, cycle ?? [])).toBe(true);
  });

  it('finds a cycle that does not contain the first node, leaving out the path leading to it', () => {
    const edges: [string, string][] = [
      ['start', 'x'],
      ['x', 'y'],
      ['y', 'z'],
      ['z', 'x'],
    ];
    expect(findCycle(edges)).toEqual(['x', 'y', 'z']);
  });

  it('finds a 2-cycle and a self-loop', () => {
    expect(
      findCycle([
        ['a', 'b'],
        ['b', 'a'],
      ]),
    ).toEqual(['a', 'b']);
    expect(
      findCycle([
        ['a', 'b'],
        ['b', 'b'],
      ]),
    ).toEqual(['b']);
    expect(findCycle([['solo', 'solo']])).toEqual(['solo']);
  });

  it('returns null for a DAG with diamonds and cross edges', () => {
    const edges: [string, string][] = [
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'd'],
      ['c', 'd'], // diamond a-b/c-d
      ['d', 'e'],
      ['d', 'f'],
      ['e', 'g'],
      ['f', 'g'], // diamond d-e/f-g
      ['a', 'g'], // shortcut
      ['h', 'c'], // second root into an explored node
      ['h', 'g'],
    ];
    expect(findCycle(edges)).toBeNull();
    // closing it from the bottom makes a cycle
    const cycle = findCycle([...edges, ['g', 'a']]);
    expect(cycle).not.toBeNull();
    expect(isCycleOf([...edges, ['g', 'a']], cycle ?? [])).toBe(true);
  });

  it('finds a cycle in a component explored after an acyclic one', () => {
    const edges: [number, number][] = [
      [1, 2],
      [2, 3],
      [10, 11],
      [11, 12],
      [12, 10],
    ];
    expect(findCycle(edges)).toEqual([10, 11, 12]);
  });

  it('handles a 10,000-node chain without stack overflow, and the same chain closed', () => {
    const n = 10_000;
    const chain: [number, number][] = [];
    for (let i = 0; i < n - 1; i++) chain.push([i, i + 1]);
    expect(findCycle(chain)).toBeNull();
    // listed backwards, so the search starts from the far end
    expect(findCycle([...chain].reverse())).toBeNull();
    const closed: [number, number][] = [...chain, [n - 1, 0]];
    const cycle = findCycle(closed);
    expect(cycle).toHaveLength(n);
    expect(cycle?.[0]).toBe(0);
    expect(cycle?.[n - 1]).toBe(n - 1);
  });

  it('handles a dense 200-node DAG (every i → j for i < j) quickly', () => {
    const edges: [number, number][] = [];
    for (let i = 0; i < 200; i++) for (let j = i + 1; j < 200; j++) edges.push([i, j]);
    expect(findCycle(edges)).toBeNull();
    expect(findCycle([...edges, [199, 0]])).not.toBeNull();
  });
});

describe('wouldCreateCycle', () => {
  const dag: [string, string][] = [
    ['a', 'b'],
    ['a', 'c'],
    ['b', 'd'],
    ['c', 'd'],
  ];

  it('a self-edge always creates a cycle', () => {
    expect(wouldCreateCycle([], ['a', 'a'])).toBe(true);
    expect(wouldCreateCycle(dag, ['d', 'd'])).toBe(true);
  });

  it('an edge back up the graph creates a cycle', () => {
    expect(wouldCreateCycle(dag, ['d', 'a'])).toBe(true);
    expect(wouldCreateCycle(dag, ['b', 'a'])).toBe(true);
    expect(wouldCreateCycle(dag, ['d', 'c'])).toBe(true);
  });

  it('edges that keep the graph acyclic do not', () => {
    expect(wouldCreateCycle(dag, ['a', 'd'])).toBe(false); // shortcut
    expect(wouldCreateCycle(dag, ['b', 'c'])).toBe(false); // across the diamond
    expect(wouldCreateCycle(dag, ['a', 'b'])).toBe(false); // duplicate
    expect(wouldCreateCycle(dag, ['x', 'y'])).toBe(false); // new nodes
    expect(wouldCreateCycle(dag, ['d', 'z'])).toBe(false);
    expect(wouldCreateCycle([], ['a', 'b'])).toBe(false);
  });

  it('only answers for the new edge: a cycle elsewhere is not its doing', () => {
    const withCycle: [string, string][] = [...dag, ['x', 'y'], ['y', 'x']];
    expect(wouldCreateCycle(withCycle, ['a', 'x'])).toBe(false);
    expect(wouldCreateCycle(withCycle, ['y', 'a'])).toBe(false);
  });

  it('agrees with findCycle on a 10,000-node chain', () => {
    const chain: [number, number][] = [];
    for (let i = 0; i < 9_999; i++) chain.push([i, i + 1]);
    expect(wouldCreateCycle(chain, [9_999, 0])).toBe(true);
    expect(wouldCreateCycle(chain, [0, 9_999])).toBe(false);
    expect(wouldCreateCycle(chain, [5_000, 4_999])).toBe(true);
  });
});

describe('checkDependencyDates', () => {
  const charte = { title: 'Rédiger la charte', due: '2027-03-31' as const };
  it('lets an action start on or after its predecessor’s due date', () => {
    expect(checkDependencyDates(charte, { title: 'Adopter la charte', start: '2027-03-31' })).toEqual([]);
    expect(checkDependencyDates(charte, { title: 'Adopter la charte', start: '2027-04-01' })).toEqual([]);
  });
  it('refuses an arrow to an action that starts before, naming both and their dates, on the given field', () => {
    expect(checkDependencyDates(charte, { title: 'Adopter la charte', start: '2027-03-30' }, 'predecessorIds')).toEqual([
      {
        field: 'predecessorIds',
        message:
          '« Adopter la charte » commence le 30/03/2027, avant l’échéance de « Rédiger la charte » (31/03/2027) : replanifiez l’une des deux avant de les lier.',
      },
    ]);
  });
});
