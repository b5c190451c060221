/**
 * @jest-environment ./src/app/gantt/testing/paris-jsdom.environment.js
 */
import { aBigChronogram, aChronogram } from './testing/chronogram';
import type { ChronogramView } from '@jalons/contract';

import { allBarsDrawn, barOf, fakeLayoutInJsdom, listRows, Mounted, mount, scrollListTo, setInput } from './testing/gantt-harness';

beforeAll(fakeLayoutInJsdom);

/** A large chart's first render comes in a task of its own, once the page is painted. */
async function mountBig(view: ChronogramView, inputs: { editable?: boolean } = {}): Promise<Mounted> {
  const m = await mount(view, inputs);
  expect(m.el.querySelectorAll('.bar-wrapper')).toHaveLength(0); // the list first
  await new Promise((resolve) => setTimeout(resolve, 0));
  await m.fixture.whenStable();
  return m;
}

/** ADR 0028: at 1,000 bars the chart draws what is in sight first; the list holds the rows in sight. */
describe('JlGantt at 1,000 rows', () => {
  // jsdom draws 1,211 bars slowly (no wall-clock threshold here: npm run bench:gantt measures)
  jest.setTimeout(60_000);
  afterEach(() => {
    jest.restoreAllMocks();
    localStorage.clear();
  });

  const rowIndexes = (el: HTMLElement): number[] => listRows(el).map((li) => Number(li.dataset['row']));
  const focusedRow = (): number | null => {
    const li = document.activeElement?.closest<HTMLElement>('li[data-row]');
    return li ? Number(li.dataset['row']) : null;
  };

  it('keeps in the list only the rows in sight, each saying its place among all of them, at its own height', async () => {
    const m = await mountBig(aBigChronogram());
    const rows = listRows(m.el);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0].getAttribute('aria-posinset')).toBe('1');
    expect(rows[0].getAttribute('aria-setsize')).toBe('1211');
    expect(rows[3].style.top).toBe('120px');
    // the list is as tall as every row: the page scrolls as far as if all were there
    expect(m.el.querySelector<HTMLElement>('.jl-gantt__rows')?.style.height).toBe(`${1211 * 40}px`);

    await scrollListTo(m, -500 * 40);
    const shown = rowIndexes(m.el);
    expect(shown).toContain(500);
    expect(shown).not.toContain(0);
    const row500 = listRows(m.el).find((li) => li.dataset['row'] === '500');
    expect(row500?.getAttribute('aria-posinset')).toBe('501');
    expect(row500?.style.top).toBe(`${500 * 40}px`);
    // its bar is drawn, on its line
    const taskId = row500?.getAttribute('data-task') ?? '';
    expect(barOf(m.el, taskId)?.querySelector('rect.bar')?.getAttribute('y')).toBe(String(104 + 8 + 500 * 40));
  });

  it('moves the keyboard from row to row with the arrows, Home and End, and keeps the focused row when it scrolls out of sight', async () => {
    const m = await mountBig(aBigChronogram());
    const first = m.el.querySelector<HTMLButtonElement>('li[data-row="0"] button');
    first?.focus();
    first?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(focusedRow()).toBe(1);

    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await m.fixture.whenStable();
    expect(focusedRow()).toBe(1210); // drawn for it, then focused
    expect(document.activeElement?.textContent).toContain('Jalon');

    // the page scrolls back to the top: the focused row stays in the list, focused
    await scrollListTo(m, 0);
    expect(rowIndexes(m.el)).toContain(0);
    expect(rowIndexes(m.el)).toContain(1210);
    expect(focusedRow()).toBe(1210);

    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await m.fixture.whenStable();
    expect(focusedRow()).toBe(0);
    (document.activeElement as HTMLElement).blur();
    await m.fixture.whenStable();
    expect(rowIndexes(m.el)).not.toContain(1210);
  });

  it('draws every bar left before a press on the chart (a drag reads its neighbours) and before printing', async () => {
    const m = await mountBig(aBigChronogram(), { editable: true });
    expect(m.el.querySelectorAll('.bar-wrapper').length).toBeLessThan(100);
    m.el.querySelector('.jl-gantt__chart')?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(m.el.querySelectorAll('.bar-wrapper')).toHaveLength(1_211);
    expect(m.el.querySelectorAll('svg.gantt > g.arrow path').length).toBeGreaterThan(300);

    const other = await mountBig(aBigChronogram());
    window.dispatchEvent(new Event('beforeprint'));
    expect(other.el.querySelectorAll('.bar-wrapper')).toHaveLength(1_211);
    expect(listRows(other.el)).toHaveLength(1_211); // printed: the whole list
    window.dispatchEvent(new Event('afterprint'));
    await other.fixture.whenStable();
    expect(listRows(other.el).length).toBeLessThan(100);
  });

  it('stops drawing the bars left when a new chronogram comes, and draws the new one', async () => {
    const m = await mountBig(aBigChronogram());
    const next = aBigChronogram();
    next.actions = next.actions.map((a) => ({ ...a, id: `n${a.id}`, predecessorIds: [] }));
    await setInput(m, 'chronogram', next);
    await allBarsDrawn(m.el, 1_211);
    expect(m.el.querySelectorAll('.bar-wrapper')).toHaveLength(1_211);
    expect(m.el.querySelector('.bar-wrapper[data-id="a-b7"]')).toBeNull();
    expect(m.el.querySelector('.bar-wrapper[data-id="a-nb7"]')).not.toBeNull();
  });
});

describe('folded functions', () => {
  afterEach(() => localStorage.clear());

  it('stay folded from one visit to the next, per roadmap', async () => {
    const view = aChronogram();
    const m = await mount(view);
    m.el.querySelector<HTMLButtonElement>('button.jl-gantt__group')?.click();
    await m.fixture.whenStable();
    m.fixture.destroy();

    const again = await mount(aChronogram());
    const groups = Array.from(again.el.querySelectorAll<HTMLButtonElement>('button.jl-gantt__group'));
    expect(groups.map((g) => g.getAttribute('aria-expanded'))).toEqual(['false', 'true']);
    expect(barOf(again.el, 'a-a-charte')).toBeNull();
    expect(listRows(again.el)).toHaveLength(5);

    // another roadmap opens unfolded
    const elsewhere = await mount(aChronogram({ roadmap: { ...view.roadmap, id: 'another-roadmap' } }));
    expect(Array.from(elsewhere.el.querySelectorAll('button.jl-gantt__group')).map((g) => g.getAttribute('aria-expanded'))).toEqual([
      'true',
      'true',
    ]);

    // unfolded again: nothing kept
    groups[0].click();
    await again.fixture.whenStable();
    expect(Object.keys(localStorage)).toEqual([]);
  });
});
