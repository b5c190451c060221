import type { RowSpan } from './frappe-chart';

/**
 * The rows in sight (ADR 0028). Above `VIRTUAL_FROM` rows, the left-hand list holds only the rows
 * on screen and a margin around them, and a render of the chart draws only their bars (the others
 * follow, a slice at a time). Below, everything is drawn at once: it costs less than a frame.
 */

export type { RowSpan } from './frappe-chart';

/** From this many rows (functions, actions and milestones shown) on, the list and the bars are drawn in sight first. */
export const VIRTUAL_FROM = 200;
/** Rows kept beyond each edge of the screen. */
export const MARGIN_ROWS = 15;
/** The window moves by whole blocks of rows: a small scroll changes nothing. */
const BLOCK = 10;

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

/**
 * The rows to draw: those between the top and the bottom of the viewport, plus `MARGIN_ROWS` on
 * each side, widened to whole blocks; every row when there are fewer than `VIRTUAL_FROM`.
 *
 * @param rowsTop where the top of row 0 is, relative to the top of the viewport (negative once scrolled past)
 */
export function rowWindow(count: number, rowsTop: number, viewportHeight: number, rowHeight: number): RowSpan {
  if (count < VIRTUAL_FROM) return { from: 0, to: count };
  const first = Math.floor(-rowsTop / rowHeight) - MARGIN_ROWS;
  const last = Math.ceil((viewportHeight - rowsTop) / rowHeight) + MARGIN_ROWS;
  const from = clamp(Math.floor(first / BLOCK) * BLOCK, 0, count);
  const to = clamp(Math.ceil(last / BLOCK) * BLOCK, from, count);
  return { from, to };
}

export const sameSpan = (a: RowSpan, b: RowSpan): boolean => a.from === b.from && a.to === b.to;

/** The rows of `span`, plus the row at `keep` (the one holding the keyboard focus) when outside it, each with its index. */
export function rowsInSight<T>(rows: readonly T[], span: RowSpan, keep: number): { row: T; index: number }[] {
  const shown: { row: T; index: number }[] = [];
  if (keep >= 0 && keep < span.from && keep < rows.length) shown.push({ row: rows[keep], index: keep });
  const to = Math.min(span.to, rows.length);
  for (let i = span.from; i < to; i++) shown.push({ row: rows[i], index: i });
  if (keep >= to && keep < rows.length) shown.push({ row: rows[keep], index: keep });
  return shown;
}
