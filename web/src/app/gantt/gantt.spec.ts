/**
 * @jest-environment ./src/app/gantt/testing/paris-jsdom.environment.js
 */
import { spanDays } from '@jalons/domain';

import { JlFrappeGantt } from './frappe-chart';
import { chartRange, PX_PER_DAY, xOfDay, xOfDayMiddle } from './gantt-layout';
import { aBigChronogram, aChronogram, anAction } from './testing/chronogram';
import { allBarsDrawn } from './testing/gantt-harness';
import { barOf, fakeLayoutInJsdom, layout, listRows, mount, num, rectOf, setInput, text } from './testing/gantt-harness';

beforeAll(fakeLayoutInJsdom);

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

    it('marks in the list where a kit item comes from (a short word), nothing for one added in the app', async () => {
      const view = aChronogram();
      const charter = view.actions.find((a) => a.title === 'Rédiger la charte éthique');
      const adopted = view.milestones.find((m) => m.title === 'Charte adoptée');
      if (!charter || !adopted) throw new Error('fixture changed');
      charter.provenance = { kind: 'pratique', reference: 'Charte de la donnée, Brest métropole (2022)' };
      adopted.provenance = { kind: 'etude', reference: null };
      const { el } = await mount(view);
      const badges = Array.from(el.querySelectorAll<HTMLButtonElement>('button.jl-gantt__item')).map((b) => [
        text(b.querySelector('.jl-gantt__title')),
        text(b.querySelector('.jl-gantt__meta [data-provenance]')) || null,
      ]);
      expect(badges.filter(([, badge]) => badge)).toEqual([
        ['Rédiger la charte éthique', 'Pratique'],
        ['◆ Charte adoptée', 'Étude'],
      ]);
      expect(badges).toHaveLength(7);
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

    it('draws 1,200 items: the grid in the render, the rows in sight in the next task, every other bar soon after, each layer inserted as one fragment', async () => {
      const view = aBigChronogram();
      const render = jest.spyOn(JlFrappeGantt.prototype, 'render');
      const fragments = jest.spyOn(document, 'createDocumentFragment');
      const { el } = await mount(view); // its speed is measured by npm run bench:gantt, not here (no wall-clock thresholds in tests)
      expect(el.querySelectorAll('.bar-wrapper')).toHaveLength(0); // the page first, the chart in a task of its own
      await new Promise((resolve) => setTimeout(resolve, 0));

      expect(render).toHaveBeenCalledTimes(1);
      // the render: the grid and the header, no bar yet (no task of the first drawing is long)
      expect(el.querySelector('svg.gantt .grid-row')).not.toBeNull();
      expect(el.querySelectorAll('.bar-wrapper')).toHaveLength(0);
      await new Promise((resolve) => setTimeout(resolve, 0));
      // the next task: the bars of the rows on screen (and a margin), the list's rows likewise
      const first = el.querySelectorAll('.bar-wrapper').length;
      expect(first).toBeGreaterThan(10);
      expect(first).toBeLessThan(100);
      expect(listRows(el).length).toBe(first);
      expect(el.querySelectorAll('svg.gantt > g.arrow path')).toHaveLength(0);

      await allBarsDrawn(el, 1_211);
      expect(render).toHaveBeenCalledTimes(1);
      expect(el.querySelectorAll('.bar-wrapper')).toHaveLength(1_211);
      expect(el.querySelectorAll('polygon.jl-diamond')).toHaveLength(200);
      expect(el.querySelectorAll('svg.gantt > g.arrow path').length).toBeGreaterThan(300);
      expect(listRows(el).length).toBe(first); // the list keeps only the rows in sight
      expect(fragments).toHaveBeenCalledTimes(3); // bands, marks, header labels
    }, 60_000);
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
