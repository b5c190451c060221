import type { ChronogramView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { DOCUMENT } from '@angular/common';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import type { FrappePopupContext, FrappeTask } from 'frappe-gantt';

import { I18n, Translate } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { JlFrappeGantt } from './frappe-chart';
import { loadCollapsed, saveCollapsed } from './gantt-collapsed';
import { daysOfDrag, localDateOf } from './gantt-dates';
import type { GanttAdd, GanttOpen, GanttProgressChange, GanttReplan } from './gantt-events';
import { itemDays } from './gantt-item-rows';
import {
  chartRange,
  DayRange,
  electionDays,
  FRAPPE_SIZES,
  ganttLayout,
  GanttViewMode,
  periodTicks,
  phaseBands,
  xOfDayMiddle,
} from './gantt-layout';
import { frappeOptions, readonlyOptions } from './gantt-options';
import { ghostLayer } from './gantt-ghosts';
import { JlGanttList } from './gantt-list';
import { drawOverlays, placeDiamond } from './gantt-overlays';
import { printZoom } from './gantt-print';
import { buildRows, GanttRow } from './gantt-rows';
import { buildTasks } from './gantt-tasks';
import { chartSummary, popupParts } from './gantt-texts';
import { GanttSight } from './gantt-sight';
import { timed } from './gantt-timing';
import { RowSpan, rowWindow, sameSpan, VIRTUAL_FROM } from './gantt-window';
import { frappeViewModes } from './gantt-view-modes';
import { JlTimeScale } from './time-scale';

export type { GanttAdd, GanttOpen, GanttProgressChange, GanttReplan } from './gantt-events';
export { A3_LANDSCAPE_PX, printZoom } from './gantt-print';

const viewportHeight = (): number => (typeof window === 'undefined' ? 800 : window.innerHeight);

/** What the last render drew: the callbacks of the chart read it. */
interface Drawn {
  view: ChronogramView;
  rows: GanttRow[];
  byTaskId: Map<string, GanttRow>;
  functionNames: Map<string, string>;
  range: DayRange;
  mode: GanttViewMode;
  /** the language of the labels */
  t: Translate;
}

/**
 * The roadmap's Gantt chart: the only component of the app that touches frappe-gantt.
 *
 * Rows grouped by function (collapsible), a left-hand list aligned row for row, phases as bands,
 * elections and today marked, milestones as diamonds, French labels, whole-day dates whatever the
 * daylight-saving changes. It never keeps a dragged position as truth: it emits `replan` /
 * `progressChange` and draws again from `chronogram` whenever that input changes (or `reset()`).
 */
@Component({
  selector: 'jl-gantt',
  imports: [JlGanttList, TranslatePipe, JlTimeScale],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // frappe builds its DOM itself (no _ngcontent attributes): the styles are scoped by `.jl-gantt`
  encapsulation: ViewEncapsulation.None,
  templateUrl: './gantt.html',
  styleUrl: './gantt.scss',
  host: { class: 'jl-gantt' },
})
export class JlGantt {
  readonly chronogram = input.required<ChronogramView>();
  readonly viewMode = input<GanttViewMode>('quarter');
  /** false: nothing can be dragged (frappe's `readonly`) */
  readonly editable = input(false);
  /** the scale buttons and « Aujourd’hui »; false when the page has its own (see scrollToToday) */
  readonly toolbar = input(true);
  /** whether a function's row offers « + » (`add`): the functions the person may write in; none by default */
  readonly canAddTo = input<(functionId: string) => boolean>(() => false);

  readonly replan = output<GanttReplan>();
  readonly progressChange = output<GanttProgressChange>();
  readonly open = output<GanttOpen>();
  readonly add = output<GanttAdd>();

  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  protected readonly layout = ganttLayout(FRAPPE_SIZES);
  /** the input, until the user picks another scale in the toolbar */
  protected readonly mode = linkedSignal(() => this.viewMode());
  private readonly roadmapId = computed(() => this.chronogram().roadmap.id);
  /** ids of the functions whose items are hidden: as the reader left them last time in this roadmap (localStorage) */
  protected readonly collapsed = linkedSignal(() => loadCollapsed(this.roadmapId()));
  protected readonly rows = computed(() => buildRows(this.chronogram(), this.collapsed(), this.i18n.translate()));
  /** the rows in sight, as last measured (null: not yet) */
  private readonly sight = signal<RowSpan | null>(null, { equal: (a, b) => a === b || (!!a && !!b && sameSpan(a, b)) });
  /** while printing, every row */
  private readonly printing = signal(false);
  /** the rows the list holds (ADR 0028): all of them below VIRTUAL_FROM rows or while printing, else those in sight */
  protected readonly span = computed((): RowSpan => {
    const count = this.rows().length;
    if (count < VIRTUAL_FROM || this.printing()) return { from: 0, to: count };
    const sight = this.sight() ?? rowWindow(count, 0, viewportHeight(), this.layout.rowHeight);
    return { from: Math.min(sight.from, count), to: Math.min(sight.to, count) };
  });
  protected readonly summary = computed(() => chartSummary(this.chronogram(), this.i18n.translate()));

  private readonly host = viewChild.required<ElementRef<HTMLElement>>('chart');
  private readonly document = inject(DOCUMENT);
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly changes = inject(ChangeDetectorRef);
  private chart: JlFrappeGantt | null = null;
  private drawn: Drawn | null = null;
  /** what is in sight is drawn first (ADR 0028) */
  private readonly sightOf = new GanttSight(
    {
      chart: () => this.chart,
      rowOfTask: (taskId) => this.drawn?.byTaskId.get(taskId),
      rowCount: () => this.rows().length,
      layout: this.layout,
      list: () => this.element.nativeElement.querySelector('jl-gantt-list'),
      sightChanged: (span) => this.sight.set(span),
      printing: (on) => {
        this.printing.set(on);
        // the page is laid out for print right after this event: every row now
        if (on) this.changes.detectChanges();
      },
    },
    this.element.nativeElement,
    this.document.defaultView,
  );
  /** dates of the bars being dragged, emitted when the mouse is released */
  private readonly pending = new Map<string, { start: IsoDate; due: IsoDate }>();

  constructor() {
    // Once per change of what is drawn (a new chronogram, a collapse, the scale, editable, the
    // language): one frappe render. Nothing here writes a signal, so it cannot loop.
    afterRenderEffect({
      write: () => {
        const view = this.chronogram();
        const rows = this.rows();
        const mode = this.mode();
        const editable = this.editable();
        const t = this.i18n.translate();
        untracked(() => {
          // a large chart's first render waits for the page to be painted (its toolbar answers first)
          // (and draws the grid first, the bars in sight in the next task: GanttSight.beforeRender)
          if (!this.chart && rows.length >= VIRTUAL_FROM) this.sightOf.defer(() => this.drawCurrent(true));
          else this.draw(view, rows, mode, editable, t);
        });
      },
    });

    const onMouseUp = (): void => this.flushReplans();
    this.document.addEventListener('mouseup', onMouseUp);
    inject(DestroyRef).onDestroy(() => {
      this.document.removeEventListener('mouseup', onMouseUp);
      this.sightOf.stop();
      this.chart?.destroy();
      this.chart = null;
      this.drawn = null;
    });
  }

  /** Draws again from the current `chronogram`: undoes any drag the parent did not accept. */
  reset(): void {
    if (this.chart) this.drawCurrent();
  }

  private drawCurrent(barsLater = false): void {
    this.draw(this.chronogram(), this.rows(), this.mode(), this.editable(), this.i18n.translate(), barsLater);
  }

  /** Scrolls the chart to the reference day (`roadmap.at`). */
  scrollToToday(): void {
    const chart = this.chart;
    const drawn = this.drawn;
    if (!chart || !drawn) return;
    const x = xOfDayMiddle(drawn.view.roadmap.at, drawn.range, drawn.mode);
    const container = chart.$container;
    container.scrollLeft = Math.max(0, Math.round(x - container.clientWidth / 3));
  }

  protected setMode(mode: GanttViewMode): void {
    this.mode.set(mode);
  }

  protected toggle(functionId: string): void {
    const next = new Set(this.collapsed());
    if (next.has(functionId)) next.delete(functionId);
    else next.add(functionId);
    this.collapsed.set(next);
    saveCollapsed(this.roadmapId(), next);
  }

  /**
   * One render of the chart for the current input: frappe's render and our layers, all the
   * synchronous work, between the marks `jl-gantt:render:start` / `:end` and measured as
   * `jl-gantt:render` (read by `npm run bench:gantt`; absent where the User Timing API is).
   */
  private draw(view: ChronogramView, rows: GanttRow[], mode: GanttViewMode, editable: boolean, t: Translate, barsLater = false): void {
    // the bars in sight first; the others a slice at a time, yielding to the browser in between
    this.sightOf.beforeRender(rows.length, barsLater);
    timed('jl-gantt:render', () => this.drawChart(view, rows, mode, editable, t));
    this.sightOf.afterRender();
  }

  private drawChart(view: ChronogramView, rows: GanttRow[], mode: GanttViewMode, editable: boolean, t: Translate): void {
    const range = chartRange(view, mode);
    const drawn: Drawn = {
      view,
      rows,
      byTaskId: new Map(rows.map((r) => [r.taskId, r])),
      functionNames: new Map(view.functions.map((f) => [f.id, f.name])),
      range,
      mode,
      t,
    };
    const previous = this.drawn;
    this.drawn = drawn;
    this.pending.clear();
    const tasks = buildTasks(rows, view.roadmap.start, t);
    const jlRange = {
      start: localDateOf(range.start),
      end: localDateOf(range.end),
    };
    const readonly = readonlyOptions(editable);

    if (!this.chart) {
      this.chart = new JlFrappeGantt(this.host().nativeElement, tasks, {
        ...frappeOptions(mode, t, {
          popup: (ctx) => this.popup(ctx),
          onClick: (task) => this.onClick(task),
          onDateChange: (task, start, end) => this.onDateChange(task, start, end),
          onProgressChange: (task, progress) => this.onProgressChange(task, progress),
        }),
        ...readonly,
        jl_range: jlRange,
        jl_after_render: (chart) => this.afterRender(chart),
        jl_first_rows: () => this.sightOf.firstRows,
      });
      this.scrollToToday();
      return;
    }

    const chart = this.chart;
    const keepScroll = previous?.mode === mode ? chart.$container.scrollLeft : null;
    Object.assign(chart.options, readonly, { jl_range: jlRange });
    if (previous?.t !== t) {
      // the header's month and quarter names in the new language
      chart.options.view_modes = frappeViewModes(mode, t);
      chart.options.language = t.lang;
    }
    chart.setup_tasks(tasks);
    chart.change_view_mode(mode);
    if (keepScroll === null) this.scrollToToday();
    else chart.$container.scrollLeft = keepScroll;
  }

  /** Our layers, after each frappe render: measured apart as `jl-gantt:overlays` (inside `jl-gantt:render`). */
  private afterRender(chart: JlFrappeGantt): void {
    // frappe's own « ← / → » button (scroll back to the bars) would be a control inside the chart's
    // image role (axe: nested-interactive); our toolbar's « Aujourd’hui » and the table view cover it
    chart.$container?.querySelector('button.adjust')?.remove();
    timed('jl-gantt:overlays', () => this.drawLayers(chart));
  }

  private drawLayers(chart: JlFrappeGantt): void {
    const drawn = this.drawn;
    if (!drawn) return;
    const { view, range, mode, rows, t } = drawn;
    drawOverlays(chart, {
      rows,
      range,
      mode,
      layout: this.layout,
      bands: phaseBands(view.roadmap.phases, range, mode),
      ticks: periodTicks(range, mode),
      elections: electionDays(view, range),
      today: view.roadmap.at,
      t,
    });
    // a chosen baseline's dates beneath the bars (ADR 0017), behind them like the bands
    if (view.baseline) {
      chart.$svg.insertBefore(ghostLayer({ rows, baseline: view.baseline, range, mode, layout: this.layout, t }), chart.layers.arrow);
    }
    // the chart scrolls sideways: keyboard users must be able to reach and scroll it
    const container = chart.$container as HTMLElement | undefined;
    if (container) {
      // printed, the whole chart is shrunk to the width of an A3 landscape page (styles: @media print)
      const wrapper = this.element.nativeElement;
      const list = wrapper.querySelector<HTMLElement>('.jl-gantt__list')?.offsetWidth ?? 0;
      const width = list + container.scrollWidth;
      wrapper.style.setProperty('--jl-print-zoom', String(printZoom(width)));
      container.tabIndex = 0;
      container.setAttribute('aria-label', t('Zone de défilement du chronogramme (flèches gauche et droite)'));
    }
  }

  private rowOf(task: FrappeTask): GanttRow | undefined {
    return this.drawn?.byTaskId.get(task.id);
  }

  private popup(ctx: FrappePopupContext): false | void {
    const row = this.rowOf(ctx.task);
    if (!row) return false;
    const parts = popupParts(row, this.drawn?.functionNames.get(row.functionId) ?? '', this.drawn?.t);
    ctx.set_title(parts.title);
    ctx.set_subtitle(parts.subtitle);
    ctx.set_details(parts.details);
  }

  private onClick(task: FrappeTask): void {
    const row = this.rowOf(task);
    if (!row || row.kind === 'group') return;
    // the click that ends a drag is not an "open"
    if (this.chart?.get_bar(task.id)?.action_completed) return;
    this.open.emit({ kind: row.kind, id: row.id });
  }

  private onDateChange(task: FrappeTask, start: Date, end: Date): void {
    const row = this.rowOf(task);
    if (!row || row.kind === 'group' || !this.editable()) return;
    const days = daysOfDrag(start, end);
    if (row.kind === 'milestone') {
      days.due = days.start;
      const bar = this.chart?.get_bar(task.id);
      if (bar) placeDiamond(bar, this.layout);
    }
    this.pending.set(task.id, days);
  }

  private flushReplans(): void {
    if (this.pending.size === 0) return;
    const moves = [...this.pending];
    this.pending.clear();
    for (const [taskId, days] of moves) {
      const row = this.drawn?.byTaskId.get(taskId);
      if (!row || row.kind === 'group') continue;
      const { start, due } = itemDays(row);
      if (days.start === start && days.due === due) continue;
      this.replan.emit({
        kind: row.kind,
        id: row.id,
        start: days.start,
        due: days.due,
        version: row.version,
      });
    }
  }

  private onProgressChange(task: FrappeTask, progress: number): void {
    const row = this.rowOf(task);
    if (!row || row.kind !== 'action' || !this.editable()) return;
    const value = Math.min(100, Math.max(0, Math.round(Number(progress) || 0)));
    if (value === row.progress) return;
    this.progressChange.emit({
      id: row.id,
      progress: value,
      version: row.version,
    });
  }
}
