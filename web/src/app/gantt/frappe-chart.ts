import Gantt from 'frappe-gantt';
import type { FrappeBar, FrappeDateInfo, FrappeOptions, FrappeTask } from 'frappe-gantt';

/**
 * frappe-gantt 1.2.x, with the few internals that do not fit Jalons replaced. This file and the
 * component beside it are the only code of the app that knows the library.
 *
 * - `setup_gantt_dates`: the chart spans the days WE choose (the roadmap, its elections, every
 *   item, whole periods), not "earliest task minus padding".
 * - `get_date_info`: frappe formats every column with two `new Intl.DateTimeFormat` — with one
 *   column per day that is ~0.6 s for a mandate; we build the same object without Intl.
 * - `make_grid_rows` / `make_grid_ticks`: frappe draws a rect and a line per row (2,000 elements at
 *   1,000 rows); one rect filled with a pattern one row tall draws the same rows and lines.
 * - `make_grid_highlights` / `highlight_current` / `set_scroll_position`: frappe re-parses its grid
 *   layer for a hatch pattern we do not use, marks and scrolls to the browser's "now", and can throw
 *   while looking for a header label; the wrapper marks `roadmap.at` and scrolls itself.
 * - `get_task` / `get_bar` / `map_arrows_on_bars`: index by id (frappe searches arrays: O(n²) for
 *   1,000 bars with their arrows).
 * - `render`: calls `after_render` so our layers are drawn again after EVERY render.
 * - `make_bars` / `make_arrows`: with `jl_first_rows`, a render draws only the bars of those rows
 *   (the rows in sight); `drawPending()` draws the others later, a slice at a time, and the arrows
 *   once every bar is there (ADR 0028). Each bar's label is placed in ONE animation frame per slice
 *   (all measured, then all moved) instead of frappe's one frame per bar measuring and moving in turn.
 * - `bind_bar_events`: remembers the listeners frappe puts on `document` so `destroy()` can remove
 *   them (frappe never does: each chart would otherwise stay in memory).
 * - the container's `scroll` listener of frappe (it measures every bar on every scroll event) is
 *   stopped before it runs.
 */

export interface JlFrappeOptions extends FrappeOptions {
  /** first and last day of the chart, as local midnights */
  jl_range: { start: Date; end: Date };
  /** called after each render, with the chart */
  jl_after_render: (chart: JlFrappeGantt) => void;
  /** the rows whose bars a render draws at once (the others wait for `drawPending`); null: all */
  jl_first_rows?: () => RowSpan | null;
}

/** Rows `from` (included) to `to` (excluded). */
export interface RowSpan {
  from: number;
  to: number;
}

/** « 2026-03-15 »: the dates the wrapper gives frappe (gantt-tasks.ts) */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** frappe refuses a task longer than ten years */
const TEN_YEARS_MS = 3650 * 86_400_000;
/** Bars drawn between two looks at the clock in `drawPending`. */
const SLICE = 20;
const SVG_NS = 'http://www.w3.org/2000/svg';
/** ids of the grids' row patterns, one per chart on the page */
let gridPatterns = 0;

function svgElement(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const name in attrs) el.setAttribute(name, String(attrs[name]));
  return el;
}

