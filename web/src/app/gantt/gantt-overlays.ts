import type { IsoDate } from '@jalons/domain';
import { formatFrDate } from '@jalons/domain';
import type { FrappeBar } from 'frappe-gantt';

import type { Translate } from '../i18n/i18n';
import type { JlFrappeGantt } from './frappe-chart';
import type { Band, GanttLayout, GanttViewMode, Tick } from './gantt-layout';
import { diamondPoints, xOfDayMiddle } from './gantt-layout';
import type { DayRange } from './gantt-layout';
import type { GanttRow } from './gantt-row-types';

/**
 * Our layers on top of frappe's drawing, inserted after each of its renders (it empties the SVG):
 * phase bands and period lines behind the bars, election and today lines in front, their labels
 * in frappe's header, and the milestones as diamonds. One DocumentFragment per layer.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface OverlayModel {
  rows: readonly GanttRow[];
  range: DayRange;
  mode: GanttViewMode;
  layout: GanttLayout;
  bands: readonly Band[];
  ticks: readonly Tick[];
  elections: readonly IsoDate[];
  today: IsoDate;
  /** the labels' language */
  t: Translate;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, cls: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  el.setAttribute('class', cls);
  for (const name in attrs) el.setAttribute(name, String(attrs[name]));
  return el;
}

function label(cls: string, text: string, left: number, title: string, width?: number): HTMLElement {
  const el = document.createElement('div');
  el.className = `jl-mark-label ${cls}`;
  el.textContent = text;
  el.title = title;
  el.style.left = `${left}px`;
  if (width !== undefined) el.style.width = `${width}px`;
  return el;
}

export const DIAMOND_CLASS = 'jl-diamond';

/** Where a milestone's diamond goes: the middle of its (hidden) one-day bar. */
export function placeDiamond(bar: FrappeBar, layout: GanttLayout): void {
  const diamond = bar.bar_group.querySelector<SVGPolygonElement>(`.${DIAMOND_CLASS}`);
  if (!diamond) return;
  const x = Number(bar.$bar.getAttribute('x')) + Number(bar.$bar.getAttribute('width')) / 2;
  const y = Number(bar.$bar.getAttribute('y')) + layout.barHeight / 2;
  diamond.setAttribute('points', diamondPoints(x, y, layout.barHeight / 2 - 1));
}

export function drawOverlays(chart: JlFrappeGantt, model: OverlayModel): void {
  skipGrowAnimation(chart);
  const rows: RowsSpan = { top: chart.config.header_height, bottom: chart.grid_height };
  // 1. behind the bars: phase bands and the lines of months / quarters / years
  chart.$svg.insertBefore(bandsLayer(model, rows), chart.layers.arrow);
  // 2. in front of the bars (no pointer events): elections, today; their labels in the header
  const header = document.createDocumentFragment();
  chart.$svg.appendChild(marksLayer(model, rows, header));
  // 3. header: the phase names above their bands
  for (const band of model.bands) {
    header.appendChild(label('jl-mark-label--phase', band.label, band.x, bandTitle(band, model.t), band.width));
  }
  chart.$header.appendChild(header);
  // 4. milestones as diamonds
  drawDiamonds(chart, model.rows, model.layout);
}

/** The top and the bottom of the rows in the SVG (below frappe's date header). */
interface RowsSpan {
  top: number;
  bottom: number;
}

/**
 * frappe gives every bar an SVG <animate> growing it from width 0, timed from the start of the
 * SVG's timeline: skip past it (removing 2,000 elements would cost more than they do).
 */
function skipGrowAnimation(chart: JlFrappeGantt): void {
  const timeline = chart.$svg as Partial<Pick<SVGSVGElement, 'setCurrentTime' | 'getCurrentTime'>>;
  if (typeof timeline.setCurrentTime === 'function') {
    timeline.setCurrentTime(Math.max(1, timeline.getCurrentTime?.() ?? 0));
  }
}

function bandTitle(band: Band, t: Translate): string {
  return t('{name} : du {start} au {end}', {
    name: band.label,
    start: formatFrDate(band.start),
    end: formatFrDate(band.end),
  });
}

/** A vertical line over the rows at `x`. */
function vLine(x: number, rows: RowsSpan, cls: string, attrs: Record<string, string | number> = {}): SVGLineElement {
  return svg('line', { x1: x, x2: x, y1: rows.top, y2: rows.bottom, ...attrs }, cls);
}

/** The layer behind the bars: the phases as bands (with their dates as a tooltip), the period lines. */
function bandsLayer(model: OverlayModel, rows: RowsSpan): SVGGElement {
  const layer = svg('g', { 'aria-hidden': 'true' }, 'jl-layer jl-layer--bands');
  const fragment = document.createDocumentFragment();
  model.bands.forEach((band, i) => {
    const rect = svg(
      'rect',
      { x: band.x, y: rows.top, width: band.width, height: Math.max(0, rows.bottom - rows.top), 'data-phase': band.id },
      `jl-band jl-band--${i % 2 ? 'even' : 'odd'}`,
    );
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = bandTitle(band, model.t);
    rect.appendChild(title);
    fragment.appendChild(rect);
  });
  for (const tick of model.ticks) {
    fragment.appendChild(vLine(tick.x, rows, tick.major ? 'jl-tick jl-tick--major' : 'jl-tick'));
  }
  layer.appendChild(fragment);
  return layer;
}

/** The layer in front of the bars: a line per election and for today, each with its label in `header`. */
function marksLayer(model: OverlayModel, rows: RowsSpan, header: DocumentFragment): SVGGElement {
  const { t } = model;
  const layer = svg('g', { 'aria-hidden': 'true' }, 'jl-layer jl-layer--marks');
  const fragment = document.createDocumentFragment();
  const mark = (kind: 'election' | 'today', day: IsoDate, text: string, title: string): void => {
    const x = xOfDayMiddle(day, model.range, model.mode);
    fragment.appendChild(vLine(x, rows, `jl-${kind}`, { 'data-day': day }));
    header.appendChild(label(`jl-mark-label--${kind}`, text, x, title));
  };
  for (const day of model.elections) {
    mark('election', day, t('Élection'), t('Élection du {date}', { date: formatFrDate(day) }));
  }
  if (model.range.start <= model.today && model.today <= model.range.end) {
    mark('today', model.today, t('Aujourd’hui'), t('Aujourd’hui : {date}', { date: formatFrDate(model.today) }));
  }
  layer.appendChild(fragment);
  return layer;
}

/**
 * The milestones: the one-day bar is hidden (kept: frappe measures and moves it while dragging)
 * and a diamond drawn over it, in the bar's group so that dragging the diamond drags the bar.
 */
export function drawDiamonds(chart: JlFrappeGantt, rows: readonly GanttRow[], layout: GanttLayout): void {
  for (const row of rows) {
    if (row.kind !== 'milestone') continue;
    const bar = chart.get_bar(row.taskId);
    if (!bar) continue;
    for (const hidden of [bar.$bar, bar.$bar_progress]) {
      hidden?.setAttribute('visibility', 'hidden');
      hidden?.setAttribute('pointer-events', 'none');
    }
    const diamond = svg('polygon', { points: '' }, DIAMOND_CLASS);
    diamond.style.setProperty('--jl-fn', row.color);
    bar.bar_group.insertBefore(diamond, bar.bar_group.firstChild);
    placeDiamond(bar, layout);
  }
}
