import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@jalons/domain';
import type { FunctionWithRollUpView, RoadmapDetailView, RoadmapSummaryView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { PersonsReader } from '../accounts';
import { isPast, PastState } from './past-state';
import { RoadmapQueries } from './roadmaps.queries';
import type { MilestoneDateRow, PhaseRow, ProgressRow, RoadmapRow } from './roadmaps.queries';
import { detailView, functionViews, group, milestonePlaces, summaryView } from './roll-ups';

/** Roadmaps, their phases and their functions, rolled up for a reference day. */
@Injectable()
export class RoadmapReader {
  constructor(
    private readonly queries: RoadmapQueries,
    private readonly persons: PersonsReader,
    private readonly past: PastState,
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

  /** The roadmap with its phases, each rolled up, and the whole rolled up; at a past day, as it was then (ADR 0020). */
  async roadmap(id: string, at: IsoDate): Promise<RoadmapDetailView> {
    if (isPast(at)) {
      const phasesRead = this.queries.phases(id);
      const names = Promise.all([phasesRead, this.queries.functions(id)]).then(([phases, functions]) => ({ phases, functions }));
      const [row, phases, { actions, milestones }] = await Promise.all([this.row(id), phasesRead, this.past.itemsAt(id, at, names)]);
      return this.detail(row, at, phases, actions, milestones);
    }
    const [row, phases, { actions, milestones }] = await Promise.all([this.row(id), this.queries.phases(id), this.current(id)]);
    return this.detail(row, at, phases, actions, milestones);
  }

  private async detail(
    row: RoadmapRow,
    at: IsoDate,
    phases: PhaseRow[],
    actions: ProgressRow[],
    milestones: MilestoneDateRow[],
  ): Promise<RoadmapDetailView> {
    const persons = await this.persons.byIds([row.project_lead_id]);
    return detailView(row, { at, phases, grouped: group(actions, at), milestones: milestonePlaces(milestones, at), persons });
  }

  /** The target functions with their roll-ups, in total and by phase (or one of them; 404 when it is not the roadmap's). */
  async functions(roadmapId: string, at: IsoDate, functionId?: string): Promise<FunctionWithRollUpView[]> {
    await this.row(roadmapId);
    const [rows, phases, now] = await Promise.all([
      this.queries.functions(roadmapId, functionId),
      this.queries.phases(roadmapId),
      isPast(at) ? null : this.current(roadmapId),
    ]);
    if (functionId && !rows.length) throw ApiException.notFound('La fonction', functionId);
    // at a past day, replayed: an item may have moved between functions since, so every function's name is needed
    const { actions, milestones } =
      now ?? (await this.past.itemsAt(roadmapId, at, { phases, functions: functionId ? await this.queries.functions(roadmapId) : rows }));
    const persons = await this.persons.byIds(rows.map((r) => r.owner_id));
    return functionViews(rows, { at, phases, grouped: group(actions, at), milestones: milestonePlaces(milestones, at), persons });
  }

  /** What today's roll-ups count: every action's progress and every milestone's dates. */
  private async current(roadmapId: string): Promise<{ actions: ProgressRow[]; milestones: MilestoneDateRow[] }> {
    const [actions, milestones] = await Promise.all([this.queries.progress(roadmapId), this.queries.milestoneDates(roadmapId)]);
    return { actions, milestones };
  }
}