type Listener = [string, EventListenerOrEventListenerObject, boolean | AddEventListenerOptions | undefined];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export class JlFrappeGantt extends Gantt {
  // `declare`: no class-field initialiser, which would run AFTER frappe's constructor has already
  // called the overridden methods below and wipe what they stored.
  declare private jlTasks: Map<string, FrappeTask>;
  declare private jlBars: Map<string, FrappeBar>;
  declare private jlDocumentListeners: Listener[];
  declare private jlUnbind: (() => void)[];
  /** tasks whose bars are not drawn yet, in the order they will be */
  declare private jlPending: FrappeTask[];

  constructor(wrapper: HTMLElement, tasks: FrappeTask[], options: JlFrappeOptions) {
    super(wrapper, tasks, options);
    const stopScroll = (e: Event): void => {
      if (e.target === this.$container) e.stopPropagation();
    };
    wrapper.addEventListener('scroll', stopScroll, true);
    this.jlUnbind = [() => wrapper.removeEventListener('scroll', stopScroll, true)];
  }

  private get jlOptions(): JlFrappeOptions {
    return this.options as unknown as JlFrappeOptions;
  }

  override setup_tasks(tasks: FrappeTask[]): void {
    if (!this.jlSetupTasks(tasks)) super.setup_tasks(tasks);
    this.jlTasks = new Map(this.tasks.map((t) => [t.id, t]));
  }

  /**
   * frappe's `setup_tasks` for the tasks the wrapper builds (whole days « YYYY-MM-DD », end not
   * before start, under ten years): the same `_start` / `_end` (the local midnight after the last
   * day) / `_index` / `dependencies` without frappe's generic parsing and checks, a small part of
   * its cost at 1,000 tasks. Anything else (false) is left to frappe, its checks and messages.
   */
  private jlSetupTasks(tasks: FrappeTask[]): boolean {
    const days: [Date, Date][] = [];
    for (const task of tasks) {
      const s = typeof task.start === 'string' ? ISO_DAY.exec(task.start) : null;
      const e = typeof task.end === 'string' ? ISO_DAY.exec(task.end) : null;
      if (!s || !e || typeof task.id !== 'string' || !task.id) return false;
      const start = new Date(+s[1], +s[2] - 1, +s[3]);
      const end = new Date(+e[1], +e[2] - 1, +e[3] + 1);
      if (end <= start || end.getTime() - start.getTime() > TEN_YEARS_MS) return false;
      days.push([start, end]);
    }
    this.tasks = tasks.map((task, i) => {
      task._start = days[i][0];
      task._end = days[i][1];
      task._index = i;
      if (typeof task.dependencies === 'string' || !task.dependencies) {
        task.dependencies = (task.dependencies ?? '')
          .split(',')
          .map((d) => d.trim().replaceAll(' ', '_'))
          .filter((d) => d);
      }
      task.id = task.id.replaceAll(' ', '_');
      return task;
    });
    (this as unknown as { setup_dependencies(): void }).setup_dependencies();
    return true;
  }

  override get_task(id: string): FrappeTask | undefined {
    return this.jlTasks?.get(id);
  }

  override make_bars(): void {
    this.jlBars = new Map();
    const first = this.jlOptions.jl_first_rows?.() ?? null;
    const now: FrappeTask[] = [];
    const later: FrappeTask[] = [];
    for (const task of this.tasks) {
      const row = task._index ?? 0;
      (first === null || (row >= first.from && row < first.to) ? now : later).push(task);
    }
    this.bars = [];
    this.jlPending = later;
    this.jlMakeBars(now);
  }

  override make_arrows(): void {
    // frappe draws an arrow between two bars: once they are all there
    if (this.jlPending.length > 0) this.arrows = [];
    else super.make_arrows();
  }

  /** How many bars are still to draw. */
  get pendingBars(): number {
    return this.jlPending?.length ?? 0;
  }

  /**
   * Draws bars left out of the last render: first those of `rows` (all of them), then the next
   * ones in row order while `performance.now()` is before `deadline`. Once the last bar is drawn,
   * the arrows. Returns the bars drawn (for the wrapper's layers).
   */
  drawPending(deadline: number, rows?: RowSpan): FrappeBar[] {
    const made: FrappeBar[] = [];
    if (rows) {
      const inRows = (t: FrappeTask): boolean => (t._index ?? 0) >= rows.from && (t._index ?? 0) < rows.to;
      const now = this.jlPending.filter(inRows);
      if (now.length > 0) {
        this.jlPending = this.jlPending.filter((t) => !inRows(t));
        made.push(...this.jlMakeBars(now));
      }
    }
    while (this.jlPending.length > 0 && performance.now() < deadline) {
      made.push(...this.jlMakeBars(this.jlPending.splice(0, SLICE)));
    }
    if (this.jlPending.length === 0 && made.length > 0) {
      // frappe finds a bar by its task's index: back in task order, then the arrows
      this.bars = this.tasks.map((t) => this.jlBars.get(t.id)).filter((b): b is FrappeBar => !!b);
      super.make_arrows();
      this.map_arrows_on_bars();
    }
    return made;
  }

  /** frappe's bars for `tasks` (its `make_bars` over them), added to the chart's; labels placed in one frame. */
  private jlMakeBars(tasks: FrappeTask[]): FrappeBar[] {
    if (tasks.length === 0) return [];
    const all = this.tasks;
    const bars = this.bars;
    let made: FrappeBar[] = [];
    const frames = holdAnimationFrames();
    try {
      this.tasks = tasks;
      super.make_bars();
      made = this.bars;
    } finally {
      frames.release();
      this.tasks = all;
      this.bars = bars;
    }
    for (const bar of made) {
      bars.push(bar);
      this.jlBars.set(bar.task.id, bar);
    }
    // frappe asked one frame per bar to place its label: one frame for all of them instead
    if (frames.held > 0) requestAnimationFrame(() => placeLabels(made));
    return made;
  }

  override get_bar(id: string): FrappeBar | undefined {
    return this.jlBars?.get(id);
  }

  override map_arrows_on_bars(): void {
    const byTask = new Map<string, FrappeBar['arrows']>();
    const add = (id: string, arrow: FrappeBar['arrows'][number]): void => {
      const list = byTask.get(id);
      if (list) list.push(arrow);
      else byTask.set(id, [arrow]);
    };
    for (const arrow of this.arrows) {
      add(arrow.from_task.task.id, arrow);
      if (arrow.to_task.task.id !== arrow.from_task.task.id) add(arrow.to_task.task.id, arrow);
    }
    for (const bar of this.bars) bar.arrows = byTask.get(bar.task.id) ?? [];
  }

  override setup_gantt_dates(): void {
    const { start, end } = this.jlOptions.jl_range;
    this.gantt_start = new Date(start.getTime());
    this.gantt_end = new Date(end.getTime());
    this.gantt_start.setHours(0, 0, 0, 0);
    this.config.date_format = this.config.view_mode.date_format || this.options.date_format || 'YYYY-MM-DD';
  }

  override get_date_info(date: Date, last: FrappeDateInfo | null): FrappeDateInfo {
    const mode = this.config.view_mode;
    const language = this.options.language ?? 'fr';
    const text = (f: typeof mode.lower_text): string => (typeof f === 'function' ? f(date, last ? last.date : null, language) : '');
    return {
      date,
      formatted_date: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
      column_width: this.config.column_width,
      x: last ? last.x + last.column_width : 0,
      upper_text: text(mode.upper_text),
      lower_text: text(mode.lower_text),
      upper_y: 17,
      lower_y: this.options.upper_header_height + 5,
    };
  }

  /** The rows' background and the line under each (frappe's colours), as one rect with a pattern one row tall. */
  make_grid_rows(): void {
    const rowHeight = this.options.bar_height + this.options.padding;
    const top = this.config.header_height;
    const id = `jl-grid-rows-${++gridPatterns}`;
    const pattern = svgElement('pattern', { id, patternUnits: 'userSpaceOnUse', x: 0, y: top, width: 16, height: rowHeight });
    pattern.append(
      svgElement('rect', { width: 16, height: rowHeight, style: 'fill: var(--g-row-color)' }),
      // frappe's 1-px line at the bottom of each row: half in this row, half at the top of the next
      svgElement('rect', { y: rowHeight - 0.5, width: 16, height: 0.5, style: 'fill: var(--g-border-color)' }),
      svgElement('rect', { y: 0, width: 16, height: 0.5, style: 'fill: var(--g-border-color)' }),
    );
    const defs = svgElement('defs', {});
    defs.appendChild(pattern);
    const rows = svgElement('rect', {
      x: 0,
      y: top,
      width: this.dates.length * this.config.column_width,
      height: Math.max(0, this.grid_height - top),
      class: 'grid-row',
      style: `fill: url(#${id})`,
    });
    this.layers.grid.append(defs, rows);
  }

  /** Horizontal lines only (`lines: 'horizontal'`, gantt-options.ts): `make_grid_rows` drew them. */
  make_grid_ticks(): void {
    // nothing else to draw
  }

  override make_grid_highlights(): void {
    // frappe re-parses the whole grid layer here (`innerHTML +=` a hatch pattern for ignored days,
    // which Jalons does not use) and marks the browser's today; we mark roadmap.at ourselves
    this.config.ignored_positions = [];
  }

  override highlight_current(): undefined {
    return undefined;
  }

  override set_scroll_position(): void {
    // the wrapper decides (JlGantt keeps the position across re-renders, or goes to roadmap.at)
  }

  override render(): void {
    super.render();
    this.jlOptions.jl_after_render?.(this);
  }

  override bind_bar_events(): void {
    const listeners: Listener[] = [];
    const doc = document;
    const hadOwn = Object.prototype.hasOwnProperty.call(doc, 'addEventListener');
    const original = doc.addEventListener;
    doc.addEventListener = function (
      this: Document,
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ): void {
      listeners.push([type, listener, options]);
      original.call(this, type, listener, options);
    } as typeof doc.addEventListener;
    try {
      super.bind_bar_events();
    } finally {
      if (hadOwn) doc.addEventListener = original;
      else delete (doc as { addEventListener?: unknown }).addEventListener;
    }
    this.jlDocumentListeners = listeners;
  }

  /** Removes everything the chart put in the page, and its listeners on `document`. */
  destroy(): void {
    for (const [type, listener, options] of this.jlDocumentListeners ?? []) {
      document.removeEventListener(type, listener, options);
    }
    for (const unbind of this.jlUnbind ?? []) unbind();
    this.jlDocumentListeners = [];
    this.jlUnbind = [];
    this.jlPending = [];
    this.clear();
    this.$container.remove();
    this.bars = [];
    this.tasks = [];
    this.jlBars = new Map();
    this.jlTasks = new Map();
  }
}

