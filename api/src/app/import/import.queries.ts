import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActionStatus, CentralVolet, IsoDate } from '@jalons/domain';

import { Sql, boundRows } from '../../infra/database/sql';
import { predecessorIdsColumn } from '../actions';

export interface ImportRoadmapRow {
  id: string;
  start_date: IsoDate;
  end_date: IsoDate;
}

export interface ImportPhaseRow {
  id: string;
  name: string;
  start_date: IsoDate;
  end_date: IsoDate;
}

export interface ImportFunctionRow {
  id: string;
  code: string;
  name: string;
  central: boolean;
  volets: { code: CentralVolet; name: string }[];
  owner_id: string | null;
}

export interface ImportPersonRow {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

export interface ImportActionRow {
  id: string;
  version: number;
  function_id: string;
  phase_id: string;
  title: string;
  description: string;
  volet: CentralVolet | null;
  start_date: IsoDate;
  due_date: IsoDate;
  status: ActionStatus;
  progress: number;
  owner_id: string | null;
  predecessor_ids: string[];
}

export interface ImportMilestoneRow {
  id: string;
  version: number;
  function_id: string;
  phase_id: string;
  title: string;
  description: string;
  milestone_date: IsoDate;
  achieved_on: IsoDate | null;
  owner_id: string | null;
}

/** An action as an import writes it (its id chosen beforehand, so arrows can name a created one). */
export interface ImportActionWrite {
  id: string;
  function_id: string;
  phase_id: string;
  title: string;
  description: string;
  volet: CentralVolet | null;
  start_date: IsoDate;
  due_date: IsoDate;
  status: ActionStatus;
  progress: number;
  owner_id: string | null;
}

export interface ImportMilestoneWrite {
  id: string;
  function_id: string;
  phase_id: string;
  title: string;
  description: string;
  milestone_date: IsoDate;
  achieved_on: IsoDate | null;
  owner_id: string | null;
}

/** An update guarded by the version the plan was computed against. */
export type Versioned<T> = T & { expected_version: number };

/** An arrow of the Gantt: `successor_id` waits for `predecessor_id`. */
export interface ImportEdge {
  predecessor_id: string;
  successor_id: string;
}

const ACTION_RECORD = `x(id uuid, expected_version int, function_id uuid, phase_id uuid, title text, description text, volet text,
  start_date date, due_date date, status text, progress smallint, owner_id uuid)`;
const MILESTONE_RECORD = `x(id uuid, expected_version int, function_id uuid, phase_id uuid, title text, description text,
  milestone_date date, achieved_on date, owner_id uuid)`;
const EDGE_RECORD = 'x(predecessor_id uuid, successor_id uuid)';

/** The roadmap as an import reads it, in its transaction (`tx`): one query per table, whatever the file's size. */
@Injectable()
export class ImportQueries {
  constructor(private readonly sql: Sql) {}

  roadmap(id: string, tx: EntityManager): Promise<ImportRoadmapRow | undefined> {
    return this.sql.one<ImportRoadmapRow>('select id, start_date, end_date from roadmap where id = ?', [id], tx);
  }

  phases(roadmapId: string, tx: EntityManager): Promise<ImportPhaseRow[]> {
    return this.sql.rows<ImportPhaseRow>(
      'select id, name, start_date, end_date from phase where roadmap_id = ? order by position',
      [roadmapId],
      tx,
    );
  }

  functions(roadmapId: string, tx: EntityManager): Promise<ImportFunctionRow[]> {
    return this.sql.rows<ImportFunctionRow>(
      'select id, code, name, central, volets, owner_id from target_function where roadmap_id = ? order by position',
      [roadmapId],
      tx,
    );
  }

  /** Every account, active or not (a deactivated one is named in the refusal rather than unknown). */
  persons(tx: EntityManager): Promise<ImportPersonRow[]> {
    return this.sql.rows<ImportPersonRow>('select id, name, email, active from account order by name, id', [], tx);
  }

  actions(roadmapId: string, tx: EntityManager): Promise<ImportActionRow[]> {
    return this.sql.rows<ImportActionRow>(
      `select a.id, a.version, a.function_id, a.phase_id, a.title, a.description, a.volet, a.start_date, a.due_date,
              a.status, a.progress, a.owner_id, ${predecessorIdsColumn('predecessor_ids')}
         from action a where a.roadmap_id = ? order by a.id`,
      [roadmapId],
      tx,
    );
  }

  milestones(roadmapId: string, tx: EntityManager): Promise<ImportMilestoneRow[]> {
    return this.sql.rows<ImportMilestoneRow>(
      `select m.id, m.version, m.function_id, m.phase_id, m.title, m.description, m.milestone_date, m.achieved_on, m.owner_id
         from milestone m where m.roadmap_id = ? order by m.id`,
      [roadmapId],
      tx,
    );
  }

