import { Injectable } from '@nestjs/common';
import { expectedProgress, isOverdue, itemHealth } from '@jalons/domain';
import type { IsoDate, ProgressItem } from '@jalons/domain';
import type { ActionView, PersonView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { PersonsReader, personIn } from '../accounts';
import { itemPlace } from '../roadmaps';
import { ActionQueries } from './actions.queries';
import type { ActionFilter, ActionRow } from './actions.queries';

function actionView(r: ActionRow, at: IsoDate, persons: ReadonlyMap<string, PersonView>): ActionView {
  const item: ProgressItem = { start: r.start_date, due: r.due_date, status: r.status, progress: r.progress };
  return {
    ...itemPlace(r),
    volet: r.volet,
    start: r.start_date,
    due: r.due_date,
    status: r.status,
    progress: r.progress,
    owner: personIn(persons, r.owner_id),
    predecessorIds: r.predecessor_ids,
    version: r.version,
    expected: expectedProgress(item, at),
    health: itemHealth(item, at),
    overdue: isOverdue(item, at),
    updatedAt: r.updated_at,
    carriedFrom: r.carried_from,
  };
}

/** Actions as the pages read them: with their owner, expected progress, health and lateness for a reference day. */
@Injectable()
export class ActionsReader {
  constructor(
    private readonly queries: ActionQueries,
    private readonly persons: PersonsReader,
  ) {}

  async list(roadmapId: string, at: IsoDate, filter: ActionFilter = {}): Promise<ActionView[]> {
    const rows = await this.queries.list(roadmapId, filter);
    const persons = await this.persons.byIds(rows.map((r) => r.owner_id));
    return rows.map((r) => actionView(r, at, persons));
  }

  async one(id: string, at: IsoDate): Promise<ActionView> {
    const row = await this.queries.byId(id);
    if (!row) throw ApiException.notFound('L’action', id);
    return actionView(row, at, await this.persons.byIds([row.owner_id]));
  }
}
