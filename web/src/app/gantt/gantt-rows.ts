import type { ChronogramActionView, ChronogramMilestoneView, ChronogramView, FunctionWithRollUpView } from '@jalons/contract';
import type { ActionStatus, Health, IsoDate, MilestoneState } from '@jalons/domain';
import { formatFrDate, fromDayNumber, isOverdue, itemHealth, spanDays, toDayNumber } from '@jalons/domain';
import type { FrappeTask } from 'frappe-gantt';

import { Translate, french, tKey } from '../i18n/i18n';
import { HEALTH_LABELS } from '../shared/labels';

/**
 * The rows of the chart, in one pass over the chronogram: per function (in function order) a
 * header row, then — unless the function is collapsed — its actions and milestones by date.
 * The left-hand list and frappe's tasks are built from the SAME array, so row i of the list is
 * task i of the chart (frappe places task i on row i).
 */

export const STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  a_lancer: tKey('À lancer'),
  en_cours: tKey('En cours'),
  bloquee: tKey('Bloquée'),
  terminee: tKey('Terminée'),
  abandonnee: tKey('Abandonnée'),
};

export const MILESTONE_STATE_LABELS: Readonly<Record<MilestoneState, string>> = {
  achieved: tKey('Atteint'),
  late: tKey('En retard'),
  upcoming: tKey('À venir'),
};

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

export interface ActionRow {
  kind: 'action';
  key: string;
  taskId: string;
  id: string;
  functionId: string;
  title: string;
  start: IsoDate;
  due: IsoDate;
  status: ActionStatus;
  statusLabel: string;
  /** 0–100, whole percent */
  progress: number;
  ownerName: string | null;
  health: Health | null;
  overdue: boolean;
  look: ActionLook;
  color: string;
  version: number;
  predecessorIds: string[];
  /** what the left-hand list shows under the title: owner · status (· health) */
  meta: string;
}

export interface MilestoneRow {
  kind: 'milestone';
  key: string;
  taskId: string;
  id: string;
  functionId: string;
  title: string;
  date: IsoDate;
  achievedOn: IsoDate | null;
  state: MilestoneState;
  statusLabel: string;
  ownerName: string | null;
  color: string;
  version: number;
  /** what the left-hand list shows under the title: date · state */
  meta: string;
}

export type ItemRow = ActionRow | MilestoneRow;
export type GanttRow = GroupRow | ItemRow;

const FALLBACK_COLOR = '#5b6472';
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A colour we are willing to write into a style: #rgb or #rrggbb, else a neutral grey. */
export function safeColor(color: string | null | undefined): string {
  return color && HEX_COLOR.test(color) ? color.toLowerCase() : FALLBACK_COLOR;
}

