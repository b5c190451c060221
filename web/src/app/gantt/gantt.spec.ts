/**
 * @jest-environment ./src/app/gantt/testing/paris-jsdom.environment.js
 */
import type { ChronogramView } from '@jalons/contract';
import { spanDays } from '@jalons/domain';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { I18n } from '../i18n/i18n';
import { JlFrappeGantt } from './frappe-chart';
import { GanttOpen, GanttProgressChange, GanttReplan, JlGantt } from './gantt';
import { chartRange, FRAPPE_SIZES, ganttLayout, PX_PER_DAY, xOfDay, xOfDayMiddle } from './gantt-layout';
import { aChronogram, aMilestone, anAction } from './testing/chronogram';

// jsdom has no layout: SVG measuring and innerText (which frappe uses for its header) are missing.
beforeAll(() => {
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
});

const layout = ganttLayout(FRAPPE_SIZES);

/** Text as a reader sees it: whitespace (including narrow no-break spaces) collapsed. */
function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

interface Mounted {
  fixture: ComponentFixture<JlGantt>;
  el: HTMLElement;
  replans: GanttReplan[];
  progress: GanttProgressChange[];
  opened: GanttOpen[];
}

async function mount(
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

async function setInput(m: Mounted, name: string, value: unknown): Promise<void> {
  m.fixture.componentRef.setInput(name, value);
  await m.fixture.whenStable();
}

const barOf = (el: HTMLElement, taskId: string): SVGGElement | null => el.querySelector<SVGGElement>(`.bar-wrapper[data-id="${taskId}"]`);

function rectOf(el: HTMLElement, taskId: string): SVGRectElement {
  const rect = barOf(el, taskId)?.querySelector<SVGRectElement>('rect.bar');
  if (!rect) throw new Error(`no bar for ${taskId}`);
  return rect;
}

const num = (el: Element, attr: string): number => Number(el.getAttribute(attr));

/** A mouse drag as frappe listens to it: down on the target, move and up on the chart's SVG. */
function drag(el: HTMLElement, target: Element, dx: number): void {
  const svg = el.querySelector('svg.gantt');
  if (!svg) throw new Error('no chart');
  const x0 = 600;
  target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: x0 }));
  svg.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x0 + dx }));
  svg.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: x0 + dx }));
}

const listRows = (el: HTMLElement): HTMLLIElement[] => Array.from(el.querySelectorAll('.jl-gantt__row'));

