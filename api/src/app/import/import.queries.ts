import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActionStatus, CentralVolet, IsoDate } from '@jalons/domain';

import { Sql } from '../../infra/database/sql';
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
}
