import type { EntityManager } from '@mikro-orm/postgresql';
import { checkStatusProgress } from '@jalons/domain';
import type { ActionStatus, IsoDate } from '@jalons/domain';

/** What writing the history reads of a roadmap's plan (instantiate.ts's RoadmapPlan has it; named here so this file does not import the planner that imports it). */
interface HistoryPlan {
  roadmap: { kitCode: string };
  actions: ReadonlyArray<{ id: string; kitKey: string }>;
  milestones: ReadonlyArray<{ id: string; kitKey: string }>;
  history?: PlannedHistory;
}

/*
 * A roadmap file's past (docs/progress.md): the day its plan was entered and the dated status,
 * progress and achievement updates of its items by their owners. Loaded as history lines at 10:00
 * Europe/Paris of their day, so that roll-ups at a past date and the S-curve have a story to replay
 * (ADR 0020). Each item's chain of updates must end at its state in `items`.
 */

/** One dated update of an item: an action's status and progress, or a milestone's achievement. */
export interface SeedUpdate {
  item: string;
  on: IsoDate;
  /** a person key of the file */
  by: string;
  status?: ActionStatus;
  progress?: number;
  achievedOn?: IsoDate;
  comment?: string;
}

export interface SeedHistory {
  /** the day the plan was entered: every item's creation line is dated then */
  since: IsoDate;
  updates: SeedUpdate[];
}

/** What the file's `history` becomes in the plan: e-mails for person keys, each item's state before its first update. */
export interface PlannedHistory {
  since: IsoDate;
  updates: Array<Omit<SeedUpdate, 'by'> & { byEmail: string | null }>;
}

interface HistoryFile {
  history?: SeedHistory;
  persons: Array<{ key: string; email: string }>;
  items?: Record<string, { status: ActionStatus; progress: number; comment?: string } | { achievedOn: IsoDate }>;
}

/** The kit's keys an update may name. */
export interface HistoryKit {
  actionKeys: ReadonlySet<string>;
  milestoneKeys: ReadonlySet<string>;
}

const describe = (s: { status: string; progress: number }) => `${s.status} ${s.progress} %`;

/** The updates grouped by item, in the file's order. */
function byItem(updates: readonly SeedUpdate[]): Map<string, Array<[SeedUpdate, number]>> {
  const items = new Map<string, Array<[SeedUpdate, number]>>();
  updates.forEach((u, i) => items.set(u.item, [...(items.get(u.item) ?? []), [u, i]]));
  return items;
}

/** Every problem of the file's history: unknown items or persons, days out of order, a chain that does not end at the item's state. */
export function historyProblems(file: HistoryFile, kit: HistoryKit): Array<{ path: string; problem: string }> {
  const h = file.history;
  if (!h) return [];
  const problems: Array<{ path: string; problem: string }> = [];
  const persons = new Set(file.persons.map((p) => p.key));
  for (const [key, list] of byItem(h.updates)) {
    const action = kit.actionKeys.has(key);
    if (!action && !kit.milestoneKeys.has(key)) {
      problems.push({ path: `/history/updates/${list[0][1]}/item`, problem: `no action or milestone "${key}" in the kit` });
      continue;
    }
    let state = { status: 'a_lancer', progress: 0 };
    let achievedOn: IsoDate | null = null;
    let last = '';
    for (const [u, i] of list) {
      const path = `/history/updates/${i}`;
      if (!persons.has(u.by)) problems.push({ path: `${path}/by`, problem: `unknown person "${u.by}"` });
      if (u.on < h.since) problems.push({ path: `${path}/on`, problem: `« ${key} » : ${u.on} is before the history's start (${h.since})` });
      if (u.on <= last)
        problems.push({
          path: `${path}/on`,
          problem: `« ${key} » : ${u.on} does not come after its previous update (one a day, in order)`,
        });
      last = u.on;
      if (action) {
        if (u.achievedOn !== undefined) problems.push({ path, problem: `« ${key} » is an action: status and progress, not achievedOn` });
        state = { status: u.status ?? state.status, progress: u.progress ?? state.progress };
        for (const v of checkStatusProgress(state.status as ActionStatus, state.progress)) {
          problems.push({ path, problem: `« ${key} » on ${u.on}: ${v.message}` });
        }
      } else {
        if (u.status !== undefined || u.progress !== undefined || !u.achievedOn)
          problems.push({ path, problem: `« ${key} » is a milestone: achievedOn only` });
        achievedOn = u.achievedOn ?? achievedOn;
      }
    }
    const now = file.items?.[key];
    if (action) {
      const end = now && 'status' in now ? now : { status: 'a_lancer', progress: 0 };
      if (end.status !== state.status || end.progress !== state.progress) {
        problems.push({
          path: `/history/updates/${list[list.length - 1][1]}`,
          problem: `l’historique de « ${key} » finit à ${describe(state)}, l’élément est à ${describe(end)} dans items`,
        });
      }
    } else {
      const end = now && 'achievedOn' in now ? now.achievedOn : null;
      if (end !== achievedOn) {
        problems.push({
          path: `/history/updates/${list[list.length - 1][1]}`,
          problem: `l’historique de « ${key} » le dit atteint le ${achievedOn ?? '(jamais)'}, l’élément l’est le ${end ?? '(jamais)'} dans items`,
        });
      }
    }
  }
  return problems;
}

