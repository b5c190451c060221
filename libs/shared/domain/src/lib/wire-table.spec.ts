import { dependenciesAmong, rowsOf, tableOf, tableOfRows } from './wire-table';

interface Bar {
  fn: string;
  id: string;
  title: string;
  note?: string | null;
  after: string[];
}

describe('tables on the wire', () => {
  const bars: Bar[] = [
    { fn: 'f1', id: 'a', title: 'Un', note: 'x', after: [] },
    { fn: 'f1', id: 'b', title: 'Deux', note: null, after: ['a'] },
    { fn: 'f2', id: 'c', title: 'Trois', after: ['b', 'z'] },
    { fn: 'f1', id: 'd', title: 'Quatre', note: null, after: ['c'] },
  ];

  it('says the grouped values once per run of consecutive objects, in order, and reads the objects back', () => {
    const table = tableOf(bars, ['fn'], ['id', 'title', 'note', 'after']);
    expect(table).toEqual({
      groupedBy: ['fn'],
      columns: ['id', 'title', 'note', 'after'],
      groups: [
        {
          fn: 'f1',
          rows: [
            ['a', 'Un', 'x', []],
            ['b', 'Deux', null, ['a']],
          ],
        },
        { fn: 'f2', rows: [['c', 'Trois', null, ['b', 'z']]] },
        { fn: 'f1', rows: [['d', 'Quatre', null, ['c']]] },
      ],
    });
    // through JSON, as on the wire: the same objects, the grouped field first; an absent field comes back null
    const back = rowsOf(JSON.parse(JSON.stringify(table)) as typeof table);
    expect(back).toStrictEqual(bars.map((b) => ({ fn: b.fn, id: b.id, title: b.title, note: b.note ?? null, after: b.after })));
    expect(Object.keys(back[0])).toEqual(['fn', 'id', 'title', 'note', 'after']);
  });

  it('writes the same table from rows read as arrays (columns, then the grouped values), each group naming its values first', () => {
    const table = tableOf(bars, ['fn'], ['id', 'title', 'note', 'after']);
    const rows = bars.map((b) => [b.id, b.title, b.note, b.after, b.fn]);
    const fromRows = tableOfRows<Bar, 'fn'>(rows, ['fn'], ['id', 'title', 'note', 'after']);
    expect(JSON.stringify(fromRows)).toBe(JSON.stringify(table));
    expect(Object.keys(fromRows.groups[0])).toEqual(['fn', 'rows']);
    expect(fromRows.groups.map((g) => g.rows.length)).toEqual([2, 1, 1]);
    expect(tableOfRows<Bar, 'fn'>([], ['fn'], ['id']).groups).toEqual([]);
  });

  it('writes an empty list as no group', () => {
    expect(rowsOf(tableOf<Bar, 'fn'>([], ['fn'], ['id']))).toEqual([]);
  });

  it('rebuilds the arrows between the shown bars, in the bars’ order then their predecessors’', () => {
    expect(dependenciesAmong(bars.map((b) => ({ id: b.id, predecessorIds: b.after })))).toEqual([
      { predecessorId: 'a', successorId: 'b' },
      { predecessorId: 'b', successorId: 'c' },
      { predecessorId: 'c', successorId: 'd' },
    ]);
  });
});
