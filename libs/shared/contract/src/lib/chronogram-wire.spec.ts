import {
  CHRONOGRAM_ACTION_COLUMNS,
  CHRONOGRAM_GROUPED_BY,
  CHRONOGRAM_MILESTONE_COLUMNS,
  chronogramOf,
  chronogramWire,
  chronogramWireOf,
} from './chronogram-wire';
import { tableOfRows } from '@jalons/domain';

import type { ChronogramActionView, ChronogramMilestoneView, ChronogramView } from './views';

const bar = (id: string, functionId: string, phaseId: string, predecessorIds: string[] = []): ChronogramActionView => ({
  functionId,
  phaseId,
  id,
  title: `Action ${id}`,
  volet: null,
  start: '2026-04-01',
  due: '2026-06-30',
  status: 'en_cours',
  progress: 40,
  ownerId: id === 'a1' ? 'p1' : null,
  predecessorIds,
  version: 2,
  provenance: id === 'a1' ? { kind: 'etude', reference: null } : null,
});

const milestone = (id: string, functionId: string, phaseId: string): ChronogramMilestoneView => ({
  functionId,
  phaseId,
  id,
  title: `Jalon ${id}`,
  date: '2026-07-01',
  achievedOn: null,
  ownerId: null,
  version: 1,
  provenance: null,
  state: 'upcoming',
});

const view = (): ChronogramView => {
  const actions = [bar('a1', 'f1', 'p1'), bar('a2', 'f1', 'p1', ['a1']), bar('a3', 'f1', 'p2', ['x', 'a2', 'a1']), bar('a4', 'f2', 'p2')];
  return {
    roadmap: { id: 'r1' } as ChronogramView['roadmap'],
    functions: [],
    actions,
    milestones: [milestone('m1', 'f1', 'p1'), milestone('m2', 'f2', 'p1')],
    dependencies: [
      { predecessorId: 'a1', successorId: 'a2' },
      { predecessorId: 'a2', successorId: 'a3' },
      { predecessorId: 'a1', successorId: 'a3' },
    ],
    persons: [{ id: 'p1', name: 'Anne Le Gall' }],
  };
};

describe('the chronogram on the wire', () => {
  it('writes the bars in groups of one function and phase, without the arrows', () => {
    const wire = chronogramWire(view());
    expect('dependencies' in wire).toBe(false);
    expect(wire.actions.groupedBy).toEqual([...CHRONOGRAM_GROUPED_BY]);
    expect(wire.actions.groups.map((g) => [g.functionId, g.phaseId, g.rows.map((r) => r[0])])).toEqual([
      ['f1', 'p1', ['a1', 'a2']],
      ['f1', 'p2', ['a3']],
      ['f2', 'p2', ['a4']],
    ]);
    expect(wire.milestones.columns).toEqual([...CHRONOGRAM_MILESTONE_COLUMNS]);
  });

  it('reads back the very view, keys in order, arrows rebuilt in order; a baseline kept', () => {
    const v = view();
    const back = chronogramOf(JSON.parse(JSON.stringify(chronogramWire(v))));
    expect(back).toStrictEqual(v);
    expect(JSON.stringify(back)).toBe(JSON.stringify(v));
    expect(Object.keys(back.actions[0])).toEqual([...CHRONOGRAM_GROUPED_BY, ...CHRONOGRAM_ACTION_COLUMNS]);
    const baseline = { id: 'b1', number: 1, label: 'v1', decision: null, items: [] };
    expect(chronogramOf(chronogramWire({ ...v, baseline })).baseline).toEqual(baseline);
  });

  it('writes the same body from bars read as rows of values (columns, then function and phase)', () => {
    const v = { ...view(), baseline: { id: 'b1', number: 1, label: 'v1', decision: null, items: [] } };
    const rows = v.actions.map((a) => [...CHRONOGRAM_ACTION_COLUMNS.map((c) => a[c]), ...CHRONOGRAM_GROUPED_BY.map((k) => a[k])]);
    const fromRows = chronogramWireOf(v, tableOfRows(rows, CHRONOGRAM_GROUPED_BY, CHRONOGRAM_ACTION_COLUMNS));
    expect(JSON.stringify(fromRows)).toBe(JSON.stringify(chronogramWire(v)));
    expect(Object.keys(fromRows.actions.groups[0])).toEqual([...CHRONOGRAM_GROUPED_BY, 'rows']);
  });
});
