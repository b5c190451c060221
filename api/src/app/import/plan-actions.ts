import {
  ACTION_STATUS_LABELS,
  checkActionDates,
  checkDependencyDates,
  checkStatusProgress,
  findCycle,
  phaseAt,
  TEXT_MAX,
} from '@jalons/domain';
import type { ActionStatus } from '@jalons/domain';

import { ownerViolations, voletViolations } from '../actions';
import { fold, parseDay, parseId, parseProgress, parseStatus, parseTitleList, parseVersion } from './cells';
import type { ActionColumn, MappedSheet, SheetRow } from './columns';
import { Changes, RowCheck } from './row-check';
import type { ActionFields, ActionState, FunctionState, Lookups, PersonState } from './state';

/** A row of the « Actions » sheet read against the roadmap: what the action would become, or why not. */
export interface ActionDraft {
  row: SheetRow<ActionColumn>;
  /** the action's id, or `new:<line>` for a row that creates one */
  key: string;
  current: ActionState | undefined;
  version: number | null;
  fields: ActionFields | null;
  check: RowCheck<ActionColumn>;
  /** the titles the row lists as predecessors; undefined when the sheet has no such column (left as they are) */
  predecessorTitles: string[] | undefined;
  /** the predecessors' keys once resolved */
  predecessors?: string[];
}

const RULE_COLUMNS: Record<string, [ActionColumn, string]> = {
  start: ['start', 'Début'],
  due: ['due', 'Échéance'],
  status: ['status', 'Statut'],
  progress: ['progress', 'Avancement %'],
  volet: ['volet', 'Volet'],
  ownerId: ['owner', 'Responsable'],
  functionId: ['function', 'Fonction'],
};

const REQUIRED = 'obligatoire pour créer une action.';

/** The row's id and version; the id must be one of the roadmap's actions, named once in the file. */
function identify(d: ActionDraft, look: Lookups, seen: Map<string, number>): void {
  const { cells } = d.row;
  const id = d.check.take('id', 'id', parseId(cells.id ?? null));
  if (!id) return;
  d.key = id;
  d.current = look.actionById.get(id);
  if (!d.current)
    d.check.refuse('id', 'id', `aucune action de cette feuille de route n’a l’id ${id} (laissez-le vide pour créer l’action).`);
  else if (seen.has(id)) d.check.refuse('id', 'id', `cette action est déjà à la ligne ${seen.get(id)} du fichier.`);
  seen.set(id, d.row.line);
  d.version = d.check.take('version', 'version', parseVersion(cells.version ?? null)) ?? null;
}

/** Each field: the cell's value when the sheet has the column, the stored one otherwise (a creation's defaults). */
function readFields(d: ActionDraft, look: Lookups) {
  const { cells } = d.row;
  const { check, current } = d;
  const has = (c: ActionColumn) => c in cells;
  const need = <T>(c: ActionColumn, label: string, v: T | undefined | null): T | undefined => {
    if (v === null || (v === undefined && !has(c) && !current)) check.refuse(c, label, current ? 'elle est vide.' : REQUIRED);
    return v ?? undefined;
  };
  const fn: FunctionState | undefined = has('function')
    ? check.take('function', 'Fonction', look.fn(cells.function ?? null))
    : current
      ? look.fnById.get(current.functionId)
      : need('function', 'Fonction', undefined);
  const title = has('title') ? check.title('title', 'Action', cells.title ?? null) : need('title', 'Action', current?.title);
  const description = has('description')
    ? check.text('description', 'Description', cells.description ?? null, 0, TEXT_MAX.description)
    : (current?.description ?? '');
  const day = (c: 'start' | 'due', label: string) =>
    has(c) ? need(c, label, check.take(c, label, parseDay(cells[c] ?? null))) : need(c, label, current?.[c]);
  const start = day('start', 'Début');
  const due = day('due', 'Échéance');
  const status: ActionStatus | undefined = has('status')
    ? check.take('status', 'Statut', parseStatus(cells.status ?? null))
    : (current?.status ?? 'a_lancer');
  const progress = has('progress')
    ? check.take('progress', 'Avancement %', parseProgress(cells.progress ?? null))
    : (current?.progress ?? (status === 'terminee' ? 100 : 0));
  const volet = has('volet') ? check.take('volet', 'Volet', look.volet(cells.volet ?? null, fn)) : (current?.volet ?? null);
  const owner: PersonState | null | undefined = has('owner')
    ? check.take('owner', 'Responsable', look.person(cells.owner ?? null))
    : undefined;
  const ownerId =
    owner === undefined
      ? current
        ? current.ownerId
        : (fn?.ownerId ?? null)
      : owner === null && !current
        ? (fn?.ownerId ?? null)
        : (owner?.id ?? null);
  d.predecessorTitles = has('predecessors') ? parseTitleList(cells.predecessors ?? null) : undefined;
  return { fn, title, description, start, due, status, progress, volet, owner, ownerId };
}

