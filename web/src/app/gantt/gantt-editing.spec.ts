/**
 * @jest-environment ./src/app/gantt/testing/paris-jsdom.environment.js
 */
import { spanDays } from '@jalons/domain';

import { aChronogram, anAction } from './testing/chronogram';
import { barOf, drag, fakeLayoutInJsdom, mount, num, rectOf, setInput } from './testing/gantt-harness';

beforeAll(fakeLayoutInJsdom);

describe('JlGantt', () => {
  afterEach(() => jest.restoreAllMocks());

  describe('reading only', () => {
    it('cannot drag anything: no handle, bars stay put, nothing is emitted', async () => {
      const m = await mount(aChronogram(), { viewMode: 'month' });
      expect(m.el.querySelectorAll('.handle')).toHaveLength(0);
      const rect = rectOf(m.el, 'a-a-charte');
      const x = num(rect, 'x');
      drag(m.el, rect, 40);
      expect(num(rectOf(m.el, 'a-a-charte'), 'x')).toBe(x);
      expect(m.replans).toEqual([]);
    });

    it('opens an item when its bar is clicked', async () => {
      const m = await mount();
      rectOf(m.el, 'a-a-rgpd').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      barOf(m.el, 'm-m-charte')
        ?.querySelector('polygon')
        ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      expect(m.opened).toEqual([
        { kind: 'action', id: 'a-rgpd' },
        { kind: 'milestone', id: 'm-charte' },
      ]);
    });
  });

  describe('editing', () => {
    it('has resize and progress handles on actions, none on milestones or function rows', async () => {
      const { el } = await mount(aChronogram(), { editable: true });
      expect(barOf(el, 'a-a-charte')?.querySelectorAll('.handle.left, .handle.right, .handle.progress')).toHaveLength(3);
      expect(barOf(el, 'g-fn-ethique')?.getAttribute('class')).toContain('jl-bar--group'); // pointer-events: none (CSS)
      expect(barOf(el, 'm-m-charte')?.getAttribute('class')).toContain('jl-ms--'); // handles hidden (CSS)
    });

    it('emits replan with whole days and the version when a bar is dragged', async () => {
      const view = aChronogram();
      view.actions[0] = { ...view.actions[0], version: 7 };
      const m = await mount(view, { viewMode: 'month', editable: true });
      const rect = rectOf(m.el, 'a-a-charte');
      drag(m.el, rect, 5 * 4); // five days at 4 px a day
      expect(m.replans).toEqual([
        {
          kind: 'action',
          id: 'a-charte',
          start: '2026-03-21',
          due: '2026-07-05',
          version: 7,
        },
      ]);
      expect(m.opened).toEqual([]);
    });

    it.each([
      ['forward across 29/03', '2026-03-20', '2026-03-29', 5, '2026-03-25', '2026-04-03'],
      ['backward across 29/03', '2026-04-10', '2026-04-19', -20, '2026-03-21', '2026-03-30'],
      ['forward across 25/10', '2026-10-20', '2026-10-29', 3, '2026-10-23', '2026-11-01'],
      ['backward across 25/10', '2026-10-26', '2026-11-04', -3, '2026-10-23', '2026-11-01'],
      ['over both Sundays', '2026-03-01', '2026-03-10', 240, '2026-10-27', '2026-11-05'],
    ])('a 10-day bar dragged %s keeps 10 days and starts on the day it was dropped on', async (_, start, due, days, newStart, newDue) => {
      const view = aChronogram({
        actions: [anAction({ id: 'x', start, due, version: 2 })],
        milestones: [],
      });
      const m = await mount(view, { viewMode: 'month', editable: true });
      drag(m.el, rectOf(m.el, 'a-x'), days * 4);
      expect(m.replans).toEqual([{ kind: 'action', id: 'x', start: newStart, due: newDue, version: 2 }]);
      expect(spanDays(newStart, newDue)).toBe(10);
    });

    it('emits replan when a bar is stretched by its right handle', async () => {
      const m = await mount(aChronogram(), {
        viewMode: 'month',
        editable: true,
      });
      const handle = barOf(m.el, 'a-a-charte')?.querySelector('.handle.right');
      if (!handle) throw new Error('no handle');
      drag(m.el, handle, 2 * 4);
      expect(m.replans).toEqual([
        {
          kind: 'action',
          id: 'a-charte',
          start: '2026-03-16',
          due: '2026-07-02',
          version: 1,
        },
      ]);
    });

    it('moves a milestone as one day (start = due) and its diamond with it', async () => {
      const view = aChronogram();
      view.milestones[0] = { ...view.milestones[0], version: 4 };
      const m = await mount(view, { viewMode: 'month', editable: true });
      const diamond = barOf(m.el, 'm-m-charte')?.querySelector('polygon.jl-diamond');
      if (!diamond) throw new Error('no diamond');
      const before = diamond.getAttribute('points');
      drag(m.el, diamond, 3 * 4);
      expect(m.replans).toEqual([
        {
          kind: 'milestone',
          id: 'm-charte',
          start: '2026-07-04',
          due: '2026-07-04',
          version: 4,
        },
      ]);
      const shift = (points: string | null): number[] => (points ?? '').split(' ').map((p) => Number(p.split(',')[0]));
      expect(shift(diamond.getAttribute('points')).map((x, i) => x - shift(before)[i])).toEqual([12, 12, 12, 12]);
    });

    it('emits progressChange with a whole percent and the version', async () => {
      const view = aChronogram({
        actions: [
          anAction({
            id: 'p',
            start: '2026-03-16',
            due: '2026-06-23',
            progress: 80,
            version: 3,
          }),
        ], // 100 days
        milestones: [],
      });
      const m = await mount(view, { viewMode: 'month', editable: true });
      const handle = barOf(m.el, 'a-p')?.querySelector('.handle.progress');
      if (!handle) throw new Error('no progress handle');
      drag(m.el, handle, -120); // 400 px bar: 80 % → 50 %
      expect(m.progress).toEqual([{ id: 'p', progress: 50, version: 3 }]);
      expect(m.replans).toEqual([]);
    });

    it('emits nothing when a bar is dropped back where it was', async () => {
      const m = await mount(aChronogram(), {
        viewMode: 'month',
        editable: true,
      });
      const svg = m.el.querySelector('svg.gantt') as SVGElement;
      rectOf(m.el, 'a-a-charte').dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: 600 }));
      svg.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 640 }));
      svg.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 600 }));
      svg.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: 600 }));
      expect(m.replans).toEqual([]);
    });

    it('does not open the item at the end of a drag', async () => {
      const m = await mount(aChronogram(), {
        viewMode: 'month',
        editable: true,
      });
      const rect = rectOf(m.el, 'a-a-charte');
      drag(m.el, rect, 8);
      rect.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      expect(m.replans).toHaveLength(1);
      expect(m.opened).toEqual([]);
    });
  });

  describe('the chronogram input is the only truth', () => {
    it('puts a refused drag back when the parent sets the chronogram again', async () => {
      const view = aChronogram();
      const m = await mount(view, { viewMode: 'month', editable: true });
      const x = num(rectOf(m.el, 'a-a-charte'), 'x');
      drag(m.el, rectOf(m.el, 'a-a-charte'), 40);
      expect(num(rectOf(m.el, 'a-a-charte'), 'x')).toBe(x + 40);
      expect(m.replans).toHaveLength(1);

      await setInput(m, 'chronogram', { ...view }); // refused: same data, new object
      expect(num(rectOf(m.el, 'a-a-charte'), 'x')).toBe(x);
    });

    it('moves the bar where the parent says once the change is accepted', async () => {
      const view = aChronogram();
      const m = await mount(view, { viewMode: 'month', editable: true });
      const x = num(rectOf(m.el, 'a-a-charte'), 'x');
      drag(m.el, rectOf(m.el, 'a-a-charte'), 40);
      const [replan] = m.replans;
      await setInput(m, 'chronogram', {
        ...view,
        actions: view.actions.map((a) => (a.id === replan.id ? { ...a, start: replan.start, due: replan.due, version: 2 } : a)),
      });
      expect(num(rectOf(m.el, 'a-a-charte'), 'x')).toBe(x + 40);
      drag(m.el, rectOf(m.el, 'a-a-charte'), 4);
      expect(m.replans[1]).toMatchObject({ start: '2026-03-27', version: 2 });
    });

    it('reset() draws again from the input', async () => {
      const m = await mount(aChronogram(), {
        viewMode: 'month',
        editable: true,
      });
      const rect = rectOf(m.el, 'a-a-charte');
      const x = num(rect, 'x');
      const progressHandle = barOf(m.el, 'a-a-charte')?.querySelector('.handle.progress') as Element;
      drag(m.el, rect, 40);
      drag(m.el, progressHandle, -30);
      m.fixture.componentInstance.reset();
      expect(num(rectOf(m.el, 'a-a-charte'), 'x')).toBe(x);
      const progress = barOf(m.el, 'a-a-charte')?.querySelector('rect.bar-progress') as Element;
      expect(num(progress, 'width')).toBeCloseTo(num(rectOf(m.el, 'a-a-charte'), 'width') * 0.8, 6);
    });

    it('stops dragging when editable turns false', async () => {
      const m = await mount(aChronogram(), {
        viewMode: 'month',
        editable: true,
      });
      await setInput(m, 'editable', false);
      expect(m.el.querySelectorAll('.handle')).toHaveLength(0);
      drag(m.el, rectOf(m.el, 'a-a-charte'), 40);
      expect(m.replans).toEqual([]);
    });
  });
});
