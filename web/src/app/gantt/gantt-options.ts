import type { FrappeOptions, FrappePopupContext, FrappeTask } from 'frappe-gantt';

import type { Translate } from '../i18n/i18n';
import { FRAPPE_SIZES, GanttViewMode } from './gantt-layout';
import { frappeViewModes } from './gantt-view-modes';

/** The options `<jl-gantt>` gives frappe-gantt: fixed ones, the view modes, and its callbacks. */

/** What the chart calls back (the component's methods). */
export interface FrappeHandlers {
  popup: (ctx: FrappePopupContext) => false | void;
  onClick: (task: FrappeTask) => void;
  onDateChange: (task: FrappeTask, start: Date, end: Date) => void;
  onProgressChange: (task: FrappeTask, progress: number) => void;
}

/** The options of a new chart, opening on `mode`, its header in the language of `t`. */
export function frappeOptions(mode: GanttViewMode, t: Translate, handlers: FrappeHandlers): FrappeOptions {
  return {
    ...FRAPPE_SIZES,
    view_modes: frappeViewModes(mode, t),
    language: t.lang,
    container_height: 'auto',
    infinite_padding: false,
    holidays: null,
    lines: 'horizontal',
    today_button: false,
    view_mode_select: false,
    move_dependencies: false,
    popup_on: 'hover',
    popup: handlers.popup,
    on_click: handlers.onClick,
    on_date_change: handlers.onDateChange,
    on_progress_change: handlers.onProgressChange,
  };
}

/** Nothing can be dragged unless `editable` (set again on every render: it may change at any time). */
export function readonlyOptions(editable: boolean): Pick<FrappeOptions, 'readonly' | 'readonly_dates' | 'readonly_progress'> {
  return {
    readonly: !editable,
    readonly_dates: !editable,
    readonly_progress: !editable,
  };
}
