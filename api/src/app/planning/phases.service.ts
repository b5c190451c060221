import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { checkPhases, formatFrDate, phaseAt } from '@jalons/domain';
import type { PhasePlanView, PhaseMoveView, PhaseRefView, PhaseView, UpdatePhasesDto } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { PlanningQueries } from './planning.queries';
import type { PlacedItemRow, PlanningPhaseRow } from './planning.queries';

/** The comment of the history lines written when phases are re-planned. */
export const PHASES_COMMENT = 'phases replanifiées';

const ref = (p: PlanningPhaseRow): PhaseRefView => ({ id: p.id, code: p.code, name: p.name });

/** The roadmap's phases with the dates asked for, in their order; 422 when the list does not name each phase once. */
function replanned(current: readonly PlanningPhaseRow[], dto: UpdatePhasesDto): PlanningPhaseRow[] {
  const codes = dto.phases.map((p) => p.code);
  if (new Set(codes).size !== codes.length || current.some((p) => !codes.includes(p.code))) {
    throw ApiException.rule([
      { field: 'phases', message: 'Donnez les dates de chacune des phases de la feuille de route, une fois chacune.' },
    ]);
  }
  return current.map((p) => {
    const asked = dto.phases.find((x) => x.code === p.code)!;
    return { ...p, start_date: asked.start, end_date: asked.end };
  });
}

/** The items whose phase the new dates change (`to` null: outside every phase). */
function movesOf(
  items: readonly PlacedItemRow[],
  before: readonly PlanningPhaseRow[],
  after: readonly PlanningPhaseRow[],
): PhaseMoveView[] {
  const spans = after.map((p) => ({ ...p, start: p.start_date, end: p.end_date }));
  return items.flatMap((i) => {
    const to = phaseAt(spans, i.date);
    if (to?.id === i.phase_id) return [];
    const from = before.find((p) => p.id === i.phase_id)!;
    return [
      {
        itemType: i.item_type,
        id: i.id,
        title: i.title,
        functionId: i.function_id,
        date: i.date,
        from: ref(from),
        to: to ? ref(to) : null,
      },
    ];
  });
}

const phaseView = (p: PlanningPhaseRow): PhaseView => ({
  id: p.id,
  code: p.code,
  name: p.name,
  description: p.description,
  purpose: p.purpose,
  order: p.position,
  start: p.start_date,
  end: p.end_date,
});

/**
 * A roadmap's phase dates, re-planned by its project lead: checked with the domain's `checkPhases`
 * (contiguous, ordered, covering the mandate), the items whose phase changes listed (dry run) or
 * moved with a history line each, in one transaction (apply).
 */
@Injectable()
export class PhasesService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: PlanningQueries,
  ) {}

  async plan(roadmapId: string, dto: UpdatePhasesDto, apply: boolean, actorId: string | null): Promise<PhasePlanView> {
    return this.em.transactional(async (tx) => {
      // applying locks the items first, then the roadmap: the order item writers take their locks in
      const items = apply ? await this.queries.placedItems(roadmapId, true, tx) : [];
      const roadmap = await this.queries.roadmap(roadmapId, apply, tx);
      if (!roadmap) throw ApiException.notFound('La feuille de route', roadmapId);
      if (roadmap.version !== dto.version) throw ApiException.conflict(roadmap.version, 'Cette feuille de route');
      const before = await this.queries.phases(roadmapId, tx);
      const after = replanned(before, dto);
      const broken = checkPhases(
        { start: roadmap.start_date, end: roadmap.end_date },
        after.map((p) => ({ code: p.code, start: p.start_date, end: p.end_date })),
      );
      if (broken.length) throw ApiException.rule(broken);
      const moves = movesOf(apply ? items : await this.queries.placedItems(roadmapId, false, tx), before, after);
      if (!apply) return { applied: false, version: roadmap.version, phases: after.map(phaseView), moves };
      const outside = moves.filter((m) => m.to === null);
      if (outside.length) {
        const list = outside.map((m) => `« ${m.title} » (${formatFrDate(m.date)})`).join(', ');
        throw ApiException.rule([{ field: 'phases', message: `Ces éléments ne seraient plus dans aucune phase : ${list}.` }]);
      }
      await this.queries.setPhaseDates(
        roadmapId,
        after.map((p) => ({ code: p.code, start: p.start_date, end: p.end_date })),
        tx,
      );
      for (const table of ['action', 'milestone'] as const) {
        const moved = moves.filter((m) => m.itemType === table).map((m) => ({ id: m.id, phaseId: m.to!.id }));
        await this.queries.moveItems(table, moved, tx);
      }
      const lines = moves.map((m) => ({
        item_type: m.itemType,
        item_id: m.id,
        field: 'phase',
        from_value: m.from.name,
        to_value: m.to!.name,
      }));
      await this.queries.insertHistory(roadmapId, lines, PHASES_COMMENT, actorId, tx);
      const version = await this.queries.bumpVersion(roadmapId, tx);
      return { applied: true, version, phases: after.map(phaseView), moves };
    });
  }
}
