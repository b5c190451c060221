import type { ActionView, MilestoneView } from '@jalons/contract';
import type { ActionStatus, IsoDate } from '@jalons/domain';

/**
 * An action or a milestone as a row of the weekly review (the chronogram's table, « Mes
 * échéances ») reads and updates it: what the quick update changes, and the version it was read with.
 */
export interface ReviewItem {
  kind: 'action' | 'milestone';
  id: string;
  functionId: string;
  title: string;
  /** the item's page, inside its roadmap (router commands) */
  link: Array<string | number>;
  version: number;
  /** an action's start (its due date may not come before it); null for a milestone */
  start: IsoDate | null;
  /** an action's due date, a milestone's date */
  due: IsoDate;
  /** an action's status and progress; null for a milestone */
  status: ActionStatus | null;
  progress: number | null;
  /** a milestone's achievement day; null while it is not achieved, and for an action */
  achievedOn: IsoDate | null;
}

/** The row's item after a write: the API's answer, keeping the row's title and link. */
export function afterWrite(item: ReviewItem, view: ActionView | MilestoneView): ReviewItem {
  if ('status' in view) {
    return { ...item, version: view.version, start: view.start, due: view.due, status: view.status, progress: view.progress };
  }
  return { ...item, version: view.version, due: view.date, achievedOn: view.achievedOn };
}
