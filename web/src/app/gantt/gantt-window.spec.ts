import { MARGIN_ROWS, rowWindow, rowsInSight, VIRTUAL_FROM } from './gantt-window';

describe('rowWindow', () => {
  it('keeps every row below VIRTUAL_FROM', () => {
    expect(rowWindow(VIRTUAL_FROM - 1, -5_000, 900, 40)).toEqual({ from: 0, to: VIRTUAL_FROM - 1 });
  });

  it('holds the rows on screen and a margin, in whole blocks of ten', () => {
    // list 300 px down a 900 px screen: rows 0–14 visible, 15 more below
    expect(rowWindow(1_000, 300, 900, 40)).toEqual({ from: 0, to: 30 });
    // scrolled: row 500 at the top of the screen, rows 500–523 visible
    const w = rowWindow(1_000, -500 * 40, 900, 40);
    expect(w.from).toBeLessThanOrEqual(500 - MARGIN_ROWS);
    expect(w.to).toBeGreaterThanOrEqual(523 + MARGIN_ROWS);
    expect(w.from % 10).toBe(0);
    expect(w.to % 10).toBe(0);
    // past the end
    expect(rowWindow(1_000, -2_000 * 40, 900, 40)).toEqual({ from: 1_000, to: 1_000 });
  });
});

describe('rowsInSight', () => {
  const rows = ['a', 'b', 'c', 'd', 'e', 'f'];
  it('gives the rows of the span with their index, and the kept row outside it in its place', () => {
    expect(rowsInSight(rows, { from: 2, to: 4 }, -1)).toEqual([
      { row: 'c', index: 2 },
      { row: 'd', index: 3 },
    ]);
    expect(rowsInSight(rows, { from: 2, to: 4 }, 0).map((r) => r.index)).toEqual([0, 2, 3]);
    expect(rowsInSight(rows, { from: 2, to: 4 }, 5).map((r) => r.index)).toEqual([2, 3, 5]);
    expect(rowsInSight(rows, { from: 2, to: 4 }, 3).map((r) => r.index)).toEqual([2, 3]);
  });
});
