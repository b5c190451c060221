import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { expectedProgress, isOverdue, itemHealth, milestoneState, phaseAt, rollUp } from '@jalons/domain';
import type { IsoDate, MilestoneItem, MilestoneState, ProgressItem, ReminderRules, RollUp } from '@jalons/domain';
import type {
  ActionFilterDto,
  ActionView,
  ChronogramActionView,
  ChronogramMilestoneView,
  ChronogramView,
  DependencyView,
  FunctionWithRollUpView,
  HistoryEntryView,
  MilestoneCounts,
  MilestoneFilterDto,
  MilestoneView,
  PersonView,
  PhaseWithRollUpView,
  RecentChangeView,
  RoadmapDetailView,
  RoadmapSummaryView,
} from '@jalons/contract';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { ApiException } from '../../infra/http/errors';

const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

interface RoadmapRow {
  id: string;
  slug: string;
  territory: string;
  mandate_label: string;
  election_dates: IsoDate[];
  next_election_date: IsoDate;
  start_date: IsoDate;
  end_date: IsoDate;
  project_lead_id: string | null;
  public_page: boolean;
  version: number;
  reminder_rules: ReminderRules;
}
interface ActionRow {
  id: string;
  roadmap_id: string;
  function_id: string;
  phase_id: string;
  kit_key: string | null;
  title: string;
  description: string;
  volet: ActionView['volet'];
  start_date: IsoDate;
  due_date: IsoDate;
  status: ActionView['status'];
  progress: number;
  owner_id: string | null;
  version: number;
  updated_at: string;
  predecessor_ids: string[];
}
interface MilestoneRow {
  id: string;
  roadmap_id: string;
  function_id: string;
  phase_id: string;
  kit_key: string | null;
  title: string;
  description: string;
  milestone_date: IsoDate;
  achieved_on: IsoDate | null;
  version: number;
  updated_at: string;
}

interface PhaseRow {
  id: string;
  code: PhaseWithRollUpView['code'];
  name: string;
  description: string;
  position: number;
  start_date: IsoDate;
  end_date: IsoDate;
}
interface FunctionRow {
  id: string;
  code: string;
  name: string;
  family: FunctionWithRollUpView['family'];
  central: boolean;
  description: string;
  volets: FunctionWithRollUpView['volets'];
  owner_id: string | null;
  color: string;
  position: number;
}
const PREDECESSORS = `coalesce((select array_agg(d.predecessor_id::text order by d.predecessor_id)
                 from action_dependency d where d.successor_id = a.id), '{}') as predecessor_ids`;

/** The chronogram's bars, read with the contract's (camelCase) names so the rows are the views themselves. */
const GANTT_ACTION_SQL = (oneFunction: boolean) => `
select a.id, a.function_id as "functionId", a.phase_id as "phaseId", a.title, a.volet, a.start_date as start, a.due_date as due,
       a.status, a.progress, a.owner_id as "ownerId", ${PREDECESSORS.replace('predecessor_ids', '"predecessorIds"')}, a.version
from action a join target_function f on f.id = a.function_id where a.roadmap_id = ?${oneFunction ? ' and a.function_id = ?' : ''}
order by f.position, a.start_date, a.due_date, a.title, a.id`;
const GANTT_MILESTONE_SQL = `
select m.id, m.function_id as "functionId", m.phase_id as "phaseId", m.title, m.milestone_date as date,
       m.achieved_on as "achievedOn", m.version
from milestone m join target_function f on f.id = m.function_id where m.roadmap_id = ?
order by f.position, m.milestone_date, m.title, m.id`;
/** Everyone a chronogram names: the project lead, the shown functions' owners, the shown actions' owners. */
const CHRONOGRAM_PERSONS_SQL = (oneFunction: boolean) => `
select p.id, p.name, p.email from account p
where p.id in (select owner_id from action where roadmap_id = ?${oneFunction ? ' and function_id = ?' : ''}
               union select owner_id from target_function where roadmap_id = ?${oneFunction ? ' and id = ?' : ''}
               union select project_lead_id from roadmap where id = ?)
order by p.name`;

