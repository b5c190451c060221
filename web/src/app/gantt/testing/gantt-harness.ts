import type { ChronogramView } from '@jalons/contract';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { GanttOpen, GanttProgressChange, GanttReplan, JlGantt } from '../gantt';
import { FRAPPE_SIZES, ganttLayout } from '../gantt-layout';
import { aChronogram } from './chronogram';

/** What the specs of `<jl-gantt>` share: a mounted chart, its bars, a mouse drag. */

export { text } from '../../testing/dom';

/** jsdom has no layout: SVG measuring and innerText (which frappe uses for its header) are missing. Run it in `beforeAll`. */
export function fakeLayoutInJsdom(): void {
  Object.defineProperty(SVGElement.prototype, 'getBBox', {
    configurable: true,
    value: () => ({ x: 0, y: 0, width: 0, height: 0 }),
  });
  Object.defineProperty(HTMLElement.prototype, 'innerText', {
    configurable: true,
    get(this: HTMLElement) {
      return this.textContent ?? '';
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
}

export const layout = ganttLayout(FRAPPE_SIZES);

export interface Mounted {
  fixture: ComponentFixture<JlGantt>;
  el: HTMLElement;
  replans: GanttReplan[];
  progress: GanttProgressChange[];
  opened: GanttOpen[];
}

export async function mount(
  view: ChronogramView = aChronogram(),
  inputs: { viewMode?: 'month' | 'quarter' | 'year'; editable?: boolean } = {},
): Promise<Mounted> {
  const fixture = TestBed.createComponent(JlGantt);
  fixture.componentRef.setInput('chronogram', view);
  if (inputs.viewMode) fixture.componentRef.setInput('viewMode', inputs.viewMode);
  if (inputs.editable !== undefined) fixture.componentRef.setInput('editable', inputs.editable);
  const replans: GanttReplan[] = [];
  const progress: GanttProgressChange[] = [];
  const opened: GanttOpen[] = [];
  fixture.componentInstance.replan.subscribe((e) => replans.push(e));
  fixture.componentInstance.progressChange.subscribe((e) => progress.push(e));
  fixture.componentInstance.open.subscribe((e) => opened.push(e));
  await fixture.whenStable();
  return {
    fixture,
    el: fixture.nativeElement as HTMLElement,
    replans,
    progress,
    opened,
  };
}

export async function setInput(m: Mounted, name: string, value: unknown): Promise<void> {
  m.fixture.componentRef.setInput(name, value);
  await m.fixture.whenStable();
}

export const barOf = (el: HTMLElement, taskId: string): SVGGElement | null =>
  el.querySelector<SVGGElement>(`.bar-wrapper[data-id="${taskId}"]`);

export function rectOf(el: HTMLElement, taskId: string): SVGRectElement {
  const rect = barOf(el, taskId)?.querySelector<SVGRectElement>('rect.bar');
  if (!rect) throw new Error(`no bar for ${taskId}`);
  return rect;
}

export const num = (el: Element, attr: string): number => Number(el.getAttribute(attr));

/** A mouse drag as frappe listens to it: down on the target, move and up on the chart's SVG. */
export function drag(el: HTMLElement, target: Element, dx: number): void {
  const svg = el.querySelector('svg.gantt');
  if (!svg) throw new Error('no chart');
  const x0 = 600;
  target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: x0 }));
  svg.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x0 + dx }));
  svg.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: x0 + dx }));
}

export const listRows = (el: HTMLElement): HTMLLIElement[] => Array.from(el.querySelectorAll('.jl-gantt__row'));

/** Waits (a task at a time, as the chart draws its later bars) until `count` bars are in the chart. */
export async function allBarsDrawn(el: HTMLElement, count: number): Promise<void> {
  for (let i = 0; i < 2_000 && el.querySelectorAll('.bar-wrapper').length < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // and the arrows, drawn with the last slice
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Puts row 0 of the list `top` px from the top of the viewport (negative: scrolled past) and tells the page it scrolled. */
export async function scrollListTo(m: Mounted, top: number): Promise<void> {
  const list = m.el.querySelector('jl-gantt-list');
  if (!list) throw new Error('no list');
  // jsdom has no layout: the list says where it is
  Object.defineProperty(list, 'getBoundingClientRect', {
    configurable: true,
    value: () => ({ top, bottom: top, left: 0, right: 0, width: 0, height: 0, x: 0, y: top }) as DOMRect,
  });
  window.dispatchEvent(new Event('scroll'));
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await m.fixture.whenStable();
}
