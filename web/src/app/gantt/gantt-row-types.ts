import type { ProvenanceView } from '@jalons/contract';
import type { ActionStatus, Health, IsoDate, MilestoneState } from '@jalons/domain';

/**
 * The rows of the chart (built by `buildRows`, `gantt-rows.ts`): one header row per function, then
 * its actions and milestones. The left-hand list and frappe's tasks are built from the same array.
 */

/** How an action's bar looks, one token each (frappe accepts a single custom class). */
export type ActionLook = 'done' | 'abandoned' | 'late' | 'blocked' | 'at-risk' | 'normal';

export interface GroupRow {
  kind: 'group';
  key: string;
  taskId: string;
  functionId: string;
  name: string;
  color: string;
  /** roll-up progress of the function, whole percent */
  progress: number;
  itemCount: number;
  collapsed: boolean;
  /** first start and last due day of the function's items; null without any */
  span: { start: IsoDate; due: IsoDate } | null;
}

/** What an action's row and a milestone's row have in common. */
interface ItemRowBase {
  key: string;
  taskId: string;
  id: string;
  functionId: string;
  title: string;
  statusLabel: string;
  ownerName: string | null;
  color: string;
  version: number;
  /** what the left-hand list shows under the title (`itemMeta`) */
  meta: string;
  /** where it comes from (its badge in the list); null when added in the app */
  provenance: ProvenanceView | null;
}

export interface ActionRow extends ItemRowBase {
  kind: 'action';
  start: IsoDate;
  due: IsoDate;
  status: ActionStatus;
  /** 0–100, whole percent */
  progress: number;
  health: Health | null;
  overdue: boolean;
  look: ActionLook;
  predecessorIds: string[];
}

export interface MilestoneRow extends ItemRowBase {
  kind: 'milestone';
  date: IsoDate;
  achievedOn: IsoDate | null;
  state: MilestoneState;
}

export type ItemRow = ActionRow | MilestoneRow;
export type GanttRow = GroupRow | ItemRow;
