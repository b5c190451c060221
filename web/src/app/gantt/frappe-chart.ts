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
 * - `make_grid_highlights` / `highlight_current` / `set_scroll_position`: frappe re-parses its grid
 *   layer for a hatch pattern we do not use, marks and scrolls to the browser's "now", and can throw
 *   while looking for a header label; the wrapper marks `roadmap.at` and scrolls itself.
 * - `get_task` / `get_bar` / `map_arrows_on_bars`: index by id (frappe searches arrays: O(n²) for
 *   1,000 bars with their arrows).
 * - `render`: calls `after_render` so our layers are drawn again after EVERY render.
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
    super.setup_tasks(tasks);
    this.jlTasks = new Map(this.tasks.map((t) => [t.id, t]));
  }

  override get_task(id: string): FrappeTask | undefined {
    return this.jlTasks?.get(id);
  }

  override make_bars(): void {
    super.make_bars();
    this.jlBars = new Map(this.bars.map((b) => [b.task.id, b]));
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
    this.clear();
    this.$container.remove();
    this.bars = [];
    this.tasks = [];
    this.jlBars = new Map();
    this.jlTasks = new Map();
  }
}
