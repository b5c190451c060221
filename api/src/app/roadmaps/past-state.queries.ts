import { Injectable } from '@nestjs/common';
import type { ActionStatus, CentralVolet, IsoDate } from '@jalons/domain';
import type { ProvenanceView } from '@jalons/contract';

import { Sql } from '../../infra/database/sql';
import { provenanceColumn } from './item-place';

/** A history line as the replay reads it (ADR 0020): its item, the day of its instant in Europe/Paris, the field and the value before. */
export interface PastLineRow {
  item_id: string;
  day: IsoDate;
  field: string;
  from_value: string | null;
}

/** What a replay changes of an action, and what a Gantt bar needs besides (an item in the Corbeille has them too). */
export interface PastActionRow {
  id: string;
  functionId: string;
  phaseId: string;
  title: string;
  volet: CentralVolet | null;
  start: IsoDate;
  due: IsoDate;
  status: ActionStatus;
  progress: number;
  ownerId: string | null;
  predecessorIds: string[];
  version: number;
  provenance: ProvenanceView | null;
}

export interface PastMilestoneRow {
  id: string;
  functionId: string;
  phaseId: string;
  title: string;
  date: IsoDate;
  achievedOn: IsoDate | null;
  ownerId: string | null;
  version: number;
  provenance: ProvenanceView | null;
}

/** What the roll-ups need of an action at a past day: what a replay changes, without what only a Gantt draws. */
export type PastProgressRow = Pick<
  PastActionRow,
  'id' | 'functionId' | 'phaseId' | 'title' | 'volet' | 'start' | 'due' | 'status' | 'progress'
>;
export type PastMilestoneDateRow = Pick<PastMilestoneRow, 'id' | 'functionId' | 'phaseId' | 'title' | 'date' | 'achievedOn'>;

/** The fields a replay walks back; the others (description, owner, predecessors) are left out of the read. */
const REPLAYED_FIELDS = [
  'created',
  'deleted',
  'restored',
  'status',
  'progress',
  'start',
  'due',
  'date',
  'achievedOn',
  'title',
  'function',
  'phase',
  'volet',
];

/** The first instant of the day after `?` in Europe/Paris: lines from it on are newer than the end of that day. */
const AFTER_DAY = `((?::date + 1)::timestamp at time zone 'Europe/Paris')`;

const ACTION_FIELDS = `a.id, a.function_id as "functionId", a.phase_id as "phaseId", a.title, a.volet, a.start_date as start, a.due_date as due,
       a.status, a.progress, a.owner_id as "ownerId", a.version, ${provenanceColumn('a')}`;
const MILESTONE_FIELDS = `m.id, m.function_id as "functionId", m.phase_id as "phaseId", m.title, m.milestone_date as date,
       m.achieved_on as "achievedOn", m.owner_id as "ownerId", m.version, ${provenanceColumn('m')}`;

/** What a read at a past day needs beyond today's: the history lines after it, the items deleted since (ADR 0020). */
@Injectable()
export class PastStateQueries {
  constructor(private readonly sql: Sql) {}

  /**
   * The roadmap's history lines newer than the end of day `after` in Europe/Paris (every line when
   * null), of the fields a replay walks back, oldest first.
   */
  linesAfter(roadmapId: string, after: IsoDate | null): Promise<PastLineRow[]> {
    const since = after ? ` and h.at >= ${AFTER_DAY}` : '';
    return this.sql.rows<PastLineRow>(
      // the day as a date (a cast costs half of to_char); in time order, which the index on (roadmap_id, at) gives
      `select h.item_id, (h.at at time zone 'Europe/Paris')::date as day, h.field, h.from_value
       from change_history h
       where h.roadmap_id = ?${since} and h.field in (?)
       order by h.at, h.id`,
      after ? [roadmapId, after, REPLAYED_FIELDS] : [roadmapId, REPLAYED_FIELDS],
    );
  }

  /** The roadmap's actions with their ids (a replay matches them to their lines), only what the roll-ups and a replay read. */
  progress(roadmapId: string): Promise<PastProgressRow[]> {
    return this.sql.rows<PastProgressRow>(
      `select a.id, a.function_id as "functionId", a.phase_id as "phaseId", a.title, a.volet, a.start_date as start, a.due_date as due,
              a.status, a.progress
       from action a where a.roadmap_id = ?`,
      [roadmapId],
    );
  }

  milestoneDates(roadmapId: string): Promise<PastMilestoneDateRow[]> {
    return this.sql.rows<PastMilestoneDateRow>(
      `select m.id, m.function_id as "functionId", m.phase_id as "phaseId", m.title, m.milestone_date as date, m.achieved_on as "achievedOn"
       from milestone m where m.roadmap_id = ?`,
      [roadmapId],
    );
  }

  /**
   * The actions deleted after the end of day `after` (every one when null) and still in the
   * Corbeille, as their deletion kept them: a replay brings them back before their deletion.
   */
  deletedActions(roadmapId: string, after: IsoDate | null): Promise<PastActionRow[]> {
    return this.sql.rows<PastActionRow>(
      `select ${ACTION_FIELDS}, array(select jsonb_array_elements_text(t.snapshot->'predecessors')) as "predecessorIds"
       from deleted_item t cross join lateral jsonb_populate_record(null::action, t.snapshot->'row') a
       where t.roadmap_id = ? and t.item_type = 'action'${after ? ` and t.deleted_at >= ${AFTER_DAY}` : ''}`,
      after ? [roadmapId, after] : [roadmapId],
    );
  }

  deletedMilestones(roadmapId: string, after: IsoDate | null): Promise<PastMilestoneRow[]> {
    return this.sql.rows<PastMilestoneRow>(
      `select ${MILESTONE_FIELDS}
       from deleted_item t cross join lateral jsonb_populate_record(null::milestone, t.snapshot->'row') m
       where t.roadmap_id = ? and t.item_type = 'milestone'${after ? ` and t.deleted_at >= ${AFTER_DAY}` : ''}`,
      after ? [roadmapId, after] : [roadmapId],
    );
  }
}
