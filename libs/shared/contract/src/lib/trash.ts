import type { PersonView } from './views';

/** A deleted action or milestone, as the Corbeille lists it (GET /api/roadmaps/:id/trash), newest first. */
export interface TrashEntryView {
  itemType: 'action' | 'milestone';
  /** the deleted item's id, which it gets back when restored */
  id: string;
  title: string;
  functionId: string;
  /** the function's name, the one it had at the deletion when the function no longer exists */
  functionName: string;
  /** false when the function was deleted since: the item cannot be restored */
  functionExists: boolean;
  /** ISO instants: when it was deleted, and when it leaves the Corbeille for good */
  deletedAt: string;
  expiresAt: string;
  /** who deleted it (name only); null when unknown */
  deletedBy: PersonView | null;
  /** whether the signed-in person may restore it (the lead, or the owner of its function) */
  canRestore: boolean;
}

/** A dependency of the restored action that was not brought back, and why (it would now close a cycle). */
export interface SkippedDependencyView {
  predecessorId: string;
  predecessorTitle: string;
  successorId: string;
  successorTitle: string;
  reason: string;
}

/** What a restore answers (POST /api/actions|milestones/:id/restore): the item as it is again, and the arrows left out. */
export interface RestoredView<T> {
  item: T;
  skippedDependencies: SkippedDependencyView[];
}
