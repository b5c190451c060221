import type { ChronogramView, FunctionWithRollUpView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { toDayNumber } from '@jalons/domain';

import { compareText } from '../i18n/format';
import { Translate, french, translatedOnce } from '../i18n/i18n';
import { clampPercent, cssSafe, safeColor } from './gantt-format';
import { actionRow, ItemRowContext, itemDays, milestoneRow } from './gantt-item-rows';
import type { GanttRow, GroupRow, ItemRow } from './gantt-row-types';

/**
 * The rows of the chart, in one pass over the chronogram: per function (in function order) a
 * header row, then — unless the function is collapsed — its actions and milestones by date.
 * The left-hand list and frappe's tasks are built from the SAME array, so row i of the list is
 * task i of the chart (frappe places task i on row i).
 */

export type { ActionLook, ActionRow, GanttRow, GroupRow, ItemRow, MilestoneRow } from './gantt-row-types';
/** The labels' one home is `shared/labels.ts`; named here too for the code that reads them from the chart's rows. */
export { MILESTONE_STATE_LABELS, STATUS_LABELS } from '../shared/labels';

interface Sortable {
  day: number;
  kind: 0 | 1;
  title: string;
  row: ItemRow;
}

/**
 * Rows of the chart. `collapsed` holds function ids whose items are hidden (the header row stays).
 * Functions come in `order`; inside a function, items by first day, actions before milestones on
 * the same day, then by title. Labels in the language of `t`.
 */
export function buildRows(view: ChronogramView, collapsed: ReadonlySet<string>, t: Translate = french): GanttRow[] {
  const functions = [...view.functions].sort((a, b) => a.order - b.order);
  const uniqueId = uniqueIds();
  // the items first: their task ids are given before the header rows'
  const byFunction = itemsByFunction(view, functions, uniqueId, t);
  const rows: GanttRow[] = [];
  for (const fn of functions) {
    const items = byFunction.get(fn.id) ?? [];
    const group = groupRow(fn, items, collapsed.has(fn.id), uniqueId);
    rows.push(group);
    if (!group.collapsed) for (const row of items) rows.push(row);
  }
  return rows;
}

/** A function that makes task ids unique: the second `x` becomes `x_2`, and so on. */
function uniqueIds(): (raw: string) => string {
  const usedIds = new Set<string>();
  return (raw) => {
    let id = raw;
    for (let n = 2; usedIds.has(id); n++) id = `${raw}_${n}`;
    usedIds.add(id);
    return id;
  };
}

/** Action id → the ids of the actions before it (the chronogram's dependencies and each action's own list). */
function predecessorsOf(view: ChronogramView): Map<string, Set<string>> {
  const predecessors = new Map<string, Set<string>>();
  const link = (pred: string, succ: string): void => {
    const set = predecessors.get(succ);
    if (set) set.add(pred);
    else predecessors.set(succ, new Set([pred]));
  };
  for (const d of view.dependencies) link(d.predecessorId, d.successorId);
  for (const a of view.actions) for (const p of a.predecessorIds ?? []) link(p, a.id);
  return predecessors;
}

/** The rows of the items of each function, sorted (items of an unknown function are left out). */
function itemsByFunction(
  view: ChronogramView,
  functions: readonly FunctionWithRollUpView[],
  uniqueId: (raw: string) => string,
  t: Translate,
): Map<string, ItemRow[]> {
  const fnById = new Map<string, FunctionWithRollUpView>(functions.map((f) => [f.id, f]));
  const ctx: ItemRowContext = {
    at: view.roadmap.at,
    persons: new Map(view.persons.map((p) => [p.id, p.name])),
    predecessors: predecessorsOf(view),
    uniqueId,
    // 1,000 rows ask for the same dozen words (a status, « Sans responsable »): each translated once
    t: translatedOnce(t),
  };
  const byFunction = new Map<string, Sortable[]>();
  const push = (fnId: string, s: Sortable): void => {
    const list = byFunction.get(fnId);
    if (list) list.push(s);
    else byFunction.set(fnId, [s]);
  };
  for (const a of view.actions) {
    const fn = fnById.get(a.functionId);
    if (fn) push(a.functionId, { day: toDayNumber(a.start), kind: 0, title: a.title, row: actionRow(a, fn, ctx) });
  }
  for (const m of view.milestones) {
    const fn = fnById.get(m.functionId);
    if (fn) push(m.functionId, { day: toDayNumber(m.date), kind: 1, title: m.title, row: milestoneRow(m, fn, ctx) });
  }
  const sorted = new Map<string, ItemRow[]>();
  for (const [fnId, items] of byFunction) {
    items.sort((a, b) => a.day - b.day || a.kind - b.kind || compareText(a.title, b.title));
    sorted.set(
      fnId,
      items.map((s) => s.row),
    );
  }
  return sorted;
}

/** The header row of a function, over the span of its items. */
function groupRow(fn: FunctionWithRollUpView, items: readonly ItemRow[], collapsed: boolean, uniqueId: (raw: string) => string): GroupRow {
  return {
    kind: 'group',
    key: `g:${fn.id}`,
    taskId: uniqueId(`g-${cssSafe(fn.id)}`),
    functionId: fn.id,
    name: fn.name,
    color: safeColor(fn.color),
    progress: clampPercent(fn.rollUp.progress),
    itemCount: items.length,
    collapsed,
    span: spanOf(items),
  };
}

/** First start and last due day of `items`; null without any. */
function spanOf(items: readonly ItemRow[]): { start: IsoDate; due: IsoDate } | null {
  let first: IsoDate | null = null;
  let last: IsoDate | null = null;
  for (const row of items) {
    const { start, due } = itemDays(row);
    if (first === null || start < first) first = start;
    if (last === null || due > last) last = due;
  }
  return first !== null && last !== null ? { start: first, due: last } : null;
}