/** A row read against the stored roadmap, its rules checked as the actions service checks them. */
export function draftAction(
  row: SheetRow<ActionColumn>,
  labels: MappedSheet<ActionColumn>['labels'],
  look: Lookups,
  seen: Map<string, number>,
): ActionDraft {
  const d: ActionDraft = {
    row,
    key: `new:${row.line}`,
    current: undefined,
    version: null,
    fields: null,
    check: new RowCheck(labels),
    predecessorTitles: undefined,
  };
  identify(d, look, seen);
  const f = readFields(d, look);
  const { check, current } = d;
  if (f.start && f.due) check.violations(checkActionDates(look.state.roadmap, { start: f.start, due: f.due }), RULE_COLUMNS);
  if (f.status && f.progress !== undefined) check.violations(checkStatusProgress(f.status, f.progress), RULE_COLUMNS);
  if (f.fn && f.volet !== undefined) check.violations(voletViolations(f.fn, f.volet), RULE_COLUMNS);
  if (f.owner && f.owner.id !== current?.ownerId) check.violations(ownerViolations(f.owner), RULE_COLUMNS);
  const phase = f.start && check.reasons.length === 0 ? phaseAt(look.state.phases, f.start) : undefined;
  if (f.start && check.reasons.length === 0 && !phase) {
    check.violations([{ field: 'start', message: 'Aucune phase de la feuille de route ne contient cette date de début.' }], RULE_COLUMNS);
  }
  if (check.reasons.length || !f.fn || !phase || f.title === undefined || f.description === undefined || !f.start || !f.due) return d;
  if (!f.status || f.progress === undefined || f.volet === undefined) return d;
  d.fields = {
    functionId: f.fn.id,
    phaseId: phase.id,
    title: f.title,
    description: f.description,
    volet: f.volet,
    start: f.start,
    due: f.due,
    status: f.status,
    progress: f.progress,
    ownerId: f.ownerId,
  };
  return d;
}

/** Titles → keys over the roadmap as the import leaves it (renamed rows by their new title, created rows included). */
function titleIndex(drafts: readonly ActionDraft[], look: Lookups) {
  const index = (titles: Map<string, string>) => {
    const byTitle = new Map<string, string[]>();
    for (const [key, title] of titles) byTitle.set(fold(title), [...(byTitle.get(fold(title)) ?? []), key]);
    return byTitle;
  };
  const stored = new Map<string, string>(look.state.actions.map((a) => [a.id, a.title]));
  const titleOf = new Map(stored);
  for (const d of drafts) if (d.fields) titleOf.set(d.key, d.fields.title);
  // a title the file renames is still found by its stored one, so the rows naming it need not change too
  const byTitle = index(titleOf);
  const byStoredTitle = index(stored);
  const find = (t: string) => (byTitle.has(fold(t)) ? byTitle.get(fold(t))! : (byStoredTitle.get(fold(t)) ?? []));
  return { find, titleOf };
}

/**
 * The predecessors each row lists, by title (or id), among the actions the roadmap will hold; then
 * the whole graph checked for a cycle, as adding an arrow on the Gantt checks it.
 */
export function resolvePredecessors(drafts: ActionDraft[], look: Lookups): Map<string, string> {
  const { find, titleOf } = titleIndex(drafts, look);
  const label = 'Actions précédentes';
  const stored = new Map(look.state.actions.map((a) => [a.id, a.title]));
  for (const d of drafts) {
    if (!d.predecessorTitles || !d.fields) continue;
    // the cell as the export wrote it: the stored predecessors, even when titles repeat elsewhere in the roadmap
    const exported = d.current?.predecessorIds.map((id) => stored.get(id) ?? id);
    if (exported && exported.join('\n') === d.predecessorTitles.join('\n')) {
      d.predecessors = [...d.current!.predecessorIds];
      continue;
    }
    const keys: string[] = [];
    for (const t of d.predecessorTitles) {
      const found = titleOf.has(t.toLowerCase()) ? [t.toLowerCase()] : find(t);
      if (found.length === 1 && found[0] === d.key)
        d.check.refuse('predecessors', label, `une action ne peut pas se précéder elle-même (« ${t} »).`);
      else if (found.length === 1) keys.push(found[0]);
      else if (found.length > 1) d.check.refuse('predecessors', label, `plusieurs actions s’intitulent « ${t} » : renommez-en une.`);
      else d.check.refuse('predecessors', label, `aucune action ne s’intitule « ${t} » dans cette feuille de route.`);
    }
    d.predecessors = [...new Set(keys)];
  }
  const listed = new Map(drafts.filter((d) => d.predecessors).map((d) => [d.key, d]));
  const edges: [string, string][] = [];
  for (const a of look.state.actions) if (!listed.has(a.id)) for (const p of a.predecessorIds) edges.push([p, a.id]);
  for (const d of listed.values()) for (const p of d.predecessors ?? []) edges.push([p, d.key]);
  const cycle = findCycle(edges);
  if (cycle) {
    const path = [...cycle, cycle[0]].map((k) => `« ${titleOf.get(k) ?? k} »`).join(' → ');
    for (const k of cycle) listed.get(k)?.check.refuse('predecessors', label, `ces actions précédentes formeraient un cycle : ${path}.`);
  }
  // a cycle is the reason to give; their dates are checked once the arrows can exist at all
  else checkNewArrowDates(listed, look);
  return titleOf;
}

