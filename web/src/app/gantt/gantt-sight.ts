import type { JlFrappeGantt } from './frappe-chart';
import type { GanttLayout } from './gantt-layout';
import { drawDiamonds } from './gantt-overlays';
import type { GanttRow } from './gantt-row-types';
import { mark, timed } from './gantt-timing';
import { idleTask } from './idle-task';
import { RowSpan, rowWindow, VIRTUAL_FROM } from './gantt-window';

/** Work per task when drawing the bars left for later (ms): the browser answers a click in between. */
const SLICE_MS = 12;
/** no row: a render that leaves every bar for later */
const NO_ROWS: RowSpan = { from: 0, to: 0 };

/** What `GanttSight` needs of `<jl-gantt>`. */
export interface SightHost {
  /** the chart, once made */
  chart(): JlFrappeGantt | null;
  /** the row of a frappe task id, in the last render */
  rowOfTask(taskId: string): GanttRow | undefined;
  /** how many rows the list has */
  rowCount(): number;
  layout: GanttLayout;
  /** the element of the left-hand list (its top is the top of row 0) */
  list(): Element | null;
  /** the rows in sight, measured (often the same as before) */
  sightChanged(span: RowSpan): void;
  /** printing starts (true) or ends: every row in the page while it lasts */
  printing(on: boolean): void;
}

/**
 * Draws what is in sight first (ADR 0028): a render of the chart draws the bars of the rows on
 * screen (`firstRows`; a large chart's first render: in the task right after it), the others follow a slice at a time (~`SLICE_MS` of work per task,
 * measured as `jl-gantt:bars`), the arrows last, then the mark `jl-gantt:drawn`. A scroll draws
 * the bars it brings into sight at once; a mouse press on the chart (a drag needs its neighbours)
 * or printing draws all that is left. Below `VIRTUAL_FROM` rows every bar is drawn in the render.
 */
export class GanttSight {
  /** the rows whose bars the next render draws at once (null: all) */
  firstRows: RowSpan | null = null;
  /** counts the renders: the bars left for later belong to one of them */
  private generation = 0;
  /** a first render is waiting (`defer`) */
  private deferred = false;
  private readonly unwatch: () => void;

  constructor(
    private readonly host: SightHost,
    element: HTMLElement,
    private readonly win: Window | null,
  ) {
    this.unwatch = this.watch(element);
  }

  /** the rows in sight whose bars the first task after the render draws (`barsLater`) */
  private sightLater: RowSpan | null = null;

  /**
   * Before a render of `count` rows: which bars it draws. `barsLater` (a large chart's first render):
   * none — the render draws the grid and the header, the bars in sight come in the next task, so
   * that no task of the first drawing is long (a click is answered in between).
   */
  beforeRender(count: number, barsLater = false): void {
    this.generation++;
    const sight = count < VIRTUAL_FROM ? null : this.measure(count);
    this.firstRows = sight && barsLater ? NO_ROWS : sight;
    this.sightLater = sight && barsLater ? sight : null;
    if (sight) this.host.sightChanged(sight);
  }

  /**
   * Runs `first` (the first render of a large chart) in a task of its own, after the page around
   * the chart is painted, when the browser is idle (a click on the page's toolbar goes first); once, however often it is asked before it runs; never after `stop()`.
   */
  defer(first: () => void): void {
    if (this.deferred) return;
    this.deferred = true;
    const generation = this.generation;
    idleTask(() => {
      this.deferred = false;
      if (generation === this.generation) first();
    });
  }

  /** After a render: the rest, later. */
  afterRender(): void {
    this.drawLater(this.generation);
  }

  /** Stops everything (the component's end). */
  stop(): void {
    this.generation++;
    this.unwatch();
  }

  /** The rows in sight, from where the list is on the screen. */
  measure(count: number): RowSpan {
    const top = this.host.list()?.getBoundingClientRect().top ?? 0;
    return rowWindow(count, top, this.win?.innerHeight ?? 800, this.host.layout.rowHeight);
  }

  private drawLater(generation: number): void {
    const chart = this.host.chart();
    if (!chart || generation !== this.generation) return;
    if (chart.pendingBars === 0) {
      mark('jl-gantt:drawn');
      return;
    }
    idleTask(() => {
      if (chart !== this.host.chart() || generation !== this.generation) return;
      const sight = this.sightLater;
      this.sightLater = null;
      timed('jl-gantt:bars', () => this.drawPending(chart, performance.now() + SLICE_MS, sight ?? undefined));
      // the bars in sight are on screen (read by npm run bench:gantt)
      if (sight) mark('jl-gantt:sight');
      this.drawLater(generation);
    });
  }

  /** Bars not drawn yet: those of `rows` first, then others until `deadline`; their diamonds. */
  private drawPending(chart: JlFrappeGantt, deadline: number, rows?: RowSpan): void {
    const made = chart.drawPending(deadline, rows);
    const items: GanttRow[] = [];
    for (const bar of made) {
      const row = this.host.rowOfTask(bar.task.id);
      if (row) items.push(row);
    }
    if (items.length > 0) drawDiamonds(chart, items, this.host.layout);
  }

  private drawAll(): void {
    const chart = this.host.chart();
    if (chart && chart.pendingBars > 0) this.drawPending(chart, Infinity);
  }

  /** Follows the page's scroll and size (one measure per frame), printing, presses on the chart. */
  private watch(element: HTMLElement): () => void {
    const win = this.win;
    if (!win) return () => undefined;
    let frame: number | null = null;
    const measure = (): void => {
      frame = null;
      const count = this.host.rowCount();
      if (count < VIRTUAL_FROM) return;
      const sight = this.measure(count);
      this.host.sightChanged(sight);
      const chart = this.host.chart();
      if (chart && chart.pendingBars > 0) this.drawPending(chart, 0, sight);
    };
    const onScroll = (): void => {
      frame ??= win.requestAnimationFrame(measure);
    };
    const beforePrint = (): void => {
      this.drawAll();
      this.host.printing(true);
    };
    const afterPrint = (): void => this.host.printing(false);
    const drawAll = (): void => this.drawAll();
    const listen: [EventTarget, string, EventListener, AddEventListenerOptions][] = [
      [win, 'scroll', onScroll, { passive: true, capture: true }],
      [win, 'resize', onScroll, { passive: true }],
      [win, 'beforeprint', beforePrint, {}],
      [win, 'afterprint', afterPrint, {}],
      [element, 'mousedown', drawAll, { capture: true }],
      [element, 'touchstart', drawAll, { capture: true, passive: true }],
    ];
    for (const [target, type, fn, options] of listen) target.addEventListener(type, fn, options);
    return () => {
      for (const [target, type, fn, options] of listen) target.removeEventListener(type, fn, options);
      if (frame !== null) win.cancelAnimationFrame(frame);
    };
  }
}
