import type { IsoDate } from '@jalons/domain';

/** What `<jl-gantt>` emits (its outputs), re-exported by `gantt.ts`. */

/** A bar was moved or resized: the new whole days (for a milestone, start = due = its date). */
export interface GanttReplan {
  kind: 'action' | 'milestone';
  id: string;
  start: IsoDate;
  due: IsoDate;
  /** the item's version as received, for optimistic locking */
  version: number;
}

export interface GanttProgressChange {
  id: string;
  /** whole percent, 0–100 */
  progress: number;
  version: number;
}

export interface GanttOpen {
  kind: 'action' | 'milestone';
  id: string;
}

/** « + » on a function's row: create an action or a milestone in it. */
export interface GanttAdd {
  functionId: string;
}
