import { Injectable } from '@nestjs/common';
import type { CarriedFromView, MilestoneFilterDto } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';

import { and, isoInstant, Sql } from '../../infra/database/sql';
import type { SqlFragment } from '../../infra/database/sql';
import { carriedFromColumn, placeFilters, provenanceColumn } from '../roadmaps';
import type { ItemPlaceRow } from '../roadmaps';

export interface MilestoneRow extends ItemPlaceRow {
  milestone_date: IsoDate;
  achieved_on: IsoDate | null;
  owner_id: string | null;
  version: number;
  updated_at: string;
  carried_from: CarriedFromView | null;
}

export type MilestoneFilter = Omit<MilestoneFilterDto, 'at'>;

const MILESTONE_COLUMNS = `m.id, m.roadmap_id, m.function_id, m.phase_id, m.kit_key, m.title, m.description, m.milestone_date,
       m.achieved_on, m.owner_id, m.version, ${isoInstant('m.updated_at')} as updated_at, ${carriedFromColumn('milestone', 'm')},
       ${provenanceColumn('m')}`;

/** The chronogram's order: by function, then date, title. */
export const MILESTONE_ORDER = 'f.position, m.milestone_date, m.title, m.id';

function achieved(value: boolean | undefined): SqlFragment[] {
  if (value === undefined) return [];
  return [{ text: value ? 'm.achieved_on is not null' : 'm.achieved_on is null', params: [] }];
}

/** Milestones as the item views read them. */
@Injectable()
export class MilestoneQueries {
  constructor(private readonly sql: Sql) {}

  /** A roadmap's milestones matching the filter (each criterion optional), in the chronogram's order. */
  list(roadmapId: string, filter: MilestoneFilter): Promise<MilestoneRow[]> {
    const where = and([...placeFilters('m', 'm.milestone_date', roadmapId, filter), ...achieved(filter.achieved)]);
    return this.sql.rows<MilestoneRow>(
      `select ${MILESTONE_COLUMNS} from milestone m join target_function f on f.id = m.function_id
       where ${where.text} order by ${MILESTONE_ORDER}`,
      where.params,
    );
  }

  byId(id: string): Promise<MilestoneRow | undefined> {
    return this.sql.one<MilestoneRow>(`select ${MILESTONE_COLUMNS} from milestone m where m.id = ?`, [id]);
  }
}
