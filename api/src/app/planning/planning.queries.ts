import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActionStatus, CentralVolet, IsoDate, PhaseCode, Provenance } from '@jalons/domain';

import { isoInstant, Sql } from '../../infra/database/sql';

export interface PlanningRoadmapRow {
  id: string;
  slug: string;
  territory: string;
  mandate_label: string;
  start_date: IsoDate;
  end_date: IsoDate;
  version: number;
  closed_at: string | null;
}

export interface PlanningPhaseRow {
  id: string;
  code: PhaseCode;
  name: string;
  description: string;
  purpose: string | null;
  position: number;
  start_date: IsoDate;
  end_date: IsoDate;
}

/** An item where the phase rules place it: an action by its start, a milestone by its date. */
export interface PlacedItemRow {
  item_type: 'action' | 'milestone';
  id: string;
  title: string;
  function_id: string;
  date: IsoDate;
  phase_id: string;
}

export interface SourceActionRow {
  id: string;
  title: string;
  description: string;
  provenance: Provenance | null;
  provenance_ref: string | null;
  volet: CentralVolet | null;
  start_date: IsoDate;
  due_date: IsoDate;
  status: ActionStatus;
  progress: number;
  owner_id: string | null;
  function_code: string;
}

export interface SourceMilestoneRow {
  id: string;
  title: string;
  description: string;
  provenance: Provenance | null;
  provenance_ref: string | null;
  milestone_date: IsoDate;
  achieved_on: IsoDate | null;
  owner_id: string | null;
  function_code: string;
}

/** A history line written by a set-based planning change. */
export interface PlanningHistoryLine {
  item_type: 'action' | 'milestone';
  item_id: string;
  field: string;
  from_value: string | null;
  to_value: string | null;
}

type Tx = EntityManager | undefined;

const ROADMAP_COLUMNS = `id, slug, territory, mandate_label, start_date, end_date, version, ${isoInstant('closed_at')} as closed_at`;

/** Planning's SQL: reads in the caller's transaction, and the set-based writes of re-planned phases and closing. */
@Injectable()
export class PlanningQueries {
  constructor(private readonly sql: Sql) {}

  /** The roadmap, its row locked until the transaction ends when `lock` (writers of its phases or closing take turns). */
  roadmap(id: string, lock: boolean, tx?: Tx): Promise<PlanningRoadmapRow | undefined> {
    return this.sql.one<PlanningRoadmapRow>(`select ${ROADMAP_COLUMNS} from roadmap where id = ?${lock ? ' for update' : ''}`, [id], tx);
  }

  phases(roadmapId: string, tx?: Tx): Promise<PlanningPhaseRow[]> {
    return this.sql.rows<PlanningPhaseRow>(
      'select id, code, name, description, purpose, position, start_date, end_date from phase where roadmap_id = ? order by position',
      [roadmapId],
      tx,
    );
  }

  /**
   * The roadmap's actions (by start date) then milestones (by date), with their phase. With `lock`, their rows
   * are locked in id order first: item writers lock an item, then the roadmap (its revision), and so does a
   * phase change, so neither waits for the other in a circle.
   */
  async placedItems(roadmapId: string, lock: boolean, tx?: Tx): Promise<PlacedItemRow[]> {
    if (lock) {
      await this.sql.rows('select id from action where roadmap_id = ? order by id for update', [roadmapId], tx);
      await this.sql.rows('select id from milestone where roadmap_id = ? order by id for update', [roadmapId], tx);
    }
    return this.sql.rows<PlacedItemRow>(
      `select * from (
         select 'action' as item_type, a.id, a.title, a.function_id, a.start_date as date, a.phase_id, 0 as kind from action a where a.roadmap_id = ?
         union all
         select 'milestone', m.id, m.title, m.function_id, m.milestone_date, m.phase_id, 1 from milestone m where m.roadmap_id = ?
       ) x order by kind, date, title, id`,
      [roadmapId, roadmapId],
      tx,
    );
  }

  /** New dates of the roadmap's phases, by code. */
  async setPhaseDates(roadmapId: string, phases: ReadonlyArray<{ code: string; start: IsoDate; end: IsoDate }>, tx: Tx): Promise<void> {
    await this.sql.rows(
      `update phase p set start_date = x.start_date, end_date = x.end_date, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as x(code text, start_date date, end_date date)
        where p.roadmap_id = ? and p.code = x.code`,
      [JSON.stringify(phases.map((p) => ({ code: p.code, start_date: p.start, end_date: p.end }))), roadmapId],
      tx,
    );
  }

