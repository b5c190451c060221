import { Injectable } from '@nestjs/common';
import { addDays, sCurve, sCurveDays, todayInParis } from '@jalons/domain';
import type { IsoDate, ProgressItem } from '@jalons/domain';
import type { SCurveScope, SCurveView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { BaselineQueries } from '../baselines';
import { PastState, RoadmapQueries, RoadmapReader } from '../roadmaps';
import type { PastProgressRow } from '../roadmaps';

export interface SCurveOptions {
  scope?: SCurveScope;
  scopeId?: string | null;
  baselineId?: string | null;
}

/** A place an action belongs to: the whole roadmap, or one phase, or one function. */
type InScope = (item: { functionId: string; phaseId: string }) => boolean;

/**
 * Progress over time (ADR 0020): the S-curve of a roadmap, a phase or a function. The history is read
 * once and replayed month by month, back from today (no query per point).
 */
@Injectable()
export class ProgressReader {
  constructor(
    private readonly roadmaps: RoadmapReader,
    private readonly roadmapQueries: RoadmapQueries,
    private readonly past: PastState,
    private readonly baselines: BaselineQueries,
  ) {}

  async sCurve(roadmapId: string, options: SCurveOptions = {}, today: IsoDate = todayInParis()): Promise<SCurveView> {
    const scope = options.scope ?? 'roadmap';
    const [row, phases, functions] = await Promise.all([
      this.roadmaps.row(roadmapId),
      this.roadmapQueries.phases(roadmapId),
      this.roadmapQueries.functions(roadmapId),
    ]);
    const { name, inScope } = this.scopeOf(scope, options.scopeId ?? null, { phases, functions, roadmap: row.territory });
    const start = row.start_date;
    const end = row.end_date;
    const days = sCurveDays(start, end, today);
    const { current, at } = await this.past.actionsFrom(roadmapId, addDays(days[0], -1), { phases, functions });
    const planned = options.baselineId ? await this.baselinePlan(roadmapId, options.baselineId, current, inScope) : current.filter(inScope);
    const points = sCurve(days, today, planned, (day) => at(day).filter(inScope));
    return {
      scope,
      scopeId: scope === 'roadmap' ? null : (options.scopeId ?? null),
      name,
      baselineId: options.baselineId ?? null,
      today,
      start,
      end,
      points,
    };
  }

  /** The scope's name and which actions it holds; 422 on `scopeId` when it is missing, or not a phase or function of this roadmap. */
  private scopeOf(
    scope: SCurveScope,
    scopeId: string | null,
    r: { phases: ReadonlyArray<{ id: string; name: string }>; functions: ReadonlyArray<{ id: string; name: string }>; roadmap: string },
  ): { name: string; inScope: InScope } {
    if (scope === 'roadmap') {
      if (scopeId) throw ApiException.rule([{ field: 'scopeId', message: 'scopeId ne s’emploie qu’avec scope=phase ou scope=function.' }]);
      return { name: r.roadmap, inScope: () => true };
    }
    const list = scope === 'phase' ? r.phases : r.functions;
    const what = scope === 'phase' ? 'une phase' : 'une fonction';
    if (!scopeId) throw ApiException.rule([{ field: 'scopeId', message: `Indiquez ${what} de cette feuille de route (scopeId).` }]);
    const found = list.find((x) => x.id === scopeId);
    if (!found) throw ApiException.rule([{ field: 'scopeId', message: `Ce n’est pas ${what} de cette feuille de route.` }]);
    return { name: found.name, inScope: scope === 'phase' ? (i) => i.phaseId === scopeId : (i) => i.functionId === scopeId };
  }

  /**
   * The plan a baseline froze, as the expected curve reads it: its actions with their frozen dates
   * and place, less those abandoned since (an abandoned action leaves the roll-ups, ADR 0020).
   */
  private async baselinePlan(
    roadmapId: string,
    baselineId: string,
    current: readonly PastProgressRow[],
    inScope: InScope,
  ): Promise<ProgressItem[]> {
    const b = await this.baselines.one(baselineId);
    if (!b || b.roadmap_id !== roadmapId) {
      throw ApiException.rule([{ field: 'baseline', message: 'Cette référence n’existe pas dans cette feuille de route.' }]);
    }
    const abandoned = new Set(current.filter((a) => a.status === 'abandonnee').map((a) => a.id));
    return (await this.baselines.items(baselineId)).flatMap((i) =>
      i.item_type === 'action' && i.start && !abandoned.has(i.item_id) && inScope({ functionId: i.function_id, phaseId: i.phase_id ?? '' })
        ? [{ start: i.start, due: i.due, status: 'a_lancer' as const, progress: 0 }]
        : [],
    );
  }
}