const ACTION_SQL = `
select a.id, a.roadmap_id, a.function_id, a.phase_id, a.kit_key, a.title, a.description, a.volet,
       a.start_date, a.due_date, a.status, a.progress, a.owner_id, a.version,
       to_char(a.updated_at at time zone 'UTC', ${ISO_INSTANT}) as updated_at,
       ${PREDECESSORS}
from action a join target_function f on f.id = a.function_id`;
const ACTION_ORDER = ' order by f.position, a.start_date, a.due_date, a.title, a.id';

const MILESTONE_SQL = `
select m.id, m.roadmap_id, m.function_id, m.phase_id, m.kit_key, m.title, m.description, m.milestone_date,
       m.achieved_on, m.version, to_char(m.updated_at at time zone 'UTC', ${ISO_INSTANT}) as updated_at
from milestone m join target_function f on f.id = m.function_id`;
const MILESTONE_ORDER = ' order by f.position, m.milestone_date, m.title, m.id';

interface Grouped {
  all: ProgressItem[];
  byPhase: Map<string, ProgressItem[]>;
  byFunction: Map<string, ProgressItem[]>;
  byFunctionPhase: Map<string, ProgressItem[]>;
  rollUp(items: ProgressItem[] | undefined): RollUp;
}

/** What a roll-up needs of an action: its progress and where it belongs. */
type GroupRow = ProgressItem & { functionId: string; phaseId: string };

/** Actions grouped once by phase, by function and by both, for the roll-ups. */
function group(rows: readonly GroupRow[], at: IsoDate): Grouped {
  const g: Grouped = {
    all: [],
    byPhase: new Map(),
    byFunction: new Map(),
    byFunctionPhase: new Map(),
    rollUp: (items) => rollUp(items ?? [], at),
  };
  const push = (m: Map<string, ProgressItem[]>, k: string, item: ProgressItem) => {
    const list = m.get(k);
    if (list) list.push(item);
    else m.set(k, [item]);
  };
  for (const r of rows) {
    g.all.push(r);
    push(g.byPhase, r.phaseId, r);
    push(g.byFunction, r.functionId, r);
    push(g.byFunctionPhase, `${r.functionId}/${r.phaseId}`, r);
  }
  return g;
}

interface HistoryRow {
  id: string;
  item_type: 'action' | 'milestone';
  item_id: string;
  actor_id: string | null;
  at: string;
  field: string;
  from_value: string | null;
  to_value: string | null;
  comment: string | null;
}

function historyView(r: HistoryRow, persons: Map<string, PersonView>): HistoryEntryView {
  return {
    id: r.id,
    itemType: r.item_type,
    itemId: r.item_id,
    actor: (r.actor_id && persons.get(r.actor_id)) || null,
    at: r.at,
    field: r.field,
    from: r.from_value,
    to: r.to_value,
    comment: r.comment,
  };
}

function counts(ms: ReadonlyArray<{ state: MilestoneState }>): MilestoneCounts {
  return {
    total: ms.length,
    achieved: ms.filter((m) => m.state === 'achieved').length,
    late: ms.filter((m) => m.state === 'late').length,
  };
}

/**
 * Reads of roadmaps, phases, functions, actions and milestones, in plain SQL shaped straight into
 * the contract's views (the chronogram of a large roadmap must stay close to the raw query's
 * time). Roll-ups and health come from the domain library, on both sides the same.
 */