  /** Items moved to another phase: each gets a new version (a stale edit of it gets its 409) and the time of the change. */
  async moveItems(table: 'action' | 'milestone', moves: ReadonlyArray<{ id: string; phaseId: string }>, tx: Tx): Promise<void> {
    if (!moves.length) return;
    await this.sql.rows(
      `update ${table} t set phase_id = x.phase_id, version = t.version + 1, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as x(id uuid, phase_id uuid)
        where t.id = x.id`,
      [JSON.stringify(moves.map((m) => ({ id: m.id, phase_id: m.phaseId })))],
      tx,
    );
  }

  /** History lines, one per item and field, by `actorId`, with one comment. */
  async insertHistory(roadmapId: string, lines: readonly PlanningHistoryLine[], comment: string, actorId: string | null, tx: Tx) {
    if (!lines.length) return;
    await this.sql.rows(
      `insert into change_history (id, roadmap_id, item_type, item_id, actor_id, at, field, from_value, to_value, comment)
       select gen_random_uuid(), ?, x.item_type, x.item_id, ?, now(), x.field, x.from_value, x.to_value, ?
         from jsonb_to_recordset(?::jsonb) as x(item_type text, item_id uuid, field text, from_value text, to_value text)`,
      [roadmapId, actorId, comment, JSON.stringify(lines)],
      tx,
    );
  }

  /** A change of the roadmap's own settings (phases, closing): new version and revision (cached chronograms carry them). */
  async bumpVersion(roadmapId: string, tx: Tx): Promise<number> {
    const row = await this.sql.one<{ version: number }>(
      'update roadmap set version = version + 1, revision = revision + 1, updated_at = now() where id = ? returning version',
      [roadmapId],
      tx,
    );
    return row!.version;
  }

  /** A change of its content (a function, carried items): the chronogram cache keys on the revision. */
  async bumpRevision(roadmapId: string, tx: Tx): Promise<void> {
    await this.sql.rows('update roadmap set revision = revision + 1 where id = ?', [roadmapId], tx);
  }

  /** Marks the mandate closed, once (a closed roadmap keeps its first closing time). */
  async close(roadmapId: string, tx: Tx): Promise<string> {
    const row = await this.sql.one<{ closed_at: string }>(
      `update roadmap set closed_at = coalesce(closed_at, now()), version = version + 1, revision = revision + 1, updated_at = now()
        where id = ? returning ${isoInstant('closed_at')} as closed_at`,
      [roadmapId],
      tx,
    );
    return row!.closed_at;
  }

  /** The roadmap's actions among `ids`, share-locked until the transaction ends (nobody changes them meanwhile). */
  sourceActions(roadmapId: string, ids: readonly string[], tx?: Tx): Promise<SourceActionRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.sql.rows<SourceActionRow>(
      `select a.id, a.title, a.description, a.provenance, a.provenance_ref, a.volet, a.start_date, a.due_date, a.status, a.progress, a.owner_id, f.code as function_code
         from action a join target_function f on f.id = a.function_id
        where a.roadmap_id = ? and a.id in (?) order by a.start_date, a.title, a.id for share of a`,
      [roadmapId, ids],
      tx,
    );
  }

  sourceMilestones(roadmapId: string, ids: readonly string[], tx?: Tx): Promise<SourceMilestoneRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.sql.rows<SourceMilestoneRow>(
      `select m.id, m.title, m.description, m.provenance, m.provenance_ref, m.milestone_date, m.achieved_on, m.owner_id, f.code as function_code
         from milestone m join target_function f on f.id = m.function_id
        where m.roadmap_id = ? and m.id in (?) order by m.milestone_date, m.title, m.id for share of m`,
      [roadmapId, ids],
      tx,
    );
  }

  /** The arrows whose both ends are among `ids`. */
  dependenciesAmong(ids: readonly string[], tx?: Tx): Promise<Array<{ predecessor_id: string; successor_id: string }>> {
    if (!ids.length) return Promise.resolve([]);
    return this.sql.rows(
      'select predecessor_id, successor_id from action_dependency where predecessor_id in (?) and successor_id in (?) order by 1, 2',
      [ids, ids],
      tx,
    );
  }

  /** Which of `ids` already have a copy in the target roadmap (an item is carried into a roadmap once). */
  async alreadyCarried(targetRoadmapId: string, ids: readonly string[], tx?: Tx): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.sql.rows<{ id: string }>(
      `select carried_from_id as id from action where roadmap_id = ? and carried_from_id in (?)
       union select carried_from_id from milestone where roadmap_id = ? and carried_from_id in (?)`,
      [targetRoadmapId, ids, targetRoadmapId, ids],
      tx,
    );
    return rows.map((r) => r.id);
  }

  functions(roadmapId: string, tx?: Tx): Promise<Array<{ id: string; code: string; name: string; color: string; central: boolean }>> {
    return this.sql.rows(
      'select id, code, name, color, central from target_function where roadmap_id = ? order by position',
      [roadmapId],
      tx,
    );
  }
}
