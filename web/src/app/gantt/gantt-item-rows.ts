import type { ChronogramActionView, ChronogramMilestoneView, FunctionWithRollUpView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { formatFrDate, isOverdue, itemHealth } from '@jalons/domain';

import { Translate, french } from '../i18n/i18n';
import { HEALTH_LABELS, MILESTONE_STATE_LABELS, STATUS_LABELS } from '../shared/labels';
import { clampPercent, cssSafe, safeColor } from './gantt-format';
import type { ActionLook, ActionRow, ItemRow, MilestoneRow } from './gantt-row-types';

/** The rows of one action and of one milestone, and the words the left-hand list shows for them. */

/** What building an item's row needs besides the item and its function. */
export interface ItemRowContext {
  /** the reference day of the roadmap */
  at: IsoDate;
  /** person id → name */
  persons: ReadonlyMap<string, string>;
  /** action id → ids of the actions before it */
  predecessors: ReadonlyMap<string, ReadonlySet<string>>;
  /** a task id not given yet, from a raw one */
  uniqueId: (raw: string) => string;
  t: Translate;
}

/** How an action's bar looks; `health` is its health at `at`, when the caller has it already. */
export function actionLook(action: ChronogramActionView, at: IsoDate, health = itemHealth(action, at)): ActionLook {
  if (action.status === 'abandonnee') return 'abandoned';
  if (action.status === 'terminee') return 'done';
  if (health === 'late') return 'late';
  if (action.status === 'bloquee') return 'blocked';
  return health === 'at_risk' ? 'at-risk' : 'normal';
}

/** The fields an action's and a milestone's rows fill alike (`prefix`: 'a' or 'm'). */
function itemIdentity(
  prefix: 'a' | 'm',
  item: { id: string; functionId: string; title: string; version: number; provenance?: ItemRow['provenance'] },
  fn: FunctionWithRollUpView,
  uniqueId: (raw: string) => string,
): Pick<ItemRow, 'key' | 'taskId' | 'id' | 'functionId' | 'title' | 'color' | 'version' | 'provenance'> {
  return {
    key: `${prefix}:${item.id}`,
    taskId: uniqueId(`${prefix}-${cssSafe(item.id)}`),
    id: item.id,
    functionId: item.functionId,
    title: item.title,
    color: safeColor(fn.color),
    version: item.version,
    provenance: item.provenance ?? null,
  };
}

export function actionRow(a: ChronogramActionView, fn: FunctionWithRollUpView, ctx: ItemRowContext): ActionRow {
  const { at, t } = ctx;
  const health = itemHealth(a, at);
  const row: ActionRow = {
    kind: 'action',
    ...itemIdentity('a', a, fn, ctx.uniqueId),
    start: a.start,
    due: a.due,
    status: a.status,
    statusLabel: t(STATUS_LABELS[a.status] ?? a.status),
    progress: a.status === 'terminee' ? 100 : clampPercent(a.progress),
    ownerName: (a.ownerId && ctx.persons.get(a.ownerId)) || null,
    health,
    overdue: isOverdue(a, at),
    look: actionLook(a, at, health),
    predecessorIds: [...(ctx.predecessors.get(a.id) ?? [])],
    meta: '',
  };
  row.meta = itemMeta(row, t);
  return row;
}

export function milestoneRow(m: ChronogramMilestoneView, fn: FunctionWithRollUpView, ctx: ItemRowContext): MilestoneRow {
  const { t } = ctx;
  const row: MilestoneRow = {
    kind: 'milestone',
    ...itemIdentity('m', m, fn, ctx.uniqueId),
    date: m.date,
    achievedOn: m.achievedOn,
    state: m.state,
    statusLabel: t(MILESTONE_STATE_LABELS[m.state] ?? m.state),
    ownerName: fn.owner?.name ?? null,
    meta: '',
  };
  row.meta = itemMeta(row, t);
  return row;
}

/** The days an item's bar covers: an action's start and due day, a milestone's date twice. */
export function itemDays(row: ItemRow): { start: IsoDate; due: IsoDate } {
  return row.kind === 'action' ? { start: row.start, due: row.due } : { start: row.date, due: row.date };
}

/** The words of the left-hand list under an item's title. */
export function itemMeta(row: ItemRow, t: Translate = french): string {
  if (row.kind === 'milestone') {
    return t('Jalon du {date} · {state}', {
      date: formatFrDate(row.date),
      state: row.statusLabel,
    });
  }
  const parts = [row.ownerName ?? t('Sans responsable'), row.statusLabel];
  if (row.health === 'late' || row.health === 'at_risk') parts.push(t(HEALTH_LABELS[row.health]));
  return parts.join(' · ');
}