/**
 * A new arrow (a predecessor the row adds) obeys the rule of the Gantt's arrows: the action may not
 * start before its predecessor is due (dates as the import leaves them); arrows already there are kept.
 */
function checkNewArrowDates(listed: ReadonlyMap<string, ActionDraft>, look: Lookups): void {
  const stored = new Map(look.state.actions.map((a) => [a.id, a]));
  const dated = (key: string) => listed.get(key)?.fields ?? stored.get(key);
  for (const d of listed.values()) {
    if (!d.fields) continue;
    const before = new Set(d.current?.predecessorIds ?? []);
    for (const p of d.predecessors ?? []) {
      const predecessor = dated(p);
      if (before.has(p) || !predecessor) continue;
      for (const v of checkDependencyDates(predecessor, d.fields)) d.check.refuse('predecessors', 'Actions précédentes', v.message);
    }
  }
}

const dayShown = (v: unknown) => (v ? String(v) : null);

/** What an update row changes, field by field: the history's lines and the plan's. */
export function actionChanges(d: ActionDraft, look: Lookups, titleOf: Map<string, string>): Changes {
  const c = new Changes();
  const cur = d.current!;
  const f = d.fields!;
  const l = (col: ActionColumn, fallback: string) => d.check.label(col, fallback);
  c.ref('function', l('function', 'Fonction'), cur.functionId, f.functionId, (id) => (id ? (look.fnById.get(id)?.name ?? id) : null));
  c.add('title', l('title', 'Action'), cur.title, f.title);
  c.add('description', l('description', 'Description'), cur.description, f.description);
  c.add('volet', l('volet', 'Volet'), cur.volet, f.volet);
  c.add('start', l('start', 'Début'), cur.start, f.start, dayShown);
  c.add('due', l('due', 'Échéance'), cur.due, f.due, dayShown);
  c.add('status', l('status', 'Statut'), cur.status, f.status, (s) => ACTION_STATUS_LABELS[s as ActionStatus]);
  c.add('progress', l('progress', 'Avancement %'), cur.progress, f.progress, (p) => `${p} %`);
  c.ref('owner', l('owner', 'Responsable'), cur.ownerId, f.ownerId, (id) => (id ? (look.personById.get(id)?.name ?? id) : null));
  c.ref('phase', 'Phase', cur.phaseId, f.phaseId, (id) => (id ? (look.phaseById.get(id)?.name ?? id) : null));
  if (d.predecessors) {
    const before = new Set(cur.predecessorIds);
    const after = new Set(d.predecessors);
    const added = d.predecessors.filter((k) => !before.has(k));
    const removed = cur.predecessorIds.filter((k) => !after.has(k));
    const names = (keys: Iterable<string>) => [...keys].map((k) => titleOf.get(k) ?? k).join(' | ') || null;
    if (added.length || removed.length) {
      c.view.push({ field: 'predecessors', label: l('predecessors', 'Actions précédentes'), from: names(before), to: names(after) });
      for (const k of removed) c.history.push(['predecessor', titleOf.get(k) ?? k, null]);
      for (const k of added) c.history.push(['predecessor', null, titleOf.get(k) ?? k]);
    }
  }
  return c;
}

/** Every field of a created action, as the plan shows them. */
export function actionCreation(d: ActionDraft, look: Lookups, titleOf: Map<string, string>): Changes {
  const c = new Changes();
  const f = d.fields!;
  const l = (col: ActionColumn, fallback: string) => d.check.label(col, fallback);
  c.ref('function', l('function', 'Fonction'), null, f.functionId, (id) => (id ? (look.fnById.get(id)?.name ?? id) : null));
  c.add('title', l('title', 'Action'), null, f.title);
  c.add('volet', l('volet', 'Volet'), null, f.volet);
  c.add('start', l('start', 'Début'), null, f.start, dayShown);
  c.add('due', l('due', 'Échéance'), null, f.due, dayShown);
  c.add('status', l('status', 'Statut'), null, f.status, (s) => (s ? ACTION_STATUS_LABELS[s as ActionStatus] : null));
  c.add('progress', l('progress', 'Avancement %'), null, f.progress, (p) => (p === null ? null : `${p} %`));
  c.ref('owner', l('owner', 'Responsable'), null, f.ownerId, (id) => (id ? (look.personById.get(id)?.name ?? id) : null));
  c.ref('phase', 'Phase', null, f.phaseId, (id) => (id ? (look.phaseById.get(id)?.name ?? id) : null));
  if (d.predecessors?.length)
    c.view.push({
      field: 'predecessors',
      label: l('predecessors', 'Actions précédentes'),
      from: null,
      to: d.predecessors.map((k) => titleOf.get(k) ?? k).join(' | '),
    });
  return c;
}
