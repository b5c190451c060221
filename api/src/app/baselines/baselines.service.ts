import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { compareToBaseline, slipLabel, slipSummaries } from '@jalons/domain';
import type { PlannedItem } from '@jalons/domain';
import type { BaselineSlipsView, BaselineView, CreateBaselineDto, SlipSummaryView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { citeDecision } from '../governance';
import { BaselineQueries } from './baselines.queries';
import type { BaselineRow, NamedRow, PlannedItemRow } from './baselines.queries';

const view = (r: BaselineRow): BaselineView => ({
  id: r.id,
  roadmapId: r.roadmap_id,
  number: r.number,
  label: r.label,
  decision: r.decision,
  decisionId: r.decision_id,
  createdAt: r.created_at,
  createdBy: r.created_by_id ? { id: r.created_by_id, name: r.created_by_name ?? '' } : null,
  actions: r.actions,
  milestones: r.milestones,
  latest: r.latest,
});

const planned = (r: PlannedItemRow): PlannedItem => ({
  type: r.item_type,
  id: r.item_id,
  functionId: r.function_id,
  phaseId: r.phase_id,
  title: r.title,
  start: r.start,
  due: r.due,
});

/** Baselines (ADR 0017): made and deleted by the lead, never changed; each item's slip against one. */
@Injectable()
export class BaselinesService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: BaselineQueries,
  ) {}

  async list(roadmapId: string): Promise<BaselineView[]> {
    if (!(await this.queries.roadmapExists(roadmapId))) throw ApiException.notFound('La feuille de route', roadmapId);
    return (await this.queries.list(roadmapId)).map(view);
  }

  async create(roadmapId: string, dto: CreateBaselineDto, actorId: string | null): Promise<BaselineView> {
    const id = await this.em.transactional(async (tx) => {
      if (!(await this.queries.roadmapExists(roadmapId))) throw ApiException.notFound('La feuille de route', roadmapId);
      await this.queries.lock(roadmapId, tx);
      const decisionId = await citeDecision(tx, roadmapId, dto.decisionId); // 422 on decisionId: not a decision of this roadmap
      return this.queries.create(roadmapId, dto.label, dto.decision || null, actorId, tx, decisionId);
    });
    return view((await this.queries.one(id)) as BaselineRow);
  }

  /** Deletes a baseline: only the roadmap's latest, so that numbers never leave a gap nor get reused under another's slips. */
  async remove(id: string): Promise<void> {
    await this.em.transactional(async (tx) => {
      const found = await this.queries.one(id, tx);
      if (!found) throw ApiException.notFound('La référence', id);
      await this.queries.lock(found.roadmap_id, tx);
      const row = await this.queries.one(id, tx);
      if (!row) throw ApiException.notFound('La référence', id);
      if (!row.latest) {
        throw ApiException.rule([
          {
            field: 'id',
            message: `Seule la dernière référence de la feuille de route peut être supprimée : « v${row.number} — ${row.label} » a été suivie d’une autre.`,
          },
        ]);
      }
      await this.queries.remove(id, tx);
    });
  }

  /** Every item against the baseline, with the per-function and per-phase summaries (as the baseline has the items). */
  async slips(id: string): Promise<BaselineSlipsView> {
    const row = await this.queries.one(id);
    if (!row) throw ApiException.notFound('La référence', id);
    const [then, now, functions, phases] = await Promise.all([
      this.queries.items(id),
      this.queries.current(row.roadmap_id),
      this.queries.functions(row.roadmap_id),
      this.queries.phases(row.roadmap_id),
    ]);
    const slips = compareToBaseline(then.map(planned), now.map(planned));
    const named = (list: NamedRow[], sums: ReturnType<typeof slipSummaries>): SlipSummaryView[] =>
      sums.map(({ key, ...s }, i) => ({ id: key, name: list[i].name, ...s }));
    return {
      baseline: view(row),
      items: slips.map((s) => ({ ...s, label: slipLabel(s) })),
      functions: named(
        functions,
        slipSummaries(
          slips,
          functions.map((f) => f.id),
          (s) => s.functionId,
        ),
      ),
      phases: named(
        phases,
        slipSummaries(
          slips,
          phases.map((p) => p.id),
          (s) => s.phaseId,
        ),
      ),
    };
  }
}
