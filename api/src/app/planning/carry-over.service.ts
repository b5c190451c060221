import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { addDays, daysBetween, phaseAt } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import type { CarryOverDto, CarryOverItemView, CarryOverView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { Account, Action, ActionDependency, Milestone, Phase, Roadmap, TargetFunction } from '../../entities';
import { recordChanges } from '../history';
import { PlanningQueries } from './planning.queries';
import type { PlanningPhaseRow, PlanningRoadmapRow, SourceActionRow, SourceMilestoneRow } from './planning.queries';

type Tx = EntityManager;
const FINISHED = new Set(['terminee', 'abandonnee']);

/** Where a copy falls in the target: before its start → moved to it keeping the duration; past its end → brought back. */
export function placeInTarget(target: { start: IsoDate; end: IsoDate }, start: IsoDate, due: IsoDate) {
  const shifted = start < target.start;
  const from = shifted ? target.start : start;
  let to = shifted ? addDays(target.start, daysBetween(start, due)) : due;
  const clamped = to > target.end;
  if (clamped) to = target.end;
  return { start: from, due: to, shifted, clamped };
}

interface Plan {
  items: CarryOverItemView[];
  actions: SourceActionRow[];
  milestones: SourceMilestoneRow[];
  edges: Array<{ predecessor_id: string; successor_id: string }>;
}

/**
 * Closing a mandate and carrying its unfinished actions and milestones over into the next mandate's
 * roadmap (docs/adr/0013-carry-over.md): each copy keeps its status, progress and owner, links to its
 * origin (`carried_from_id`) and says so in its history; the source items and their history stay as they were.
 */
@Injectable()
export class CarryOverService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: PlanningQueries,
  ) {}

  async carry(sourceId: string, dto: CarryOverDto, apply: boolean, actorId: string | null): Promise<CarryOverView> {
    return this.em.transactional(async (tx) => {
      if (dto.targetRoadmapId === sourceId) {
        throw ApiException.rule([{ field: 'targetRoadmapId', message: 'Choisissez une autre feuille de route que celle d’origine.' }]);
      }
      // both roadmaps locked, in id order: two carry-overs between them take turns without deadlock
      const [first, second] = [sourceId, dto.targetRoadmapId].sort();
      const rows = [await this.queries.roadmap(first, apply, tx), await this.queries.roadmap(second, apply, tx)];
      const source = rows.find((r) => r?.id === sourceId);
      const target = rows.find((r) => r?.id === dto.targetRoadmapId);
      if (!source) throw ApiException.notFound('La feuille de route', sourceId);
      if (!target) throw ApiException.rule([{ field: 'targetRoadmapId', message: 'La feuille de route cible n’existe pas.' }]);
      if (target.closed_at) throw ApiException.rule([{ field: 'targetRoadmapId', message: 'La feuille de route cible est close.' }]);
      const plan = await this.plan(tx, source, target, dto);
      if (!apply) return this.view(false, source, target, plan, null);
      const copies = await this.write(tx, source, target, plan, actorId);
      plan.items.forEach((i) => (i.copyId = copies.get(i.sourceId)!));
      const closedAt = dto.close ? await this.queries.close(sourceId, tx) : null;
      return this.view(true, source, target, plan, closedAt);
    });
  }

  private view(
    applied: boolean,
    source: PlanningRoadmapRow,
    target: PlanningRoadmapRow,
    plan: Plan,
    closedAt: string | null,
  ): CarryOverView {
    return {
      applied,
      sourceRoadmapId: source.id,
      targetRoadmapId: target.id,
      items: plan.items,
      dependencies: plan.edges.length,
      closedAt,
    };
  }

  /** The items asked for, checked all together: one bad id refuses the whole request. */
  private async plan(tx: Tx, source: PlanningRoadmapRow, target: PlanningRoadmapRow, dto: CarryOverDto): Promise<Plan> {
    const actionIds = [...new Set(dto.actionIds)];
    const milestoneIds = [...new Set(dto.milestoneIds)];
    if (!actionIds.length && !milestoneIds.length && !dto.close) {
      throw ApiException.rule([{ field: 'actionIds', message: 'Choisissez au moins une action ou un jalon à reprendre.' }]);
    }
    const actions = await this.queries.sourceActions(source.id, actionIds, tx);
    const milestones = await this.queries.sourceMilestones(source.id, milestoneIds, tx);
    const errors = [];
    if (actions.length !== actionIds.length)
      errors.push({ field: 'actionIds', message: 'Une action choisie n’appartient pas à cette feuille de route.' });
    if (milestones.length !== milestoneIds.length)
      errors.push({ field: 'milestoneIds', message: 'Un jalon choisi n’appartient pas à cette feuille de route.' });
    const done = actions.filter((a) => FINISHED.has(a.status));
    if (done.length)
      errors.push({ field: 'actionIds', message: `Actions terminées ou abandonnées, à ne pas reprendre : ${titles(done)}.` });
    const achieved = milestones.filter((m) => m.achieved_on);
    if (achieved.length) errors.push({ field: 'milestoneIds', message: `Jalons déjà atteints, à ne pas reprendre : ${titles(achieved)}.` });
    const carried = new Set(await this.queries.alreadyCarried(target.id, [...actionIds, ...milestoneIds], tx));
    const again = [...actions, ...milestones].filter((i) => carried.has(i.id));
    if (again.length) errors.push({ field: 'actionIds', message: `Déjà repris dans la feuille de route cible : ${titles(again)}.` });
    const functions = await this.queries.functions(target.id, tx);
    const missing = [...new Set([...actions, ...milestones].map((i) => i.function_code))].filter(
      (c) => !functions.some((f) => f.code === c),
    );
    if (missing.length)
      errors.push({ field: 'targetRoadmapId', message: `La feuille de route cible n’a pas la fonction ${missing.join(', ')}.` });
    if (errors.length) throw ApiException.rule(errors);
    const phases = await this.queries.phases(target.id, tx);
    const span = { start: target.start_date, end: target.end_date };
    const items: CarryOverItemView[] = [
      ...actions.map((a) => item('action', a.id, a.title, a.function_code, a.start_date, a.due_date, span, phases)),
      ...milestones.map((m) => item('milestone', m.id, m.title, m.function_code, m.milestone_date, m.milestone_date, span, phases)),
    ];
    const edges = await this.queries.dependenciesAmong(actionIds, tx);
    return { items, actions, milestones, edges };
  }

  /** The copies, through the unit of work, each with its history line; the source is only read. */
  private async write(tx: Tx, source: PlanningRoadmapRow, target: PlanningRoadmapRow, plan: Plan, actorId: string | null) {
    const roadmap = await tx.findOneOrFail(Roadmap, { id: target.id });
    const fns = new Map((await tx.find(TargetFunction, { roadmap })).map((f) => [f.code, f]));
    const phases = new Map((await tx.find(Phase, { roadmap })).map((p) => [p.code, p]));
    const comment = `Reprise depuis ${source.territory}, ${source.mandate_label}`;
    const copies = new Map<string, string>();
    const actions = new Map<string, Action>();
    for (const [i, a] of plan.actions.entries()) {
      const place = plan.items[i];
      const fn = fns.get(a.function_code)!;
      const copy = tx.create(Action, {
        roadmap,
        fn,
        phase: phases.get(place.phase.code)!,
        title: a.title,
        description: a.description,
        // a copy comes from where its origin came from
        provenance: a.provenance,
        provenanceRef: a.provenance_ref,
        volet: fn.central ? a.volet : null,
        start: place.to.start,
        due: place.to.due,
        status: a.status,
        progress: a.progress,
        owner: a.owner_id ? tx.getReference(Account, a.owner_id) : null,
        carriedFromId: a.id,
      });
      actions.set(a.id, copy);
      copies.set(a.id, copy.id);
      await recordChanges(tx, roadmap, 'action', copy.id, [['created', null, `${a.status} ${a.progress} %`]], comment, actorId);
    }
    for (const [j, m] of plan.milestones.entries()) {
      const place = plan.items[plan.actions.length + j];
      const copy = tx.create(Milestone, {
        roadmap,
        fn: fns.get(m.function_code)!,
        phase: phases.get(place.phase.code)!,
        title: m.title,
        description: m.description,
        provenance: m.provenance,
        provenanceRef: m.provenance_ref,
        date: place.to.start,
        owner: m.owner_id ? tx.getReference(Account, m.owner_id) : null,
        carriedFromId: m.id,
      });
      copies.set(m.id, copy.id);
      await recordChanges(tx, roadmap, 'milestone', copy.id, [['created', null, null]], comment, actorId);
    }
    for (const e of plan.edges)
      tx.create(ActionDependency, { predecessor: actions.get(e.predecessor_id)!, successor: actions.get(e.successor_id)! });
    await tx.flush();
    return copies;
  }
}

function titles(items: ReadonlyArray<{ title: string }>): string {
  return items.map((i) => `« ${i.title} »`).join(', ');
}

function item(
  itemType: 'action' | 'milestone',
  sourceId: string,
  title: string,
  functionCode: string,
  start: IsoDate,
  due: IsoDate,
  span: { start: IsoDate; end: IsoDate },
  phases: readonly PlanningPhaseRow[],
): CarryOverItemView {
  if (start > span.end) {
    throw ApiException.rule([{ field: `${itemType}Ids`, message: `« ${title} » commence après la fin de la feuille de route cible.` }]);
  }
  const place = placeInTarget(span, start, due);
  const phase = phaseAt(
    phases.map((p) => ({ ...p, start: p.start_date, end: p.end_date })),
    place.start,
  )!;
  return {
    itemType,
    sourceId,
    copyId: null,
    title,
    functionCode,
    phase: { id: phase.id, code: phase.code, name: phase.name },
    from: { start, due },
    to: { start: place.start, due: place.due },
    shifted: place.shifted,
    clamped: place.clamped,
  };
}