@Injectable()
export class RoadmapReadModel {
  /** serialised chronograms by roadmap, day and function, with the roadmap revision they were read at */
  private readonly chronograms = new Map<string, { revision: number; json: string }>();

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'chronogramCacheSize'>,
  ) {}

  private sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(query, params as never[]);
  }

  async listRoadmaps(): Promise<RoadmapSummaryView[]> {
    const rows = await this.sql<RoadmapRow>('select * from roadmap order by start_date desc, territory');
    const persons = await this.persons(rows.map((r) => r.project_lead_id));
    return rows.map((r) => this.summary(r, persons));
  }

  async roadmapRow(id: string): Promise<RoadmapRow> {
    const [row] = await this.sql<RoadmapRow>('select * from roadmap where id = ?', [id]);
    if (!row) throw ApiException.notFound('La feuille de route', id);
    return row;
  }

  private summary(r: RoadmapRow, persons: Map<string, PersonView>): RoadmapSummaryView {
    return {
      id: r.id,
      slug: r.slug,
      territory: r.territory,
      mandateLabel: r.mandate_label,
      electionDates: r.election_dates,
      nextElectionDate: r.next_election_date,
      start: r.start_date,
      end: r.end_date,
      projectLead: (r.project_lead_id && persons.get(r.project_lead_id)) || null,
      publicPage: r.public_page,
      version: r.version,
      reminderRules: r.reminder_rules,
    };
  }

  async persons(ids: Array<string | null>): Promise<Map<string, PersonView>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const rows = await this.sql<PersonView>('select id, name, email from account where id in (?) order by name', [wanted]);
    return new Map(rows.map((p) => [p.id, p]));
  }

  async phases(roadmapId: string): Promise<PhaseRow[]> {
    return this.sql<PhaseRow>(
      'select id, code, name, description, position, start_date, end_date from phase where roadmap_id = ? order by position',
      [roadmapId],
    );
  }

  async actions(roadmapId: string, at: IsoDate, filter: Omit<ActionFilterDto, 'at'> = {}): Promise<ActionView[]> {
    const where = ['a.roadmap_id = ?'];
    const params: unknown[] = [roadmapId];
    if (filter.functionId) {
      where.push('a.function_id = ?');
      params.push(filter.functionId);
    }
    if (filter.phaseId) {
      where.push('a.phase_id = ?');
      params.push(filter.phaseId);
    }
    if (filter.status?.length) {
      where.push('a.status in (?)');
      params.push(filter.status);
    }
    if (filter.ownerId) {
      where.push('a.owner_id = ?');
      params.push(filter.ownerId);
    }
    if (filter.dueBefore) {
      where.push('a.due_date <= ?');
      params.push(filter.dueBefore);
    }
    if (filter.dueAfter) {
      where.push('a.due_date >= ?');
      params.push(filter.dueAfter);
    }
    const rows = await this.sql<ActionRow>(`${ACTION_SQL} where ${where.join(' and ')}${ACTION_ORDER}`, params);
    const persons = await this.persons(rows.map((r) => r.owner_id));
    return rows.map((r) => this.actionView(r, at, persons));
  }

  async action(id: string, at: IsoDate): Promise<ActionView> {
    const [row] = await this.sql<ActionRow>(`${ACTION_SQL} where a.id = ?`, [id]);
    if (!row) throw ApiException.notFound('L’action', id);
    return this.actionView(row, at, await this.persons([row.owner_id]));
  }

  private actionView(r: ActionRow, at: IsoDate, persons: Map<string, PersonView>): ActionView {
    const item: ProgressItem = { start: r.start_date, due: r.due_date, status: r.status, progress: r.progress };
    return {
      id: r.id,
      roadmapId: r.roadmap_id,
      functionId: r.function_id,
      phaseId: r.phase_id,
      kitKey: r.kit_key,
      title: r.title,
      description: r.description,
      volet: r.volet,
      start: r.start_date,
      due: r.due_date,
      status: r.status,
      progress: r.progress,
      owner: (r.owner_id && persons.get(r.owner_id)) || null,
      predecessorIds: r.predecessor_ids,
      version: r.version,
      expected: expectedProgress(item, at),
      health: itemHealth(item, at),
      overdue: isOverdue(item, at),
      updatedAt: r.updated_at,
    };
  }

  async milestones(roadmapId: string, at: IsoDate, filter: Omit<MilestoneFilterDto, 'at'> = {}): Promise<MilestoneView[]> {
    const where = ['m.roadmap_id = ?'];
    const params: unknown[] = [roadmapId];
    if (filter.functionId) {
      where.push('m.function_id = ?');
      params.push(filter.functionId);
    }
    if (filter.phaseId) {
      where.push('m.phase_id = ?');
      params.push(filter.phaseId);
    }
    if (filter.achieved !== undefined) where.push(filter.achieved ? 'm.achieved_on is not null' : 'm.achieved_on is null');
    if (filter.dueBefore) {
      where.push('m.milestone_date <= ?');
      params.push(filter.dueBefore);
    }
    if (filter.dueAfter) {
      where.push('m.milestone_date >= ?');
      params.push(filter.dueAfter);
    }
    const rows = await this.sql<MilestoneRow>(`${MILESTONE_SQL} where ${where.join(' and ')}${MILESTONE_ORDER}`, params);
    return rows.map((r) => this.milestoneView(r, at));
  }

  async milestone(id: string, at: IsoDate): Promise<MilestoneView> {
    const [row] = await this.sql<MilestoneRow>(`${MILESTONE_SQL} where m.id = ?`, [id]);
    if (!row) throw ApiException.notFound('Le jalon', id);
    return this.milestoneView(row, at);
  }

  private milestoneView(r: MilestoneRow, at: IsoDate): MilestoneView {
    const item: MilestoneItem = { date: r.milestone_date, achievedOn: r.achieved_on };
    return {
      id: r.id,
      roadmapId: r.roadmap_id,
      functionId: r.function_id,
      phaseId: r.phase_id,
      kitKey: r.kit_key,
      title: r.title,
      description: r.description,
      date: r.milestone_date,
      achievedOn: r.achieved_on,
      version: r.version,
      state: milestoneState(item, at),
      updatedAt: r.updated_at,
    };
  }

  /** The roadmap with its phases, each rolled up, and the whole rolled up. */
  async roadmap(id: string, at: IsoDate): Promise<RoadmapDetailView> {
    const [row, phases, actions, milestones] = await Promise.all([
      this.roadmapRow(id),
      this.phases(id),
      this.progressRows(id),
      this.milestoneStates(id, at),
    ]);
    return this.detail(row, at, phases, group(actions, at), milestones, await this.persons([row.project_lead_id]));
  }

  /** The target functions with their roll-ups, in total and by phase. */
  async functions(roadmapId: string, at: IsoDate, functionId?: string): Promise<FunctionWithRollUpView[]> {
    await this.roadmapRow(roadmapId);
    const [rows, phases, actions, milestones] = await Promise.all([
      this.functionRows(roadmapId, functionId),
      this.phases(roadmapId),
      this.progressRows(roadmapId),
      this.milestoneStates(roadmapId, at),
    ]);
    if (functionId && !rows.length) throw ApiException.notFound('La fonction', functionId);
    return this.functionViews(rows, phases, group(actions, at), milestones, at, await this.persons(rows.map((r) => r.owner_id)));
  }

  /**
   * The chronogram as JSON text, with a weak ETag. Read from a per-instance cache when the roadmap's
   * revision has not moved since (every write bumps it in its transaction, so several instances
   * on one database stay right); the revision is read before the rows, so an entry is never older
   * than its revision.
   */
  async chronogramJson(roadmapId: string, at: IsoDate, functionId?: string): Promise<{ json: string; etag: string }> {
    const [current] = await this.sql<{ revision: number }>('select revision from roadmap where id = ?', [roadmapId]);
    if (!current) throw ApiException.notFound('La feuille de route', roadmapId);
    const key = `${roadmapId}/${at}/${functionId ?? '*'}`;
    const etag = `W/"${current.revision}-${at}-${functionId ?? 'all'}"`;
    const hit = this.chronograms.get(key);
    if (hit && hit.revision === current.revision) {
      this.chronograms.delete(key); // most recently used goes last
      this.chronograms.set(key, hit);
      return { json: hit.json, etag };
    }
    const json = JSON.stringify(await this.chronogram(roadmapId, at, functionId));
    if (this.config.chronogramCacheSize > 0) {
      this.chronograms.delete(key);
      this.chronograms.set(key, { revision: current.revision, json });
      while (this.chronograms.size > this.config.chronogramCacheSize)
        this.chronograms.delete(this.chronograms.keys().next().value as string);
    }
    return { json, etag };
  }

  /** Everything a Gantt needs for a roadmap, or for one of its functions, in one call. */
  async chronogram(roadmapId: string, at: IsoDate, functionId?: string): Promise<ChronogramView> {
    const one = !!functionId;
    const [row, phases, fnRows, progress, bars, milestoneRows, persons] = await Promise.all([
      this.roadmapRow(roadmapId),
      this.phases(roadmapId),
      this.functionRows(roadmapId),
      // the roll-ups cover the whole roadmap: the bars themselves when they are all shown
      one ? this.progressRows(roadmapId) : null,
      // the bars shown: the whole roadmap's, or one function's (the roll-ups above always cover the roadmap)
      one
        ? this.sql<ChronogramActionView>(GANTT_ACTION_SQL(true), [roadmapId, functionId])
        : this.sql<ChronogramActionView>(GANTT_ACTION_SQL(false), [roadmapId]),
      this.sql<Omit<ChronogramMilestoneView, 'state'> & { state?: MilestoneState }>(GANTT_MILESTONE_SQL, [roadmapId]),
      this.sql<PersonView>(
        CHRONOGRAM_PERSONS_SQL(one),
        one ? [roadmapId, functionId, roadmapId, functionId, roadmapId] : [roadmapId, roadmapId, roadmapId],
      ),
    ]);
    if (functionId && !fnRows.some((f) => f.id === functionId)) throw ApiException.notFound('La fonction', functionId);
    const people = new Map(persons.map((p) => [p.id, p]));
    const grouped = group(progress ?? bars, at);
    for (const m of milestoneRows) m.state = milestoneState(m, at);
    const milestones = milestoneRows as ChronogramMilestoneView[];
    const shown = new Set(bars.map((a) => a.id));
    const dependencies: DependencyView[] = [];
    for (const a of bars) for (const p of a.predecessorIds) if (shown.has(p)) dependencies.push({ predecessorId: p, successorId: a.id });
    return {
      roadmap: this.detail(row, at, phases, grouped, milestones, people),
      functions: this.functionViews(one ? fnRows.filter((f) => f.id === functionId) : fnRows, phases, grouped, milestones, at, people),
      actions: bars,
      milestones: one ? milestones.filter((m) => m.functionId === functionId) : milestones,
      dependencies,
      persons,
    };
  }

  private detail(
    row: RoadmapRow,
    at: IsoDate,
    phases: PhaseRow[],
    grouped: Grouped,
    milestones: Array<{ phaseId: string; state: MilestoneState }>,
    persons: Map<string, PersonView>,
  ): RoadmapDetailView {
    const phaseViews: PhaseWithRollUpView[] = phases.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      description: p.description,
      order: p.position,
      start: p.start_date,
      end: p.end_date,
      rollUp: grouped.rollUp(grouped.byPhase.get(p.id)),
      milestones: counts(milestones.filter((m) => m.phaseId === p.id)),
    }));
    return {
      ...this.summary(row, persons),
      at,
      currentPhaseId: phaseAt(phaseViews, at)?.id ?? null,
      phases: phaseViews,
      rollUp: grouped.rollUp(grouped.all),
      milestones: counts(milestones),
    };
  }

  private functionViews(
    rows: FunctionRow[],
    phases: PhaseRow[],
    grouped: Grouped,
    milestones: Array<{ functionId: string; state: MilestoneState }>,
    at: IsoDate,
    persons: Map<string, PersonView>,
  ): FunctionWithRollUpView[] {
    return rows.map((f) => {
      const byPhase: Record<string, RollUp> = {};
      for (const p of phases) byPhase[p.id] = grouped.rollUp(grouped.byFunctionPhase.get(`${f.id}/${p.id}`));
      return {
        id: f.id,
        code: f.code,
        name: f.name,
        family: f.family,
        central: f.central,
        description: f.description,
        volets: f.volets,
        owner: (f.owner_id && persons.get(f.owner_id)) || null,
        color: f.color,
        order: f.position,
        rollUp: grouped.rollUp(grouped.byFunction.get(f.id)),
        byPhase,
        milestones: counts(milestones.filter((m) => m.functionId === f.id)),
      };
    });
  }

  private functionRows(roadmapId: string, functionId?: string): Promise<FunctionRow[]> {
    return this.sql<FunctionRow>(
      `select id, code, name, family, central, description, volets, owner_id, color, position from target_function
       where roadmap_id = ?${functionId ? ' and id = ?' : ''} order by position`,
      functionId ? [roadmapId, functionId] : [roadmapId],
    );
  }

  private progressRows(roadmapId: string): Promise<GroupRow[]> {
    return this.sql<GroupRow>(
      'select function_id as "functionId", phase_id as "phaseId", start_date as start, due_date as due, status, progress from action where roadmap_id = ?',
      [roadmapId],
    );
  }

  private async milestoneStates(
    roadmapId: string,
    at: IsoDate,
  ): Promise<Array<{ functionId: string; phaseId: string; state: MilestoneState }>> {
    const rows = await this.sql<{ function_id: string; phase_id: string; milestone_date: IsoDate; achieved_on: IsoDate | null }>(
      'select function_id, phase_id, milestone_date, achieved_on from milestone where roadmap_id = ?',
      [roadmapId],
    );
    return rows.map((r) => ({
      functionId: r.function_id,
      phaseId: r.phase_id,
      state: milestoneState({ date: r.milestone_date, achievedOn: r.achieved_on }, at),
    }));
  }

  /** The roadmap's latest changes, newest first, each with its item's title. */
  async recentChanges(roadmapId: string, limit: number): Promise<RecentChangeView[]> {
    await this.roadmapRow(roadmapId);
    const rows = await this.sql<HistoryRow & { item_title: string | null }>(
      `select h.id, h.item_type, h.item_id, h.actor_id, to_char(h.at at time zone 'UTC', ${ISO_INSTANT}) as at, h.field, h.from_value, h.to_value, h.comment,
              coalesce(a.title, m.title,
                       (select d.from_value from change_history d where d.item_id = h.item_id and d.field = 'deleted' limit 1)) as item_title
       from change_history h
       left join action a on h.item_type = 'action' and a.id = h.item_id
       left join milestone m on h.item_type = 'milestone' and m.id = h.item_id
       where h.roadmap_id = ? order by h.at desc, h.id desc limit ?`,
      [roadmapId, limit],
    );
    const persons = await this.persons(rows.map((r) => r.actor_id));
    return rows.map((r) => ({ ...historyView(r, persons), itemTitle: r.item_title }));
  }

  async history(itemType: 'action' | 'milestone', itemId: string): Promise<HistoryEntryView[]> {
    const rows = await this.sql<HistoryRow>(
      `select id, item_type, item_id, actor_id, to_char(at at time zone 'UTC', ${ISO_INSTANT}) as at, field, from_value, to_value, comment
       from change_history where item_type = ? and item_id = ? order by change_history.at, id`,
      [itemType, itemId],
    );
    const persons = await this.persons(rows.map((r) => r.actor_id));
    return rows.map((r) => historyView(r, persons));
  }
}
