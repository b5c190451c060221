import type {
  ImportConflictView,
  ImportCreationView,
  ImportItemType,
  ImportPlanView,
  ImportRefusalView,
  ImportUpdateView,
} from '@jalons/contract';

import type { Change } from '../history';
import type { MappedBook } from './columns';
import { actionChanges, actionCreation, draftAction, resolvePredecessors } from './plan-actions';
import type { ActionDraft } from './plan-actions';
import { draftMilestone, milestoneChanges } from './plan-milestones';
import type { MilestoneDraft } from './plan-milestones';
import { Lookups } from './state';
import type { ActionFields, ImportState, MilestoneFields } from './state';

/** A write the import will make, with its history lines. */
export interface PlannedWrite<F> {
  /** the item's id, or `new:<line>` for a creation */
  key: string;
  /** where the row is in the file */
  sheet: string;
  line: number;
  id: string | null;
  version: number | null;
  fields: F;
  history: Change[];
}

export interface PlannedAction extends PlannedWrite<ActionFields> {
  /** predecessors' keys to add (ids, or `new:<line>` for actions created by the same file) and ids to remove */
  addPredecessors: string[];
  removePredecessors: string[];
}

/** The plan as the API answers it (`view`) and as the service applies it. */
export interface ImportPlan {
  view: Omit<ImportPlanView, 'fileName' | 'applied'>;
  actions: PlannedAction[];
  milestones: PlannedWrite<MilestoneFields>[];
}

type Draft = ActionDraft | MilestoneDraft;

function place(d: Draft, itemType: ImportItemType) {
  const title = (d.fields?.title ?? (d.row.cells.title ? String(d.row.cells.title).trim() : '')) || d.current?.title || '';
  return { itemType, sheet: d.row.sheet, line: d.row.line, title };
}

/** Refused (a reason), in conflict (stale version, something to change), unchanged, or a write. */
function classify(
  d: Draft,
  itemType: ImportItemType,
  changes: () => { history: Change[]; view: ImportUpdateView['changes'] },
  out: ImportPlan['view'],
): { history: Change[] } | null {
  const p = place(d, itemType);
  const stale = d.current && d.version !== null && d.version !== d.current.version;
  if (d.check.reasons.length && !stale) {
    out.refused.push({ ...p, id: d.current?.id ?? null, reasons: d.check.reasons } satisfies ImportRefusalView);
    return null;
  }
  const c = d.check.reasons.length ? null : changes();
  if (d.current && c && !c.history.length) {
    out.unchanged++;
    return null;
  }
  if (stale) {
    out.conflicts.push({
      ...p,
      id: d.current!.id,
      fileVersion: d.version!,
      currentVersion: d.current!.version,
    } satisfies ImportConflictView);
    return null;
  }
  if (!c) return null;
  if (d.current) out.updates.push({ ...p, id: d.current.id, version: d.current.version, changes: c.view } satisfies ImportUpdateView);
  else out.creations.push({ ...p, fields: c.view } satisfies ImportCreationView);
  return { history: c.history };
}

function planActions(drafts: ActionDraft[], look: Lookups, out: ImportPlan['view']): PlannedAction[] {
  const titleOf = resolvePredecessors(drafts, look);
  const planned: PlannedAction[] = [];
  for (const d of drafts) {
    const c = classify(d, 'action', () => (d.current ? actionChanges(d, look, titleOf) : actionCreation(d, look, titleOf)), out);
    if (!c) continue;
    const before = new Set(d.current?.predecessorIds ?? []);
    const after = new Set(d.predecessors ?? d.current?.predecessorIds ?? []);
    const status = d.fields!.status;
    planned.push({
      key: d.key,
      sheet: d.row.sheet,
      line: d.row.line,
      id: d.current?.id ?? null,
      version: d.current?.version ?? null,
      fields: d.fields!,
      history: d.current ? c.history : [['created', null, `${status} ${d.fields!.progress} %`]],
      addPredecessors: [...after].filter((k) => !before.has(k)),
      removePredecessors: [...before].filter((k) => !after.has(k)),
    });
  }
  return planned;
}

/**
 * The import's plan, a pure function of the file's rows and the stored roadmap: per row, refused
 * (with its reasons), in conflict (changed since the export), unchanged, updated (field by field)
 * or created. Nothing here writes.
 */
export function planImport(book: MappedBook, state: ImportState): ImportPlan {
  const look = new Lookups(state);
  const view: ImportPlan['view'] = {
    updates: [],
    creations: [],
    refused: [],
    conflicts: [],
    unchanged: 0,
    warnings: [...book.warnings],
    canApply: false,
  };
  const seen = new Map<string, number>();
  const actionDrafts = (book.actions?.rows ?? []).map((r) => draftAction(r, book.actions!.labels, look, seen));
  const actions = planActions(actionDrafts, look, view);
  const milestones: PlannedWrite<MilestoneFields>[] = [];
  for (const d of (book.milestones?.rows ?? []).map((r) => draftMilestone(r, book.milestones!.labels, look, seen))) {
    const c = classify(d, 'milestone', () => milestoneChanges(d, look), view);
    if (!c) continue;
    const history: Change[] = d.current ? c.history : [['created', null, d.fields!.date]];
    const { sheet, line } = d.row;
    milestones.push({
      key: d.key,
      sheet,
      line,
      id: d.current?.id ?? null,
      version: d.current?.version ?? null,
      fields: d.fields!,
      history,
    });
  }
  view.canApply = !view.refused.length && !view.conflicts.length && (actions.length > 0 || milestones.length > 0);
  return { view, actions, milestones };
}
