/**
 * Local type declaration for frappe-gantt 1.2.x (the package ships none, and @types/frappe-gantt
 * describes the old 0.x API). Written from the library's source (node_modules/frappe-gantt/src).
 *
 * Only `web/src/app/gantt/` may import this module: it is the one wrapper of the library.
 * Members below the "internals" line are not documented API; the wrapper subclasses Gantt and
 * overrides a few of them, which ties it to 1.2.x (the version is pinned in package.json).
 */
declare module 'frappe-gantt' {
  /** A task as given to the chart. Dates are 'YYYY-MM-DD' (read as LOCAL midnight) or Date. */
  export interface FrappeTask {
    id: string;
    name: string;
    start: string | Date;
    /** last day, inclusive when it has no time part (the library adds 24 h) */
    end?: string | Date;
    duration?: string;
    /** 0–100 */
    progress?: number;
    /** ids of predecessor tasks; a comma-separated string is accepted too */
    dependencies?: string[] | string;
    /** ONE class token added to the bar's group (the library calls classList.add with it) */
    custom_class?: string;
    /** inline fill of the bar and of its progress part */
    color?: string;
    color_progress?: string;
    description?: string;
    thumbnail?: string;
    invalid?: boolean;

    /* set by the library */
    _start?: Date;
    _end?: Date;
    _index?: number;
    actual_duration?: number;
    ignored_duration?: number;
  }

  /** A view mode object: Frappe 1.x accepts custom ones (step + labels). */
  export interface FrappeViewMode {
    name: string;
    /** duration of one column: '1d', '7d', '1m', '1y', '6h'… */
    step: string;
    column_width?: number;
    /** used to build each column's css class (and by the default popup) */
    date_format?: string;
    padding?: string | [string, string];
    snap_at?: string;
    /** header labels: a date format string, or a function (date, previous column's date, language) */
    lower_text?: string | ((d: Date, ld: Date | null, lang: string) => string);
    upper_text?: string | ((d: Date, ld: Date | null, lang: string) => string);
    upper_text_frequency?: number;
    thick_line?: (d: Date) => boolean;
  }

  export interface FrappePopupContext {
    task: FrappeTask;
    chart: Gantt;
    get_title(): HTMLElement;
    set_title(html: string): void;
    get_subtitle(): HTMLElement;
    set_subtitle(html: string): void;
    get_details(): HTMLElement;
    set_details(html: string): void;
    add_action(html: string | ((task: FrappeTask) => string), handler: (task: FrappeTask, chart: Gantt, event: MouseEvent) => void): void;
  }

  /** Everything given is kept in `chart.options` (a subclass may read keys of its own there). */
  export interface FrappeOptions {
    arrow_curve?: number;
    auto_move_label?: boolean;
    bar_corner_radius?: number;
    bar_height?: number;
    container_height?: number | 'auto';
    column_width?: number | null;
    date_format?: string;
    upper_header_height?: number;
    lower_header_height?: number;
    snap_at?: string | null;
    infinite_padding?: boolean;
    /** colour → 'weekend' | dates | predicate; null draws no holiday */
    holidays?: Record<string, unknown> | null;
    ignore?: string | string[] | ((d: Date) => boolean);
    /** BCP 47 tag given to Intl.DateTimeFormat for month names */
    language?: string;
    lines?: 'both' | 'horizontal' | 'vertical' | 'none';
    move_dependencies?: boolean;
    /** vertical space between two bars (half above, half below each bar) */
    padding?: number;
    /** HTML popup builder (was custom_popup_html in 0.x); false disables it */
    popup?: ((ctx: FrappePopupContext) => string | false | void) | false;
    popup_on?: 'click' | 'hover';
    readonly_progress?: boolean;
    readonly_dates?: boolean;
    /** no handle drawn, no drag */
    readonly?: boolean;
    hover_on_date?: boolean;
    fixed_duration?: boolean;
    scroll_to?: 'today' | 'start' | 'end' | string | null;
    show_expected_progress?: boolean;
    /** English 'Today' button */
    today_button?: boolean;
    view_mode?: string | FrappeViewMode;
    /** English 'Mode' select */
    view_mode_select?: boolean;
    view_modes?: (string | FrappeViewMode)[];
    is_weekend?: (d: Date) => boolean;

