import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@jalons/domain';
import type { FunctionWithRollUpView, RoadmapDetailView, RoadmapSummaryView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { PersonsReader } from '../accounts';
import { RoadmapQueries } from './roadmaps.queries';
import type { RoadmapRow } from './roadmaps.queries';
import { detailView, functionViews, group, milestonePlaces, summaryView } from './roll-ups';

/** Roadmaps, their phases and their functions, rolled up for a reference day. */
@Injectable()
export class RoadmapReader {
  constructor(
    private readonly queries: RoadmapQueries,
    private readonly persons: PersonsReader,
  ) {}

  async list(): Promise<RoadmapSummaryView[]> {
    const rows = await this.queries.all();
    const persons = await this.persons.byIds(rows.map((r) => r.project_lead_id));
    return rows.map((r) => summaryView(r, persons));
  }

  async summary(id: string): Promise<RoadmapSummaryView> {
    const row = await this.row(id);
    return summaryView(row, await this.persons.byIds([row.project_lead_id]));
  }

  /** The roadmap's row; 404 when there is none (callers use it to check a path's roadmap). */
  async row(id: string): Promise<RoadmapRow> {
    const row = await this.queries.byId(id);
    if (!row) throw ApiException.notFound('La feuille de route', id);
    return row;
  }

  /** The roadmap with its phases, each rolled up, and the whole rolled up. */
  async roadmap(id: string, at: IsoDate): Promise<RoadmapDetailView> {
    const [row, phases, actions, milestones] = await Promise.all([
      this.row(id),
      this.queries.phases(id),
      this.queries.progress(id),
      this.queries.milestoneDates(id),
    ]);
    const persons = await this.persons.byIds([row.project_lead_id]);
    return detailView(row, { at, phases, grouped: group(actions, at), milestones: milestonePlaces(milestones, at), persons });
  }

  /** The target functions with their roll-ups, in total and by phase (or one of them; 404 when it is not the roadmap's). */
  async functions(roadmapId: string, at: IsoDate, functionId?: string): Promise<FunctionWithRollUpView[]> {
    await this.row(roadmapId);
    const [rows, phases, actions, milestones] = await Promise.all([
      this.queries.functions(roadmapId, functionId),
      this.queries.phases(roadmapId),
      this.queries.progress(roadmapId),
      this.queries.milestoneDates(roadmapId),
    ]);
    if (functionId && !rows.length) throw ApiException.notFound('La fonction', functionId);
    const persons = await this.persons.byIds(rows.map((r) => r.owner_id));
    return functionViews(rows, { at, phases, grouped: group(actions, at), milestones: milestonePlaces(milestones, at), persons });
  }
}