/** `color` mixed with white (share of white 0–1), as #rrggbb: the light body of a bar. */
export function tint(color: string, white = 0.72): string {
  let hex = safeColor(color).slice(1);
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  const mix = (i: number): string => {
    const c = parseInt(hex.slice(i, i + 2), 16);
    return Math.round(c + (255 - c) * white)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${mix(0)}${mix(2)}${mix(4)}`;
}

/** An id usable in a CSS class / selector (frappe builds `.highlight-<id>` selectors from it). */
function cssSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

function clampPercent(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, Math.round(n)));
}

export function actionLook(action: ChronogramActionView, at: IsoDate): ActionLook {
  if (action.status === 'abandonnee') return 'abandoned';
  if (action.status === 'terminee') return 'done';
  const health = itemHealth(action, at);
  if (health === 'late') return 'late';
  if (action.status === 'bloquee') return 'blocked';
  return health === 'at_risk' ? 'at-risk' : 'normal';
}

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
  const at = view.roadmap.at;
  const persons = new Map(view.persons.map((p) => [p.id, p.name]));
  const functions = [...view.functions].sort((a, b) => a.order - b.order);
  const fnById = new Map<string, FunctionWithRollUpView>(functions.map((f) => [f.id, f]));
  const usedIds = new Set<string>();
  const uniqueId = (raw: string): string => {
    let id = raw;
    for (let n = 2; usedIds.has(id); n++) id = `${raw}_${n}`;
    usedIds.add(id);
    return id;
  };

  const byFunction = new Map<string, Sortable[]>();
  const push = (fnId: string, s: Sortable): void => {
    const list = byFunction.get(fnId);
    if (list) list.push(s);
    else byFunction.set(fnId, [s]);
  };

  const predecessors = new Map<string, Set<string>>();
  const link = (pred: string, succ: string): void => {
    const set = predecessors.get(succ);
    if (set) set.add(pred);
    else predecessors.set(succ, new Set([pred]));
  };
  for (const d of view.dependencies) link(d.predecessorId, d.successorId);
  for (const a of view.actions) for (const p of a.predecessorIds ?? []) link(p, a.id);

  for (const a of view.actions) {
    const fn = fnById.get(a.functionId);
    if (!fn) continue;
    push(a.functionId, {
      day: toDayNumber(a.start),
      kind: 0,
      title: a.title,
      row: actionRow(a, fn, at, persons, predecessors, uniqueId, t),
    });
  }
  for (const m of view.milestones) {
    const fn = fnById.get(m.functionId);
    if (!fn) continue;
    push(m.functionId, {
      day: toDayNumber(m.date),
      kind: 1,
      title: m.title,
      row: milestoneRow(m, fn, uniqueId, t),
    });
  }

  const rows: GanttRow[] = [];
  for (const fn of functions) {
    const items = byFunction.get(fn.id) ?? [];
    items.sort((a, b) => a.day - b.day || a.kind - b.kind || a.title.localeCompare(b.title, 'fr'));
    let first: IsoDate | null = null;
    let last: IsoDate | null = null;
    for (const { row } of items) {
      const start = row.kind === 'action' ? row.start : row.date;
      const due = row.kind === 'action' ? row.due : row.date;
      if (first === null || start < first) first = start;
      if (last === null || due > last) last = due;
    }
    const span = first !== null && last !== null ? { start: first, due: last } : null;
    const isCollapsed = collapsed.has(fn.id);
    rows.push({
      kind: 'group',
      key: `g:${fn.id}`,
      taskId: uniqueId(`g-${cssSafe(fn.id)}`),
      functionId: fn.id,
      name: fn.name,
      color: safeColor(fn.color),
      progress: clampPercent(fn.rollUp.progress),
      itemCount: items.length,
      collapsed: isCollapsed,
      span,
    });
    if (!isCollapsed) for (const { row } of items) rows.push(row);
  }
  return rows;
}

function actionRow(
  a: ChronogramActionView,
  fn: FunctionWithRollUpView,
  at: IsoDate,
  persons: Map<string, string>,
  predecessors: Map<string, Set<string>>,
  uniqueId: (raw: string) => string,
  t: Translate,
): ActionRow {
  const row: ActionRow = {
    kind: 'action',
    key: `a:${a.id}`,
    taskId: uniqueId(`a-${cssSafe(a.id)}`),
    id: a.id,
    functionId: a.functionId,
    title: a.title,
    start: a.start,
    due: a.due,
    status: a.status,
    statusLabel: t(STATUS_LABELS[a.status] ?? a.status),
    progress: a.status === 'terminee' ? 100 : clampPercent(a.progress),
    ownerName: (a.ownerId && persons.get(a.ownerId)) || null,
    health: itemHealth(a, at),
    overdue: isOverdue(a, at),
    look: actionLook(a, at),
    color: safeColor(fn.color),
    version: a.version,
    predecessorIds: [...(predecessors.get(a.id) ?? [])],
    meta: '',
  };
  row.meta = itemMeta(row, t);
  return row;
}

function milestoneRow(
  m: ChronogramMilestoneView,
  fn: FunctionWithRollUpView,
  uniqueId: (raw: string) => string,
  t: Translate,
): MilestoneRow {
  const row: MilestoneRow = {
    kind: 'milestone',
    key: `m:${m.id}`,
    taskId: uniqueId(`m-${cssSafe(m.id)}`),
    id: m.id,
    functionId: m.functionId,
    title: m.title,
    date: m.date,
    achievedOn: m.achievedOn,
    state: m.state,
    statusLabel: t(MILESTONE_STATE_LABELS[m.state] ?? m.state),
    ownerName: fn.owner?.name ?? null,
    color: safeColor(fn.color),
    version: m.version,
    meta: '',
  };
  row.meta = itemMeta(row, t);
  return row;
}

/** Longest bar frappe accepts (it drops tasks of more than ten years, which would shift rows). */
const MAX_SPAN_DAYS = 3_600;

/** Narrow no-break space before « % », as fr-FR writes it. */
export const PERCENT = '\u202f%';

/** « 80 % » in French, « 80% » in English. */
function percent(n: number, t: Translate): string {
  return t.lang === 'fr' ? `${n}${PERCENT}` : `${n}%`;
}

/**
 * frappe-gantt tasks for the rows: fresh objects on every call (frappe writes into them while
 * dragging, and the chronogram input must stay the only truth). Dependencies are kept only when
 * both ends are on screen (frappe throws on a dependency to a missing bar).
 */
export function buildTasks(rows: readonly GanttRow[], fallbackDay: IsoDate, t: Translate = french): FrappeTask[] {
  const taskIdOfAction = new Map<string, string>();
  for (const row of rows) if (row.kind === 'action') taskIdOfAction.set(row.id, row.taskId);

  return rows.map((row): FrappeTask => {
    switch (row.kind) {
      case 'group': {
        const span = row.span ?? { start: fallbackDay, due: fallbackDay };
        return {
          id: row.taskId,
          name: '',
          start: span.start,
          end: safeEnd(span.start, span.due),
          progress: row.progress,
          custom_class: row.span ? 'jl-bar--group' : 'jl-bar--group-empty',
          color: tint(row.color, 0.8),
          color_progress: tint(row.color, 0.35),
          dependencies: [],
        };
      }
      case 'action': {
        const dependencies: string[] = [];
        for (const p of row.predecessorIds) {
          const taskId = taskIdOfAction.get(p);
          if (taskId) dependencies.push(taskId);
        }
        return {
          id: row.taskId,
          name: escapeHtml(row.look === 'done' ? `✓ ${percent(100, t)}` : percent(row.progress, t)),
          start: row.start,
          end: safeEnd(row.start, row.due),
          progress: row.progress,
          custom_class: `jl-bar--${row.look}`,
          color: row.look === 'abandoned' ? '#eceef1' : tint(row.color),
          color_progress: row.look === 'abandoned' ? '#b8bec8' : row.color,
          dependencies,
        };
      }
      case 'milestone':
        return {
          id: row.taskId,
          name: '',
          start: row.date,
          end: row.date,
          progress: 0,
          custom_class: `jl-ms--${row.state}`,
          color: 'transparent',
          dependencies: [],
        };
    }
  });
}

/** A due day frappe accepts: not before the start, not more than ~ten years after it. */
function safeEnd(start: IsoDate, due: IsoDate): IsoDate {
  const days = spanDays(start, due);
  if (days < 1) return start;
  if (days > MAX_SPAN_DAYS) {
    return fromDayNumber(toDayNumber(start) + MAX_SPAN_DAYS - 1);
  }
  return due;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** frappe writes names and popups with innerHTML: everything we give it goes through this. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** What a screen reader hears for the chart (the list beside it carries the details). */
export function chartSummary(view: ChronogramView, t: Translate = french): string {
  const at = view.roadmap.at;
  let lateActions = 0;
  for (const a of view.actions) if (itemHealth(a, at) === 'late') lateActions++;
  let lateMilestones = 0;
  for (const m of view.milestones) if (m.state === 'late') lateMilestones++;
  const late = (n: number): string => (n > 0 ? ` ${t('dont {late} en retard', { late: n })}` : '');
  return t('Chronogramme : {actions}{lateActions}, {milestones}{lateMilestones}, du {start} au {end}', {
    actions: t('{n} action|{n} actions', { n: view.actions.length }),
    lateActions: late(lateActions),
    milestones: t('{n} jalon|{n} jalons', { n: view.milestones.length }),
    lateMilestones: late(lateMilestones),
    start: formatFrDate(view.roadmap.start),
    end: formatFrDate(view.roadmap.end),
  });
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

/** The hover card of a bar, in the language of `t`, every value escaped. */
export function popupParts(
  row: GanttRow,
  functionName: string,
  t: Translate = french,
): { title: string; subtitle: string; details: string } {
  switch (row.kind) {
    case 'group':
      return {
        title: escapeHtml(row.name),
        subtitle: escapeHtml(t('{n} élément|{n} éléments', { n: row.itemCount })),
        details: escapeHtml(t('Avancement : {progress}', { progress: percent(row.progress, t) })),
      };
    case 'action': {
      const days = Math.max(1, spanDays(row.start, row.due));
      const lines = [
        t('Du {start} au {end} ({days})', {
          start: formatFrDate(row.start),
          end: formatFrDate(row.due),
          days: t('{n} jour|{n} jours', { n: days }),
        }),
        t('Avancement : {progress}', { progress: percent(row.progress, t) }),
        t('Responsable : {name}', { name: row.ownerName ?? t('aucun') }),
      ];
      if (row.health) lines.push(t('Santé : {health}', { health: t(HEALTH_LABELS[row.health]) }));
      return {
        title: escapeHtml(row.title),
        subtitle: escapeHtml(`${functionName} · ${row.statusLabel}`),
        details: lines.map(escapeHtml).join('<br>'),
      };
    }
    case 'milestone': {
      const lines = [t('Prévu le {date}', { date: formatFrDate(row.date) })];
      if (row.achievedOn) lines.push(t('Atteint le {date}', { date: formatFrDate(row.achievedOn) }));
      return {
        title: escapeHtml(row.title),
        subtitle: escapeHtml(
          t('Jalon · {function} · {state}', {
            function: functionName,
            state: row.statusLabel,
          }),
        ),
        details: lines.map(escapeHtml).join('<br>'),
      };
    }
  }
}