    /** start = new start (local midnight); end = new exclusive end minus one second */
    on_date_change?: (task: FrappeTask, start: Date, end: Date) => void;
    on_progress_change?: (task: FrappeTask, progress: number) => void;
    on_click?: (task: FrappeTask) => void;
    on_double_click?: (task: FrappeTask) => void;
    on_hover?: (task: FrappeTask, screenX: number, screenY: number, e: MouseEvent) => void;
    on_view_change?: (mode: FrappeViewMode) => void;
    on_date_click?: (date: string | null) => void;
  }

  /** One drawn bar (internals). */
  export interface FrappeBar {
    task: FrappeTask;
    group: SVGGElement;
    bar_group: SVGGElement;
    handle_group: SVGGElement;
    $bar: SVGRectElement;
    $bar_progress?: SVGRectElement;
    x: number;
    y: number;
    width: number;
    height: number;
    duration: number;
    /** true for one second after a drag or a progress change ended on this bar */
    action_completed: boolean;
    arrows: FrappeArrow[];
  }

  export interface FrappeArrow {
    from_task: FrappeBar;
    to_task: FrappeBar;
    element: SVGPathElement;
  }

  export interface FrappeDateInfo {
    date: Date;
    formatted_date: string;
    column_width: number;
    x: number;
    upper_text: string;
    lower_text: string;
    upper_y: number;
    lower_y: number;
  }

  export default class Gantt {
    constructor(wrapper: string | HTMLElement | SVGElement, tasks: FrappeTask[], options?: FrappeOptions);

    /* public API */
    change_view_mode(mode?: string | FrappeViewMode, maintain_pos?: boolean): void;
    refresh(tasks: FrappeTask[]): void;
    update_options(options: FrappeOptions): void;
    update_task(id: string, details: Partial<FrappeTask>): void;
    scroll_current(): void;
    get_task(id: string): FrappeTask | undefined;
    get_bar(id: string): FrappeBar | undefined;
    clear(): void;

    /* ---- internals (1.2.x) ---- */
    options: FrappeOptions & {
      view_modes: FrappeViewMode[];
      bar_height: number;
      padding: number;
      upper_header_height: number;
      lower_header_height: number;
    };
    config: {
      view_mode: FrappeViewMode;
      step: number;
      unit: string;
      column_width: number;
      header_height: number;
      date_format: string;
      ignored_dates: Date[];
      ignored_positions: number[];
      extend_by_units: number;
    };
    tasks: FrappeTask[];
    bars: FrappeBar[];
    arrows: FrappeArrow[];
    dates: Date[];
    gantt_start: Date;
    gantt_end: Date;
    grid_height: number;
    $svg: SVGSVGElement;
    $container: HTMLElement;
    $header: HTMLElement;
    $upper_header: HTMLElement;
    $lower_header: HTMLElement;
    $popup_wrapper: HTMLElement;
    layers: {
      grid: SVGGElement;
      arrow: SVGGElement;
      progress: SVGGElement;
      bar: SVGGElement;
    };

    setup_options(options: FrappeOptions): void;
    setup_tasks(tasks: FrappeTask[]): void;
    setup_gantt_dates(refresh: boolean): void;
    setup_date_values(): void;
    render(): void;
    make_bars(): void;
    make_arrows(): void;
    map_arrows_on_bars(): void;
    make_grid_highlights(): void;
    highlight_current(): unknown;
    set_scroll_position(date: unknown): void;
    get_date_info(date: Date, last_date_info: FrappeDateInfo | null, index?: number): FrappeDateInfo;
    bind_bar_events(): void;
    trigger_event(event: string, args: unknown[]): void;
    hide_popup(): void;

    static VIEW_MODE: Record<'HOUR' | 'QUARTER_DAY' | 'HALF_DAY' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR', FrappeViewMode>;
  }
}
