import type { IsoDate } from '@jalons/domain';
import { formatFrDate } from '@jalons/domain';
import type { FrappeBar } from 'frappe-gantt';

import type { Translate } from '../i18n/i18n';
import type { JlFrappeGantt } from './frappe-chart';
import type { Band, GanttLayout, GanttViewMode, Tick } from './gantt-layout';
import { diamondPoints, xOfDayMiddle } from './gantt-layout';
import type { DayRange } from './gantt-layout';
import type { GanttRow } from './gantt-rows';

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
  const { layout, t } = model;
  const bandTitle = (band: Band): string =>
    t('{name} : du {start} au {end}', {
      name: band.label,
      start: formatFrDate(band.start),
      end: formatFrDate(band.end),
    });
  const top = chart.config.header_height;
  const bottom = chart.grid_height;
  const height = Math.max(0, bottom - top);

  // frappe gives every bar an SVG <animate> growing it from width 0, timed from the start of the
  // SVG's timeline: skip past it (removing 2,000 elements would cost more than they do).
  const timeline = chart.$svg as Partial<Pick<SVGSVGElement, 'setCurrentTime' | 'getCurrentTime'>>;
  if (typeof timeline.setCurrentTime === 'function') {
    timeline.setCurrentTime(Math.max(1, timeline.getCurrentTime?.() ?? 0));
  }

  // 1. behind the bars: phase bands and the lines of months / quarters / years
  const behind = svg('g', { 'aria-hidden': 'true' }, 'jl-layer jl-layer--bands');
  const behindFragment = document.createDocumentFragment();
  model.bands.forEach((band, i) => {
    const rect = svg(
      'rect',
      { x: band.x, y: top, width: band.width, height, 'data-phase': band.id },
      `jl-band jl-band--${i % 2 ? 'even' : 'odd'}`,
    );
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = bandTitle(band);
    rect.appendChild(title);
    behindFragment.appendChild(rect);
  });
  for (const tick of model.ticks) {
    behindFragment.appendChild(
      svg('line', { x1: tick.x, x2: tick.x, y1: top, y2: bottom }, tick.major ? 'jl-tick jl-tick--major' : 'jl-tick'),
    );
  }
  behind.appendChild(behindFragment);
  chart.$svg.insertBefore(behind, chart.layers.arrow);

  // 2. in front of the bars (no pointer events): elections, today
  const front = svg('g', { 'aria-hidden': 'true' }, 'jl-layer jl-layer--marks');
  const frontFragment = document.createDocumentFragment();
  const headerFragment = document.createDocumentFragment();
  for (const day of model.elections) {
    const x = xOfDayMiddle(day, model.range, model.mode);
    frontFragment.appendChild(svg('line', { x1: x, x2: x, y1: top, y2: bottom, 'data-day': day }, 'jl-election'));
    headerFragment.appendChild(label('jl-mark-label--election', t('Élection'), x, t('Élection du {date}', { date: formatFrDate(day) })));
  }
  if (model.range.start <= model.today && model.today <= model.range.end) {
    const x = xOfDayMiddle(model.today, model.range, model.mode);
    frontFragment.appendChild(svg('line', { x1: x, x2: x, y1: top, y2: bottom, 'data-day': model.today }, 'jl-today'));
    headerFragment.appendChild(
      label('jl-mark-label--today', t('Aujourd’hui'), x, t('Aujourd’hui : {date}', { date: formatFrDate(model.today) })),
    );
  }
  front.appendChild(frontFragment);
  chart.$svg.appendChild(front);

  // 3. header: the phase names above their bands
  for (const band of model.bands) {
    headerFragment.appendChild(label('jl-mark-label--phase', band.label, band.x, bandTitle(band), band.width));
  }
  chart.$header.appendChild(headerFragment);

  // 4. milestones: the one-day bar is hidden (kept: frappe measures and moves it while dragging)
  //    and a diamond drawn over it, in the bar's group so that dragging the diamond drags the bar
  for (const row of model.rows) {
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
