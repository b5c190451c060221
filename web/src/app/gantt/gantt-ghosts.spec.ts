/**
 * @jest-environment ./src/app/gantt/testing/paris-jsdom.environment.js
 */
import type { ChronogramBaselineView } from '@jalons/contract';

import { chartRange, widthOfSpan, xOfDay, xOfDayMiddle } from './gantt-layout';
import { aChronogram } from './testing/chronogram';
import { fakeLayoutInJsdom, layout, listRows, mount, num, rectOf, setInput } from './testing/gantt-harness';

beforeAll(fakeLayoutInJsdom);

const BASELINE: ChronogramBaselineView = {
  id: 'bl-1',
  number: 1,
  label: 'v1 — plan voté',
  decision: null,
  items: [
    // voted two months earlier than today's plan
    { type: 'action', id: 'a-charte', title: 'Rédiger la charte éthique', start: '2026-01-15', due: '2026-04-30' },
    { type: 'milestone', id: 'm-charte', title: 'Charte adoptée', start: null, due: '2026-05-04' },
    // deleted since: no row, no ghost
    { type: 'action', id: 'a-gone', title: 'Supprimée', start: '2026-01-01', due: '2026-02-01' },
  ],
};

describe('JlGantt — a baseline beneath the current plan', () => {
  const ghosts = (el: HTMLElement) => Array.from(el.querySelectorAll<SVGElement>('.jl-ghost'));

  it('draws a ghost bar under each action of the baseline, at its frozen dates, and a ghost diamond under each milestone', async () => {
    const view = { ...aChronogram(), baseline: BASELINE };
    const { el } = await mount(view);
    const drawn = ghosts(el);
    expect(drawn.map((g) => [g.getAttribute('data-kind'), g.getAttribute('data-item')])).toEqual([
      ['action', 'a-charte'],
      ['milestone', 'm-charte'],
    ]);
    const range = chartRange(view, 'quarter');
    const [bar, diamond] = drawn;
    expect(num(bar, 'x')).toBe(xOfDay('2026-01-15', range, 'quarter'));
    expect(num(bar, 'width')).toBe(widthOfSpan('2026-01-15', '2026-04-30', 'quarter'));
    expect(bar.querySelector('title')?.textContent).toBe('Ligne de base v1 : du 15/01/2026 au 30/04/2026');

    // just under the item's own bar, on its row
    const row = listRows(el).find((r) => r.textContent?.includes('Rédiger la charte éthique'));
    const current = rectOf(el, row?.getAttribute('data-task') ?? '');
    expect(num(bar, 'y')).toBeGreaterThanOrEqual(num(current, 'y') + num(current, 'height'));
    // …and above the bottom of its row (half the padding below the bar)
    expect(num(bar, 'y') + num(bar, 'height')).toBeLessThan(
      num(current, 'y') + layout.barHeight + (layout.rowHeight - layout.barHeight) / 2,
    );

    const x = xOfDayMiddle('2026-05-04', range, 'quarter');
    expect(diamond.getAttribute('points')?.split(' ')[0].startsWith(`${x},`)).toBe(true);
    expect(diamond.querySelector('title')?.textContent).toBe('Ligne de base v1 : le 04/05/2026');
    // behind the bars: the ghosts' layer comes before frappe's bars in the SVG
    const layer = el.querySelector('.jl-layer--ghosts');
    const bars = el.querySelector('.gantt .bar');
    expect(layer && bars && layer.compareDocumentPosition(bars) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says in the chart’s summary that the baseline is drawn, and draws nothing without one', async () => {
    const m = await mount({ ...aChronogram(), baseline: BASELINE });
    expect(el(m).querySelector('[role="img"]')?.getAttribute('aria-label')).toContain(
      'En gris sous chaque élément : ses dates dans la ligne de base v1',
    );
    await setInput(m, 'chronogram', aChronogram());
    expect(ghosts(m.el)).toEqual([]);
    expect(el(m).querySelector('[role="img"]')?.getAttribute('aria-label')).not.toContain('ligne de base');
  });
});

const el = (m: { el: HTMLElement }) => m.el;
