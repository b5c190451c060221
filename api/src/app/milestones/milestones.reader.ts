import { Injectable } from '@nestjs/common';
import { milestoneState } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import type { MilestoneView, PersonView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { PersonsReader, personIn } from '../accounts';
import { itemPlace } from '../roadmaps';
import { MilestoneQueries } from './milestones.queries';
import type { MilestoneFilter, MilestoneRow } from './milestones.queries';

function milestoneView(r: MilestoneRow, at: IsoDate, persons: ReadonlyMap<string, PersonView>): MilestoneView {
  return {
    ...itemPlace(r),
    date: r.milestone_date,
    achievedOn: r.achieved_on,
    owner: personIn(persons, r.owner_id),
    version: r.version,
    state: milestoneState({ date: r.milestone_date, achievedOn: r.achieved_on }, at),
    updatedAt: r.updated_at,
    carriedFrom: r.carried_from,
  };
}

/** Milestones as the pages read them: with their state (achieved, late, upcoming) for a reference day. */
@Injectable()
export class MilestonesReader {
  constructor(
    private readonly queries: MilestoneQueries,
    private readonly persons: PersonsReader,
  ) {}

  async list(roadmapId: string, at: IsoDate, filter: MilestoneFilter = {}): Promise<MilestoneView[]> {
    const rows = await this.queries.list(roadmapId, filter);
    const persons = await this.persons.byIds(rows.map((r) => r.owner_id));
    return rows.map((r) => milestoneView(r, at, persons));
  }

  async one(id: string, at: IsoDate): Promise<MilestoneView> {
    const row = await this.queries.byId(id);
    if (!row) throw ApiException.notFound('Le jalon', id);
    return milestoneView(row, at, await this.persons.byIds([row.owner_id]));
  }
}