/** The file's history for the plan (checked by `historyProblems` when the file was loaded); the final update carries the item's comment if it has none. */
export function historyOf(file: HistoryFile): PlannedHistory | undefined {
  const h = file.history;
  if (!h) return undefined;
  const email = new Map(file.persons.map((p) => [p.key, p.email]));
  const lastOf = new Map(h.updates.map((u, i) => [u.item, i]));
  return {
    since: h.since,
    updates: h.updates.map(({ by, ...u }, i) => {
      const state = file.items?.[u.item];
      const itemComment = state && 'comment' in state ? state.comment : undefined;
      return { ...u, comment: u.comment ?? (lastOf.get(u.item) === i ? itemComment : undefined), byEmail: email.get(by) ?? null };
    }),
  };
}

interface LineWrite {
  item_type: 'action' | 'milestone';
  item_id: string;
  email: string | null;
  day: IsoDate;
  field: string;
  from_value: string | null;
  to_value: string | null;
  comment: string | null;
}

/** The history lines of the updates: one per changed field, the value before and after, as the services write them. */
function lineWrites(plan: HistoryPlan, history: PlannedHistory): { lines: LineWrite[]; firstStates: Map<string, string | null> } {
  const ids = new Map<string, { type: 'action' | 'milestone'; id: string }>([
    ...plan.actions.map((a) => [a.kitKey, { type: 'action' as const, id: a.id }] as const),
    ...plan.milestones.map((m) => [m.kitKey, { type: 'milestone' as const, id: m.id }] as const),
  ]);
  const states = new Map<string, { status: string; progress: number; achievedOn: IsoDate | null }>();
  const firstStates = new Map<string, string | null>();
  const lines: LineWrite[] = [];
  for (const u of history.updates) {
    const item = ids.get(u.item);
    if (!item) continue;
    const before = states.get(u.item) ?? { status: 'a_lancer', progress: 0, achievedOn: null };
    if (!states.has(u.item)) firstStates.set(item.id, item.type === 'action' ? describe(before) : null);
    const after = {
      status: u.status ?? before.status,
      progress: u.progress ?? before.progress,
      achievedOn: u.achievedOn ?? before.achievedOn,
    };
    states.set(u.item, after);
    const line = (field: string, from: string | null, to: string | null): LineWrite => ({
      item_type: item.type,
      item_id: item.id,
      email: u.byEmail,
      day: u.on,
      field,
      from_value: from,
      to_value: to,
      comment: u.comment ?? null,
    });
    const changed: LineWrite[] = [];
    if (after.status !== before.status) changed.push(line('status', before.status, after.status));
    if (after.progress !== before.progress) changed.push(line('progress', String(before.progress), String(after.progress)));
    if (after.achievedOn !== before.achievedOn) changed.push(line('achievedOn', before.achievedOn, after.achievedOn));
    lines.push(...(changed.length ? changed : [line('comment', null, null)]));
  }
  return { lines, firstStates };
}

/**
 * Writes the plan's history in the seed's transaction: the creation lines dated on `since` (an item
 * with updates created as it stood before the first one, with the kit's comment), then one line per
 * changed field of each update, by its owner, at 10:00 Europe/Paris of its day.
 */
export async function writeHistory(tx: EntityManager, plan: HistoryPlan, roadmapId: string): Promise<void> {
  const history = plan.history;
  if (!history) return;
  const { lines, firstStates } = lineWrites(plan, history);
  const tenOClock = (param: string) => `((${param})::date + time '10:00') at time zone 'Europe/Paris'`;
  await tx.execute(`update change_history set at = ${tenOClock('?')} where roadmap_id = ? and field = 'created'`, [
    history.since,
    roadmapId,
  ]);
  const firsts = [...firstStates].map(([item_id, to_value]) => ({ item_id, to_value }));
  if (firsts.length) {
    await tx.execute(
      `update change_history h set to_value = x.to_value, comment = case h.item_type when 'action' then ? else ? end
         from jsonb_to_recordset(?::jsonb) as x(item_id uuid, to_value text)
        where h.roadmap_id = ? and h.item_id = x.item_id and h.field = 'created'`,
      [`Créée depuis le kit (${plan.roadmap.kitCode})`, `Créé depuis le kit (${plan.roadmap.kitCode})`, JSON.stringify(firsts), roadmapId],
    );
  }
  if (!lines.length) return;
  await tx.execute(
    `insert into change_history (id, roadmap_id, item_type, item_id, actor_id, at, field, from_value, to_value, comment)
     select gen_random_uuid(), ?, x.item_type, x.item_id, (select a.id from account a where lower(a.email) = lower(x.email)),
            ${tenOClock('x.day')}, x.field, x.from_value, x.to_value, x.comment
       from jsonb_to_recordset(?::jsonb)
         as x(item_type text, item_id uuid, email text, day text, field text, from_value text, to_value text, comment text)`,
    [roadmapId, JSON.stringify(lines)],
  );
}
