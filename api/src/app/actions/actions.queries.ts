import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActionFilterDto, ActionView, CarriedFromView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';

import { and, isoInstant, Sql, when } from '../../infra/database/sql';
import { carriedFromColumn, placeFilters, provenanceColumn } from '../roadmaps';
import type { ItemPlaceRow } from '../roadmaps';

export interface ActionRow extends ItemPlaceRow {
  volet: ActionView['volet'];
  start_date: IsoDate;
  due_date: IsoDate;
  status: ActionView['status'];
  progress: number;
  owner_id: string | null;
  version: number;
  updated_at: string;
  predecessor_ids: string[];
  carried_from: CarriedFromView | null;
}

export type ActionFilter = Omit<ActionFilterDto, 'at'>;

/** An action's predecessors' ids (sorted) as a column named `as`; the action is `a`. */
export function predecessorIdsColumn(as: string): string {
  return `coalesce((select array_agg(d.predecessor_id::text order by d.predecessor_id)
                 from action_dependency d where d.successor_id = a.id), '{}') as ${as}`;
}

const ACTION_COLUMNS = `a.id, a.roadmap_id, a.function_id, a.phase_id, a.kit_key, a.title, a.description, a.volet,
       a.start_date, a.due_date, a.status, a.progress, a.owner_id, a.version,
       ${isoInstant('a.updated_at')} as updated_at, ${predecessorIdsColumn('predecessor_ids')}, ${carriedFromColumn('action', 'a')},
       ${provenanceColumn('a')}`;

/** The chronogram's order: by function, then start, due, title. */
export const ACTION_ORDER = 'f.position, a.start_date, a.due_date, a.title, a.id';

/** Actions as the item views read them. */
@Injectable()
export class ActionQueries {
  constructor(private readonly sql: Sql) {}

  /** A roadmap's actions matching the filter (each criterion optional), in the chronogram's order. */
  list(roadmapId: string, filter: ActionFilter): Promise<ActionRow[]> {
    const where = and([
      ...placeFilters('a', 'a.due_date', roadmapId, filter),
      ...when(filter.status, 'a.status in (?)'),
      ...when(filter.ownerId, 'a.owner_id = ?'),
    ]);
    return this.sql.rows<ActionRow>(
      `select ${ACTION_COLUMNS} from action a join target_function f on f.id = a.function_id
       where ${where.text} order by ${ACTION_ORDER}`,
      where.params,
    );
  }

  byId(id: string): Promise<ActionRow | undefined> {
    return this.sql.one<ActionRow>(`select ${ACTION_COLUMNS} from action a where a.id = ?`, [id]);
  }

  /**
   * The actions that follow `predecessorId` (any function), their rows locked until the transaction
   * ends, in id order (two deletions locking several rows cannot deadlock).
   */
  async lockSuccessors(predecessorId: string, tx: EntityManager): Promise<string[]> {
    const rows = await this.sql.rows<{ id: string }>(
      `select a.id from action a join action_dependency d on d.successor_id = a.id
       where d.predecessor_id = ? order by a.id for update of a`,
      [predecessorId],
      tx,
    );
    return rows.map((r) => r.id);
  }
}
