import type { ChronogramBaselineView } from '@jalons/contract';
import { formatFrDate } from '@jalons/domain';

import type { Translate } from '../i18n/i18n';
import type { DayRange, GanttLayout, GanttViewMode } from './gantt-layout';
import { diamondPoints, widthOfSpan, xOfDay, xOfDayMiddle } from './gantt-layout';
import type { GanttRow } from './gantt-row-types';

/**
 * A baseline's dates beneath the current ones (ADR 0017): for each action shown, a thin grey bar
 * from its start to its due date as frozen, just under its bar; for each milestone, a small grey
 * diamond at its frozen date, under its diamond. Drawn behind the bars, in the gap between rows,
 * so they never hide a bar nor catch a click. Items added since the baseline have none.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
export const GHOST_CLASS = 'jl-ghost';
/** height of a ghost bar, and its distance below the item's bar */
const GHOST_HEIGHT = 4;
const GHOST_GAP = 2;
/** grey, as a presentation attribute: the component's styles are at their 4 kB budget (gantt.scss) */
const GHOST_FILL = '#6b7584';

export interface GhostModel {
  rows: readonly GanttRow[];
  baseline: ChronogramBaselineView;
  range: DayRange;
  mode: GanttViewMode;
  layout: GanttLayout;
  t: Translate;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const name in attrs) el.setAttribute(name, String(attrs[name]));
  return el;
}

function withTitle<T extends SVGElement>(el: T, text: string): T {
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = text;
  el.appendChild(title);
  return el;
}

/** The layer of ghosts, one per item of the rows that the baseline holds (none without a baseline). */
export function ghostLayer(model: GhostModel): SVGGElement {
  const { rows, baseline, range, mode, layout, t } = model;
  const layer = svg('g', { 'aria-hidden': 'true', class: 'jl-layer jl-layer--ghosts', 'data-baseline': baseline.id, fill: GHOST_FILL });
  const frozen = new Map(baseline.items.map((i) => [`${i.type}:${i.id}`, i]));
  const fragment = document.createDocumentFragment();
  rows.forEach((row, i) => {
    if (row.kind === 'group') return;
    const then = frozen.get(`${row.kind}:${row.id}`);
    if (!then) return;
    const below = layout.barTop(i) + layout.barHeight + GHOST_GAP;
    const common = { 'data-item': row.id, 'data-kind': row.kind };
    if (row.kind === 'action') {
      const start = then.start ?? then.due;
      const bar = svg('rect', {
        ...common,
        class: `${GHOST_CLASS} ${GHOST_CLASS}--bar`,
        x: xOfDay(start, range, mode),
        y: below,
        width: widthOfSpan(start, then.due, mode),
        height: GHOST_HEIGHT,
      });
      const text = t('Ligne de base v{number} : du {start} au {due}', {
        number: baseline.number,
        start: formatFrDate(start),
        due: formatFrDate(then.due),
      });
      fragment.appendChild(withTitle(bar, text));
    } else {
      const r = GHOST_HEIGHT;
      const diamond = svg('polygon', {
        ...common,
        class: `${GHOST_CLASS} ${GHOST_CLASS}--diamond`,
        points: diamondPoints(xOfDayMiddle(then.due, range, mode), below + r / 2, r),
      });
      const text = t('Ligne de base v{number} : le {date}', { number: baseline.number, date: formatFrDate(then.due) });
      fragment.appendChild(withTitle(diamond, text));
    }
  });
  layer.appendChild(fragment);
  return layer;
}
