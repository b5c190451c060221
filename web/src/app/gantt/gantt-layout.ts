import type { ChronogramView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { addDays, addMonths, fromDayNumber, spanDays, toDayNumber } from '@jalons/domain';

/**
 * Geometry shared by frappe-gantt and our own layers: the options we pass to the library, the row
 * maths the left-hand list must follow, and the x of a day at each scale. Pure functions only.
 */

export type GanttViewMode = 'month' | 'quarter' | 'year';

export const GANTT_VIEW_MODES: readonly GanttViewMode[] = ['month', 'quarter', 'year'];

/** The sizes given to frappe-gantt (its option names). Everything vertical derives from them. */
export const FRAPPE_SIZES = {
  bar_height: 24,
  /** space between two bars: padding / 2 above and below each bar */
  padding: 16,
  /** three strips: « Élection » / today marks, years, phase names (see gantt.scss) */
  upper_header_height: 64,
  lower_header_height: 30,
} as const;

export interface FrappeSizes {
  bar_height: number;
  padding: number;
  upper_header_height: number;
  lower_header_height: number;
}

export interface GanttLayout {
  /** height of frappe's date header (frappe: config.header_height = upper + lower + 10) */
  headerHeight: number;
  /** one row of the grid and of the left-hand list (frappe: bar_height + padding) */
  rowHeight: number;
  barHeight: number;
  /** top of row i, from the top of the chart */
  rowTop(i: number): number;
  /** y of the bar of row i (frappe's Bar.compute_y) */
  barTop(i: number): number;
  /** vertical centre of the bar of row i */
  barMiddle(i: number): number;
  /** total height frappe gives its grid for n rows (make_grid_background) */
  gridHeight(rows: number): number;
}

/** Row maths of frappe-gantt 1.2.x for the given sizes (index.js make_grid_*, bar.js compute_y). */
export function ganttLayout(sizes: FrappeSizes = FRAPPE_SIZES): GanttLayout {
  const headerHeight = sizes.upper_header_height + sizes.lower_header_height + 10;
  const rowHeight = sizes.bar_height + sizes.padding;
  const barTop = (i: number): number => headerHeight + sizes.padding / 2 + i * rowHeight;
  return {
    headerHeight,
    rowHeight,
    barHeight: sizes.bar_height,
    rowTop: (i) => headerHeight + i * rowHeight,
    barTop,
    barMiddle: (i) => barTop(i) + sizes.bar_height / 2,
    gridHeight: (rows) => headerHeight + sizes.padding + rowHeight * rows - 10,
  };
}

/**
 * Pixels per day. Every view mode uses ONE DAY per frappe column (step '1d'), so positions are
 * linear in days, drags snap to whole days, and the widths are exact binary fractions: x / width
 * divided back by the column width gives an exact integer (a 0.7 px column would give 29.999… and
 * frappe truncates it to 29, one day early).
 */
export const PX_PER_DAY: Readonly<Record<GanttViewMode, number>> = {
  month: 4,
  quarter: 1.5,
  year: 0.5,
};

/** Days of margin around the data, before aligning on the period of the view mode. */
const MARGIN_DAYS: Readonly<Record<GanttViewMode, number>> = {
  month: 20,
  quarter: 45,
  year: 90,
};

export interface DayRange {
  start: IsoDate;
  end: IsoDate;
}

function firstOfPeriod(day: IsoDate, mode: GanttViewMode): IsoDate {
  const y = day.slice(0, 4);
  const m = Number(day.slice(5, 7));
  if (mode === 'year') return `${y}-01-01`;
  if (mode === 'quarter') {
    const first = m - ((m - 1) % 3);
    return `${y}-${String(first).padStart(2, '0')}-01`;
  }
  return `${y}-${day.slice(5, 7)}-01`;
}

function periodMonths(mode: GanttViewMode): number {
  return mode === 'year' ? 12 : mode === 'quarter' ? 3 : 1;
}

/**
 * The days the chart shows: the roadmap and every item, plus a margin, widened to whole periods
 * (months, quarters or years) so the header starts and ends on a boundary. Elections are drawn
 * when they fall inside (a past mandate's election does not stretch the chart back to it).
 */
export function chartRange(view: ChronogramView, mode: GanttViewMode): DayRange {
  const { roadmap } = view;
  let min = toDayNumber(roadmap.start);
  let max = toDayNumber(roadmap.end);
  const see = (d: IsoDate | null | undefined): void => {
    if (!d) return;
    const n = toDayNumber(d);
    if (n < min) min = n;
    if (n > max) max = n;
  };
  for (const a of view.actions) {
    see(a.start);
    see(a.due);
  }
  for (const m of view.milestones) see(m.date);
  // a chosen baseline's ghosts too (ADR 0017)
  for (const b of view.baseline?.items ?? []) {
    see(b.start);
    see(b.due);
  }
  const start = firstOfPeriod(fromDayNumber(min - MARGIN_DAYS[mode]), mode);
  const lastPeriod = firstOfPeriod(fromDayNumber(max + MARGIN_DAYS[mode]), mode);
  const end = addDays(addMonths(lastPeriod, periodMonths(mode)), -1);
  return { start, end };
}

/** x of the START of `day` (left edge of its column). */
export function xOfDay(day: IsoDate, range: DayRange, mode: GanttViewMode): number {
  return (toDayNumber(day) - toDayNumber(range.start)) * PX_PER_DAY[mode];
}

/** x of the middle of `day`: where a one-day mark (today, an election, a milestone) is drawn. */
export function xOfDayMiddle(day: IsoDate, range: DayRange, mode: GanttViewMode): number {
  return xOfDay(day, range, mode) + PX_PER_DAY[mode] / 2;
}

/** Width of a span of whole days, both ends included. */
export function widthOfSpan(start: IsoDate, end: IsoDate, mode: GanttViewMode): number {
  return Math.max(1, spanDays(start, end)) * PX_PER_DAY[mode];
}

export interface Band {
  id: string;
  label: string;
  x: number;
  width: number;
  start: IsoDate;
  end: IsoDate;
}

/** The phases as background bands: x and width proportional to their days. */
export function phaseBands(
  phases: readonly { id: string; name: string; start: IsoDate; end: IsoDate }[],
  range: DayRange,
  mode: GanttViewMode,
): Band[] {
  return phases.map((p) => ({
    id: p.id,
    label: p.name,
    start: p.start,
    end: p.end,
    x: xOfDay(p.start, range, mode),
    width: widthOfSpan(p.start, p.end, mode),
  }));
}

/** Election days inside the range, each once, in order (past elections and the next one). */
export function electionDays(view: ChronogramView, range: DayRange): IsoDate[] {
  const days = new Set<IsoDate>(view.roadmap.electionDates);
  if (view.roadmap.nextElectionDate) days.add(view.roadmap.nextElectionDate);
  return [...days].filter((d) => range.start <= d && d <= range.end).sort();
}

export interface Tick {
  day: IsoDate;
  x: number;
  /** a year boundary */
  major: boolean;
}

/** Vertical grid lines: each month, quarter or year start of the range. */
export function periodTicks(range: DayRange, mode: GanttViewMode): Tick[] {
  const ticks: Tick[] = [];
  const step = periodMonths(mode);
  for (let d = range.start; d <= range.end; d = addMonths(d, step)) {
    ticks.push({
      day: d,
      x: xOfDay(d, range, mode),
      major: d.slice(5, 10) === '01-01',
    });
  }
  return ticks;
}

/** The four points of a diamond centred on (cx, cy), half-diagonal r, as an SVG `points` value. */
export function diamondPoints(cx: number, cy: number, r: number): string {
  return `${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`;
}
