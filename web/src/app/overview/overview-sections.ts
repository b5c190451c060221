import type { ActionView, FunctionWithRollUpView, MilestoneView, RecentChangeView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { addDays, compareIsoDates, daysBetween } from '@jalons/domain';

import { Translate, french } from '../i18n/i18n';
import { historyValue } from '../items/history-table';
import { formatParisDateTime } from '../shared/paris-time';
import { HISTORY_FIELD_LABELS, STATUS_LABELS } from '../shared/labels';
import { compareText } from '../i18n/format';

/*
 * The rows of the overview's sections « En retard », « Prochains jalons » and « Dernières
 * modifications », from what the API sent: pure functions, in the language of `t`.
 */

/** How many recent changes the overview shows. */
export const RECENT_CHANGES_SHOWN = 10;

/**
 * The « Prochains jalons » windows, in days after the reference day: the next 30 days, then days 31
 * to 90 (their titles say these numbers in words: change both together).
 */
export const UPCOMING_NEAR_DAYS = 30;
export const UPCOMING_FAR_DAYS = 90;

/** Late actions and the unachieved milestones up to UPCOMING_FAR_DAYS ahead (including the late ones). */
export interface Watch {
  actions: ActionView[];
  milestones: MilestoneView[];
}

/** The functions of the roadmap by id: their names, and who answers for their milestones. */
export type FunctionsById = ReadonlyMap<string, Pick<FunctionWithRollUpView, 'name' | 'owner'>>;

/** A late action or milestone, as the « En retard » table shows it. */
export interface LateRow {
  key: string;
  /** « Action » or « Jalon », in the language of the interface */
  kind: string;
  title: string;
  link: string[];
  functionName: string;
  due: IsoDate;
  daysLate: number;
  owner: string;
  state: string;
  progress: number | null;
}

export interface UpcomingRow {
  id: string;
  title: string;
  date: IsoDate;
  functionName: string;
}

export interface UpcomingGroup {
  id: '30' | '90';
  title: string;
  /** last day of the window */
  until: IsoDate;
  rows: UpcomingRow[];
}

export interface ChangeRow {
  id: string;
  when: string;
  who: string;
  /** « Action » or « Jalon », in the language of the interface */
  kind: string;
  title: string;
  /** null when the item no longer exists */
  link: string[] | null;
  what: string;
  comment: string;
}

const byDateThenTitle = (a: { date: IsoDate; title: string }, b: { date: IsoDate; title: string }): number =>
  compareIsoDates(a.date, b.date) || compareText(a.title, b.title);

/** Late actions and milestones on day `at`, most overdue first. */
export function lateRows(watch: Watch, at: IsoDate, fns: FunctionsById, t: Translate = french): LateRow[] {
  const actions = watch.actions
    .filter((a) => compareIsoDates(a.due, at) < 0)
    .map(
      (a): LateRow => ({
        key: `action-${a.id}`,
        kind: t('Action'),
        title: a.title,
        link: ['/actions', a.id],
        functionName: fns.get(a.functionId)?.name ?? '—',
        due: a.due,
        daysLate: daysBetween(a.due, at),
        owner: a.owner?.name ?? t('À désigner'),
        state: t(STATUS_LABELS[a.status]),
        progress: a.progress,
      }),
    );
  // a milestone's own owner, else its function's référent·e
  const milestones = watch.milestones
    .filter((m) => m.achievedOn === null && compareIsoDates(m.date, at) < 0)
    .map(
      (m): LateRow => ({
        key: `milestone-${m.id}`,
        kind: t('Jalon'),
        title: m.title,
        link: ['/jalons', m.id],
        functionName: fns.get(m.functionId)?.name ?? '—',
        due: m.date,
        daysLate: daysBetween(m.date, at),
        owner: m.owner?.name ?? fns.get(m.functionId)?.owner?.name ?? t('À désigner'),
        state: t('Non atteint'),
        progress: null,
      }),
    );
  return [...actions, ...milestones].sort((a, b) => compareIsoDates(a.due, b.due) || compareText(a.title, b.title));
}

/** Unachieved milestones of the next 30 days after `at` (included), then of days 31 to 90. */
export function upcomingGroups(
  milestones: readonly MilestoneView[],
  at: IsoDate,
  fns: FunctionsById,
  t: Translate = french,
): UpcomingGroup[] {
  const near = addDays(at, UPCOMING_NEAR_DAYS);
  const far = addDays(at, UPCOMING_FAR_DAYS);
  const rows = milestones
    .filter((m) => m.achievedOn === null && compareIsoDates(m.date, at) >= 0)
    .sort(byDateThenTitle)
    .map(
      (m): UpcomingRow => ({
        id: m.id,
        title: m.title,
        date: m.date,
        functionName: fns.get(m.functionId)?.name ?? '—',
      }),
    );
  return [
    {
      id: '30',
      title: t('Dans les 30 prochains jours'),
      until: near,
      rows: rows.filter((r) => compareIsoDates(r.date, near) <= 0),
    },
    {
      id: '90',
      title: t('Du 31e au 90e jour'),
      until: far,
      rows: rows.filter((r) => compareIsoDates(r.date, near) > 0 && compareIsoDates(r.date, far) <= 0),
    },
  ];
}

/** What a change did, in the language of `t`: « Statut : À lancer → En cours ». */
export function describeChange(change: Pick<RecentChangeView, 'field' | 'from' | 'to'>, t: Translate = french): string {
  const label = t(HISTORY_FIELD_LABELS[change.field] ?? change.field);
  switch (change.field) {
    case 'created':
      return change.to ? `${label} (${historyValue('created', change.to, t)})` : label;
    case 'deleted':
    case 'comment':
      return label;
    default:
      return t('{field} : {from} → {to}', {
        field: label,
        from: historyValue(change.field, change.from, t),
        to: historyValue(change.field, change.to, t),
      });
  }
}

/** The latest changes, newest first; a deleted item is named without a link. */
export function changeRows(changes: readonly RecentChangeView[], t: Translate = french): ChangeRow[] {
  const deleted = new Set(changes.filter((e) => e.field === 'deleted').map((e) => e.itemId));
  return [...changes]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, RECENT_CHANGES_SHOWN)
    .map(
      (e): ChangeRow => ({
        id: e.id,
        when: formatParisDateTime(e.at, t.lang),
        who: e.actor?.name ?? '—',
        kind: e.itemType === 'action' ? t('Action') : t('Jalon'),
        title: e.itemTitle ?? t('Sans titre'),
        link: deleted.has(e.itemId) ? null : [e.itemType === 'action' ? '/actions' : '/jalons', e.itemId],
        what: describeChange(e, t),
        comment: e.comment ?? '—',
      }),
    );
}