describe('JlGantt', () => {
  afterEach(() => jest.restoreAllMocks());

  describe('rows grouped by function', () => {
    it('shows a header row per function, in function order, with its colour and roll-up', async () => {
      const { el } = await mount();
      const headers = Array.from(el.querySelectorAll<HTMLButtonElement>('button.jl-gantt__group'));
      expect(headers.map(text)).toEqual(['▾Éthique 42 % réalisé, 4 éléments', '▾Juridique 8 % réalisé, 3 éléments']);
      expect(headers.map((h) => h.getAttribute('aria-expanded'))).toEqual(['true', 'true']);
      expect(headers[0].style.getPropertyValue('--jl-fn')).toBe('#6a3d9a');
    });

    it('lists each item with its owner and its status in French, as buttons that open it', async () => {
      const m = await mount();
      const items = Array.from(m.el.querySelectorAll<HTMLButtonElement>('button.jl-gantt__item'));
      expect(items.map(text)).toEqual([
        'Diagnostic des données Camille Le Goff · Terminée',
        'Rédiger la charte éthique Soizic Le Bihan · En cours',
        'Installer le comité d’éthique Camille Le Goff · À lancer',
        '◆ Charte adoptée Jalon du 01/07/2026 · À venir',
        'Ancienne convention Sans responsable · Abandonnée',
        'Registre RGPD Yann Kerouac · Bloquée · En retard',
        '◆ Registre ouvert Jalon du 01/05/2026 · En retard',
      ]);
      items[1].click();
      items[3].click();
      expect(m.opened).toEqual([
        { kind: 'action', id: 'a-charte' },
        { kind: 'milestone', id: 'm-charte' },
      ]);
    });

    it('aligns each line of the list with its bar, row for row', async () => {
      const { el } = await mount();
      const head = el.querySelector<HTMLElement>('.jl-gantt__list-head');
      expect(head?.style.height).toBe(`${layout.headerHeight}px`);
      const rows = listRows(el);
      expect(rows).toHaveLength(9);
      let top = layout.headerHeight; // the list's rows start under a head as tall as frappe's header
      rows.forEach((row) => {
        expect(row.style.height).toBe(`${layout.rowHeight}px`);
        const taskId = row.getAttribute('data-task') ?? '';
        const bar = barOf(el, taskId);
        const shape = bar?.querySelector('rect.bar');
        if (!shape) throw new Error(`no bar for ${taskId}`);
        const y = num(shape, 'y');
        const h = num(shape, 'height');
        expect(y).toBeGreaterThan(top);
        expect(y + h).toBeLessThan(top + layout.rowHeight);
        expect(y + h / 2).toBe(top + layout.rowHeight / 2); // centred on the line of the list
        top += layout.rowHeight;
      });
      // and frappe's grid is as tall as the list
      expect(el.querySelector('.gantt-container')?.getAttribute('style')).toContain(`height: ${layout.gridHeight(9)}px`);
    });

    it('collapses and expands a function from its header (a button: Enter and Space work too)', async () => {
      const m = await mount();
      const ethique = m.el.querySelector<HTMLButtonElement>('button.jl-gantt__group');
      if (!ethique) throw new Error('no header');
      expect(ethique.type).toBe('button');
      const registreY = num(rectOf(m.el, 'a-a-rgpd'), 'y');

      ethique.click();
      await m.fixture.whenStable();
      expect(ethique.getAttribute('aria-expanded')).toBe('false');
      expect(listRows(m.el).map(text)).toEqual([
        '▸Éthique 42 % réalisé, 4 éléments',
        '▾Juridique 8 % réalisé, 3 éléments',
        'Ancienne convention Sans responsable · Abandonnée',
        'Registre RGPD Yann Kerouac · Bloquée · En retard',
        '◆ Registre ouvert Jalon du 01/05/2026 · En retard',
      ]);
      // the chart follows: Éthique's bars are gone, Juridique's moved up by four rows
      expect(barOf(m.el, 'a-a-charte')).toBeNull();
      expect(m.el.querySelectorAll('.bar-wrapper')).toHaveLength(5);
      expect(num(rectOf(m.el, 'a-a-rgpd'), 'y')).toBe(registreY - 4 * layout.rowHeight);

      ethique.click();
      await m.fixture.whenStable();
      expect(ethique.getAttribute('aria-expanded')).toBe('true');
      expect(m.el.querySelectorAll('.bar-wrapper')).toHaveLength(9);
    });
  });

  describe('what the chart draws', () => {
    it('draws each milestone as a diamond on its day, not as a bar', async () => {
      const { el } = await mount(aChronogram(), { viewMode: 'month' });
      const range = chartRange(aChronogram(), 'month');
      for (const [taskId, day, row] of [
        ['m-m-charte', '2026-07-01', 4],
        ['m-m-registre', '2026-05-01', 8],
      ] as const) {
        const group = barOf(el, taskId);
        const diamonds = group?.querySelectorAll('polygon.jl-diamond') ?? [];
        expect(diamonds).toHaveLength(1);
        const points = (diamonds[0].getAttribute('points') ?? '').split(' ').map((p) => p.split(',').map(Number));
        const cx = xOfDayMiddle(day, range, 'month');
        const cy = layout.barMiddle(row);
        const r = layout.barHeight / 2 - 1;
        expect(points).toEqual([
          [cx, cy - r],
          [cx + r, cy],
          [cx, cy + r],
          [cx - r, cy],
        ]);
        // the one-day bar frappe drew is not shown
        const visibleBars = group?.querySelectorAll('rect.bar:not([visibility="hidden"]), rect.bar-progress:not([visibility="hidden"])');
        expect(visibleBars).toHaveLength(0);
      }
      expect(el.querySelectorAll('polygon.jl-diamond')).toHaveLength(2);
    });

    it('draws the four phases as labelled bands behind the bars, in proportion to their days', async () => {
      const view = aChronogram();
      const { el } = await mount(view);
      const range = chartRange(view, 'quarter');
      const bands = Array.from(el.querySelectorAll('rect.jl-band'));
      expect(bands).toHaveLength(4);
      view.roadmap.phases.forEach((phase, i) => {
        expect(num(bands[i], 'x')).toBe(xOfDay(phase.start, range, 'quarter'));
        expect(num(bands[i], 'width')).toBe(spanDays(phase.start, phase.end) * PX_PER_DAY.quarter);
        expect(text(bands[i].querySelector('title'))).toContain(phase.name);
      });
      expect(bands.map((b) => num(b, 'width') / PX_PER_DAY.quarter)).toEqual([196, 199, 273, 275]);
      const labels = Array.from(el.querySelectorAll<HTMLElement>('.jl-mark-label--phase'));
      expect(labels.map(text)).toEqual([
        'Incubation pré-électorale',
        'Incubation post-électorale',
        'Phase d’émergence',
        'Phase de maturation',
      ]);
      expect(labels.map((l) => l.style.left)).toEqual(bands.map((b) => `${num(b, 'x')}px`));
      // behind: the band layer comes before the bars in the SVG
      const bandLayer = el.querySelector('.jl-layer--bands');
      const barLayer = el.querySelector('svg.gantt > g.bar');
      expect(bandLayer && barLayer && bandLayer.compareDocumentPosition(barLayer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });

    it('marks today (roadmap.at) and the elections, labelled in French', async () => {
      const view = aChronogram();
      const { el } = await mount(view);
      const range = chartRange(view, 'quarter');
      const today = el.querySelector('line.jl-today');
      expect(num(today as Element, 'x1')).toBe(xOfDayMiddle('2026-06-15', range, 'quarter'));
      expect(text(el.querySelector('.jl-mark-label--today'))).toBe('Aujourd’hui');
      const elections = Array.from(el.querySelectorAll('line.jl-election'));
      expect(elections.map((l) => [l.getAttribute('data-day'), num(l, 'x1')])).toEqual([
        ['2026-03-15', xOfDayMiddle('2026-03-15', range, 'quarter')],
        ['2028-03-19', xOfDayMiddle('2028-03-19', range, 'quarter')],
      ]);
      const labels = Array.from(el.querySelectorAll<HTMLElement>('.jl-mark-label--election'));
      expect(labels.map(text)).toEqual(['Élection', 'Élection']);
      expect(labels[0].title).toBe('Élection du 15/03/2026');
    });

    it('colours bars by function and styles done, late, blocked and abandoned work apart', async () => {
      const { el } = await mount();
      const classOf = (id: string): string => barOf(el, id)?.getAttribute('class') ?? '';
      expect(classOf('a-a-charte')).toContain('jl-bar--normal');
      expect(classOf('a-a-diag')).toContain('jl-bar--done');
      expect(classOf('a-a-rgpd')).toContain('jl-bar--late'); // blocked AND overdue: late wins
      expect(classOf('a-a-old')).toContain('jl-bar--abandoned');
      expect(classOf('m-m-registre')).toContain('jl-ms--late');
      expect(rectOf(el, 'a-a-charte').style.fill).toBe('#d5c9e3'); // Éthique (#6a3d9a), light
      expect((barOf(el, 'a-a-charte')?.querySelector('rect.bar-progress') as SVGElement).style.fill).toBe('#6a3d9a');
      expect((barOf(el, 'a-a-rgpd')?.querySelector('rect.bar-progress') as SVGElement).style.fill).toBe('#1f78b4'); // Juridique
      // progress inside the bar
      expect(text(barOf(el, 'a-a-charte')?.querySelector('.bar-label'))).toBe('80 %');
      expect(text(barOf(el, 'a-a-diag')?.querySelector('.bar-label'))).toBe('✓ 100 %');
      const progressRect = barOf(el, 'a-a-charte')?.querySelector('rect.bar-progress') as SVGElement;
      expect(num(progressRect, 'width')).toBeCloseTo(num(rectOf(el, 'a-a-charte'), 'width') * 0.8, 6);
    });

    it('a blocked action on schedule has its own style', async () => {
      const view = aChronogram({
        actions: [
          anAction({
            id: 'b',
            status: 'bloquee',
            start: '2026-06-01',
            due: '2026-12-31',
            progress: 5,
          }),
        ],
        milestones: [],
      });
      const { el } = await mount(view);
      expect(barOf(el, 'a-b')?.getAttribute('class')).toContain('jl-bar--blocked');
    });

    it('draws the dependencies as arrows', async () => {
      const { el } = await mount();
      const arrows = Array.from(el.querySelectorAll('svg.gantt > g.arrow path'));
      expect(arrows.map((a) => [a.getAttribute('data-from'), a.getAttribute('data-to')])).toEqual([['a-a-charte', 'a-a-comite']]);
    });

    it('summarises the chart for assistive technologies', async () => {
      const { el } = await mount();
      const chart = el.querySelector('.jl-gantt__chart');
      expect(chart?.getAttribute('role')).toBe('img');
      expect(chart?.getAttribute('aria-label')).toBe(
        'Chronogramme : 5 actions dont 1 en retard, 2 jalons dont 1 en retard, du 01/09/2025 au 31/03/2028',
      );
    });
  });

  describe('French, view modes and today', () => {
    it('labels the quarter view T1 … T4 under the years, with no English text from the library', async () => {
      const { el } = await mount();
      const lower = Array.from(el.querySelectorAll('.lower-text')).map(text);
      const upper = Array.from(el.querySelectorAll('.upper-text')).map(text);
      expect(lower.slice(0, 6)).toEqual(['T3', 'T4', 'T1', 'T2', 'T3', 'T4']);
      expect(upper).toEqual(['2025', '2026', '2027', '2028']);
      const all = text(el);
      for (const english of ['Today', 'Month', 'Mode', 'Progress', 'days', 'Week', 'Year', 'Quarter']) {
        expect(all).not.toContain(english);
      }
      expect(el.querySelector('.today-button, .viewmode-select')).toBeNull();
    });

    it('shows French month names in the month view, picked from the toolbar', async () => {
      const { el, fixture } = await mount();
      const buttons = Array.from(el.querySelectorAll<HTMLButtonElement>('.jl-gantt__mode'));
      expect(buttons.map(text)).toEqual(['Mois', 'Trimestre', 'Année']);
      expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
      buttons[0].click();
      await fixture.whenStable();
      expect(buttons[0].getAttribute('aria-pressed')).toBe('true');
      const lower = Array.from(el.querySelectorAll('.lower-text')).map(text);
      expect(lower.slice(0, 13)).toEqual([
        'Août',
        'Septembre',
        'Octobre',
        'Novembre',
        'Décembre',
        'Janvier',
        'Février',
        'Mars',
        'Avril',
        'Mai',
        'Juin',
        'Juillet',
        'Août',
      ]);
      // the bars follow the scale: 4 px a day from 01/08/2025
      expect(num(rectOf(el, 'a-a-charte'), 'x')).toBe(227 * 4);
      expect(num(rectOf(el, 'a-a-charte'), 'width')).toBe(107 * 4);
    });

    it('follows the viewMode input (year view: one label per year)', async () => {
      const m = await mount(aChronogram(), { viewMode: 'year' });
      expect(Array.from(m.el.querySelectorAll('.lower-text')).map(text)).toEqual(['2025', '2026', '2027', '2028']);
      await setInput(m, 'viewMode', 'month');
      expect(text(m.el.querySelector('.lower-text'))).toBe('Août');
    });

    it('leaves the toolbar to the page when asked (toolbar = false), scrollToToday() still works', async () => {
      const view = aChronogram();
      const m = await mount(view);
      await setInput(m, 'toolbar', false);
      expect(m.el.querySelector('.jl-gantt__toolbar')).toBeNull();
      const container = m.el.querySelector<HTMLElement>('.gantt-container') as HTMLElement;
      container.scrollLeft = 0;
      m.fixture.componentInstance.scrollToToday();
      expect(container.scrollLeft).toBe(Math.round(xOfDayMiddle('2026-06-15', chartRange(view, 'quarter'), 'quarter')));
    });

    it('shows a French card when the pointer rests on a bar', async () => {
      const { el } = await mount();
      barOf(el, 'a-a-charte')?.dispatchEvent(new MouseEvent('mouseenter'));
      await new Promise((resolve) => setTimeout(resolve, 250)); // frappe waits 200 ms
      const popup = el.querySelector('.popup-wrapper');
      expect(popup?.classList.contains('hide')).toBe(false);
      expect(text(popup?.querySelector('.title'))).toBe('Rédiger la charte éthique');
      expect(text(popup?.querySelector('.subtitle'))).toBe('Éthique · En cours');
      const lines = (popup?.querySelector('.details')?.innerHTML ?? '').split('<br>').map((l) => l.replace(/\s+/g, ' '));
      expect(lines).toEqual([
        'Du 16/03/2026 au 30/06/2026 (107 jours)',
        'Avancement : 80 %',
        'Responsable : Soizic Le Bihan',
        'Santé : À l’heure',
      ]);
    });

    it('scrolls to today with the « Aujourd’hui » button', async () => {
      const view = aChronogram();
      const { el } = await mount(view);
      const container = el.querySelector<HTMLElement>('.gantt-container');
      if (!container) throw new Error('no container');
      container.scrollLeft = 0;
      const button = Array.from(el.querySelectorAll('button')).find((b) => text(b) === 'Aujourd’hui');
      button?.click();
      // jsdom has no width: today is brought to the left third of a 0-px viewport, i.e. x
      expect(container.scrollLeft).toBe(Math.round(xOfDayMiddle('2026-06-15', chartRange(view, 'quarter'), 'quarter')));
    });
  });

  describe('in English', () => {
    afterEach(() => {
      localStorage.clear();
      document.documentElement.lang = 'fr';
    });

    it('redraws its labels in English when the language changes: scales, months, quarters, today, list, summary, card', async () => {
      const m = await mount();
      expect(text(m.el.querySelector('.jl-mark-label--today'))).toBe('Aujourd’hui');
      await TestBed.inject(I18n).use('en');
      await m.fixture.whenStable();
      const { el } = m;

      const buttons = Array.from(el.querySelectorAll<HTMLButtonElement>('.jl-gantt__mode'));
      expect(buttons.map(text)).toEqual(['Month', 'Quarter', 'Year']);
      expect(el.querySelector('.jl-gantt__toolbar [role="group"]')?.getAttribute('aria-label')).toBe('Time scale');
      expect(Array.from(el.querySelectorAll('.lower-text')).map(text).slice(0, 6)).toEqual(['Q3', 'Q4', 'Q1', 'Q2', 'Q3', 'Q4']);
      expect(text(el.querySelector('.jl-mark-label--today'))).toBe('Today');
      expect(el.querySelector('.jl-mark-label--election')?.getAttribute('title')).toBe('Election of 15/03/2026');
      expect(el.querySelector('.jl-gantt__chart')?.getAttribute('aria-label')).toBe(
        'Gantt chart: 5 actions of which 1 late, 2 milestones of which 1 late, from 01/09/2025 to 31/03/2028',
      );
      expect(text(el.querySelector('.jl-gantt__item .jl-gantt__meta'))).toBe('Camille Le Goff · Done');

      buttons[0].click();
      await m.fixture.whenStable();
      expect(Array.from(el.querySelectorAll('.lower-text')).map(text).slice(0, 6)).toEqual([
        'August',
        'September',
        'October',
        'November',
        'December',
        'January',
      ]);

      barOf(el, 'a-a-charte')?.dispatchEvent(new MouseEvent('mouseenter'));
      await new Promise((resolve) => setTimeout(resolve, 250)); // frappe waits 200 ms
      const popup = el.querySelector('.popup-wrapper');
      expect(text(popup?.querySelector('.subtitle'))).toBe('Éthique · In progress');
      expect((popup?.querySelector('.details')?.innerHTML ?? '').split('<br>')).toEqual([
        'From 16/03/2026 to 30/06/2026 (107 days)',
        'Progress: 80%',
        'Owner: Soizic Le Bihan',
        'Health: On track',
      ]);
    });
  });

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

  describe('performance', () => {
    it('renders once per change, not on every change detection', async () => {
      const render = jest.spyOn(JlFrappeGantt.prototype, 'render');
      const m = await mount();
      expect(render).toHaveBeenCalledTimes(1);
      m.fixture.detectChanges();
      await m.fixture.whenStable();
      expect(render).toHaveBeenCalledTimes(1);
      await setInput(m, 'chronogram', aChronogram());
      expect(render).toHaveBeenCalledTimes(2);
      (m.el.querySelector('button.jl-gantt__group') as HTMLButtonElement).click();
      await m.fixture.whenStable();
      expect(render).toHaveBeenCalledTimes(3);
    });

    it('draws 1,200 items in one render, each layer inserted as one fragment', async () => {
      const base = aChronogram();
      const functions = Array.from({ length: 11 }, (_, i) => ({
        ...base.functions[0],
        id: `fn-${i}`,
        name: `Fonction ${i}`,
        order: i,
      }));
      const actions = Array.from({ length: 1_000 }, (_, i) => {
        const start = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
        return anAction({
          id: `b${i}`,
          functionId: `fn-${i % 11}`,
          title: `Action ${i}`,
          start,
          due: '2027-12-31',
          predecessorIds: i > 0 && i % 3 === 0 ? [`b${i - 1}`] : [],
        });
      });
      const milestones = Array.from({ length: 200 }, (_, i) =>
        aMilestone({
          id: `j${i}`,
          functionId: `fn-${i % 11}`,
          date: '2027-06-01',
        }),
      );
      const view: ChronogramView = {
        ...base,
        functions,
        actions,
        milestones,
        dependencies: [],
      };

      const render = jest.spyOn(JlFrappeGantt.prototype, 'render');
      const fragments = jest.spyOn(document, 'createDocumentFragment');
      const started = performance.now();
      const { el } = await mount(view);
      const elapsed = performance.now() - started;

      expect(render).toHaveBeenCalledTimes(1);
      expect(el.querySelectorAll('.bar-wrapper')).toHaveLength(1_211);
      expect(el.querySelectorAll('polygon.jl-diamond')).toHaveLength(200);
      expect(el.querySelectorAll('svg.gantt > g.arrow path').length).toBeGreaterThan(300);
      expect(listRows(el)).toHaveLength(1_211);
      expect(fragments).toHaveBeenCalledTimes(3); // bands, marks, header labels
      expect(elapsed).toBeLessThan(15_000); // jsdom on a slow CI; a browser is ~10× faster
    });
  });

  it('removes its listeners from the document when destroyed', async () => {
    const added: [string, EventListenerOrEventListenerObject][] = [];
    const add = jest.spyOn(document, 'addEventListener').mockImplementation(function (
      this: Document,
      type: string,
      listener: EventListenerOrEventListenerObject,
    ) {
      added.push([type, listener]);
    });
    const remove = jest.spyOn(document, 'removeEventListener');
    const m = await mount();
    add.mockRestore();
    expect(added.filter(([type]) => type === 'mouseup').length).toBeGreaterThanOrEqual(2); // frappe's and ours
    m.fixture.destroy();
    for (const [type, listener] of added) {
      expect(remove.mock.calls.some(([t, l]) => t === type && l === listener)).toBe(true);
    }
    expect(m.el.querySelector('.gantt-container')).toBeNull();
  });
});

describe('printing', () => {
  it('shrinks a chart wider than an A3 landscape page to its width, and never enlarges a narrow one', async () => {
    const { printZoom, A3_LANDSCAPE_PX } = await import('./gantt');
    expect(A3_LANDSCAPE_PX).toBe(1511);
    expect(printZoom(1000)).toBe(1);
    expect(printZoom(A3_LANDSCAPE_PX)).toBe(1);
    expect(printZoom(3022)).toBe(0.5);
    expect(printZoom(4107) * 4107).toBeLessThanOrEqual(A3_LANDSCAPE_PX);
  });
});