/**
 * Swallows the `requestAnimationFrame` calls made until `release()` (frappe's Bar asks one per bar
 * to place its label) and counts them.
 */
function holdAnimationFrames(): { held: number; release: () => void } {
  const win = window as { requestAnimationFrame: typeof requestAnimationFrame };
  const hadOwn = Object.prototype.hasOwnProperty.call(win, 'requestAnimationFrame');
  const original = win.requestAnimationFrame;
  const state = {
    held: 0,
    release: (): void => {
      if (hadOwn) win.requestAnimationFrame = original;
      else delete (win as { requestAnimationFrame?: unknown }).requestAnimationFrame;
    },
  };
  win.requestAnimationFrame = (): number => {
    state.held++;
    return 0;
  };
  return state;
}

/**
 * frappe's `Bar.update_label_position` (1.2.x, without thumbnails) for many bars: every label
 * measured first, then every label moved — one layout for all instead of one per bar. A label
 * wider than its bar is written after it (`big`), otherwise centred in it.
 */
export function placeLabels(bars: readonly FrappeBar[]): void {
  const labels = bars.map((b) => (b.group.isConnected ? b.group.querySelector<SVGTextElement>('.bar-label') : null));
  const widths = labels.map((label) => label?.getBBox().width ?? 0);
  bars.forEach((bar, i) => {
    const label = labels[i];
    if (!label) return;
    const x = Number(bar.$bar.getAttribute('x'));
    const width = Number(bar.$bar.getAttribute('width'));
    const big = widths[i] > width;
    label.classList.toggle('big', big);
    label.setAttribute('x', String(big ? x + width + 5 : x + width / 2 - widths[i] / 2));
  });
}