  /**
   * The roadmap's dependency graph to one writer at a time (the same advisory lock as adding an arrow
   * on the Gantt), then the rows the file names locked until the commit, in id order (two imports
   * cannot deadlock): the versions read next are the ones the update will meet.
   */
  async lock(roadmapId: string, actionIds: string[], milestoneIds: string[], tx: EntityManager): Promise<void> {
    await this.sql.rows('select pg_advisory_xact_lock(hashtext(?))', [`jalons:deps:${roadmapId}`], tx);
    if (actionIds.length) {
      await this.sql.rows('select id from action where roadmap_id = ? and id in (?) order by id for update', [roadmapId, actionIds], tx);
    }
    if (milestoneIds.length) {
      await this.sql.rows(
        'select id from milestone where roadmap_id = ? and id in (?) order by id for update',
        [roadmapId, milestoneIds],
        tx,
      );
    }
  }

  /*
   * The plan's writes, set-based (ADR 0012): one statement per kind of write, whatever the file's
   * size, the rows passed as one JSON array. `at` is the import's instant (every row's `updated_at`).
   */

  /** Updates whose version is still the expected one, each bumped by one; answers the ids updated (fewer = a conflict). */
  async updateActions(roadmapId: string, rows: readonly Versioned<ImportActionWrite>[], at: Date, tx: EntityManager): Promise<string[]> {
    if (!rows.length) return [];
    const updated = await boundRows<{ id: string }>(
      tx,
      `update action a set function_id = x.function_id, phase_id = x.phase_id, title = x.title, description = x.description,
              volet = x.volet, start_date = x.start_date, due_date = x.due_date, status = x.status, progress = x.progress,
              owner_id = x.owner_id, version = a.version + 1, updated_at = ?
         from jsonb_to_recordset(?::jsonb) as ${ACTION_RECORD}
        where a.id = x.id and a.version = x.expected_version and a.roadmap_id = ?
        returning a.id`,
      [at, JSON.stringify(rows), roadmapId],
    );
    return updated.map((r) => r.id);
  }

  /** New actions, version 1. */
  async insertActions(roadmapId: string, rows: readonly ImportActionWrite[], at: Date, tx: EntityManager): Promise<void> {
    if (!rows.length) return;
    await boundRows(
      tx,
      `insert into action (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, description, volet,
                           start_date, due_date, status, progress, owner_id, version)
       select x.id, ?, ?, ?, x.function_id, x.phase_id, x.title, x.description, x.volet,
              x.start_date, x.due_date, x.status, x.progress, x.owner_id, 1
         from jsonb_to_recordset(?::jsonb) as ${ACTION_RECORD}`,
      [at, at, roadmapId, JSON.stringify(rows)],
    );
  }

  /** As `updateActions`, for milestones. */
  async updateMilestones(
    roadmapId: string,
    rows: readonly Versioned<ImportMilestoneWrite>[],
    at: Date,
    tx: EntityManager,
  ): Promise<string[]> {
    if (!rows.length) return [];
    const updated = await boundRows<{ id: string }>(
      tx,
      `update milestone m set function_id = x.function_id, phase_id = x.phase_id, title = x.title, description = x.description,
              milestone_date = x.milestone_date, achieved_on = x.achieved_on, owner_id = x.owner_id,
              version = m.version + 1, updated_at = ?
         from jsonb_to_recordset(?::jsonb) as ${MILESTONE_RECORD}
        where m.id = x.id and m.version = x.expected_version and m.roadmap_id = ?
        returning m.id`,
      [at, JSON.stringify(rows), roadmapId],
    );
    return updated.map((r) => r.id);
  }

  async insertMilestones(roadmapId: string, rows: readonly ImportMilestoneWrite[], at: Date, tx: EntityManager): Promise<void> {
    if (!rows.length) return;
    await boundRows(
      tx,
      `insert into milestone (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, description,
                              milestone_date, achieved_on, owner_id, version)
       select x.id, ?, ?, ?, x.function_id, x.phase_id, x.title, x.description, x.milestone_date, x.achieved_on, x.owner_id, 1
         from jsonb_to_recordset(?::jsonb) as ${MILESTONE_RECORD}`,
      [at, at, roadmapId, JSON.stringify(rows)],
    );
  }

  /** Arrows the file removes, then those it adds (their actions exist by then: created ones are inserted first). */
  async replaceEdges(removed: readonly ImportEdge[], added: readonly ImportEdge[], tx: EntityManager): Promise<void> {
    if (removed.length) {
      await boundRows(
        tx,
        `delete from action_dependency d using jsonb_to_recordset(?::jsonb) as ${EDGE_RECORD}
          where d.predecessor_id = x.predecessor_id and d.successor_id = x.successor_id`,
        [JSON.stringify(removed)],
      );
    }
    if (added.length) {
      await boundRows(
        tx,
        `insert into action_dependency (predecessor_id, successor_id)
         select x.predecessor_id, x.successor_id from jsonb_to_recordset(?::jsonb) as ${EDGE_RECORD}`,
        [JSON.stringify(added)],
      );
    }
  }
}
