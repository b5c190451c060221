import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { checkActionDates, checkDependencyDates, checkStatusProgress, phaseAt, wouldCreateCycle } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import type { AddDependencyDto, ActionView, CreateActionDto, UpdateActionDto, UpdateActionStatusDto } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { Action, ActionDependency, Account, Phase, Roadmap, TargetFunction } from '../../entities';
import { EvidenceService, proofLine, proofOf } from '../evidence';
import { BaselineQueries, replanReason } from '../baselines';
import { citeDecision } from '../governance';
import { diff, recordChanges } from '../history';
import type { Change } from '../history';
import { TrashService } from '../trash';
import { ownerViolations, voletViolations } from './action-rules';
import { ActionQueries } from './actions.queries';
import { ActionsReader } from './actions.reader';

/** Writes on actions: every rule checked with the domain library, every change in the history, all or nothing. */
@Injectable()
export class ActionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly read: ActionsReader,
    private readonly queries: ActionQueries,
    private readonly trash: TrashService,
    private readonly evidence: EvidenceService,
    private readonly baselines: BaselineQueries,
  ) {}

  /**
   * The action to change, its row locked until the transaction ends: concurrent writers of one
   * action take turns, so the version check below is authoritative (a stale one gets its 409).
   */
  private async load(tx: EntityManager, id: string, version: number): Promise<Action> {
    const [row] = await tx.execute<Array<{ version: number }>>('select version from action where id = ? for update', [id]);
    if (!row) throw ApiException.notFound('L’action', id);
    if (row.version !== version) throw ApiException.conflict(row.version, 'Cette action');
    return tx.findOneOrFail(Action, { id }, { populate: ['roadmap', 'fn', 'phase', 'owner'] });
  }

  /** Actions of the roadmap among `ids`, their rows share-locked so that none is deleted before the commit. */
  private async lockedPredecessors(tx: EntityManager, roadmap: Roadmap, ids: string[]): Promise<Action[]> {
    if (!ids.length) return [];
    const rows = await tx.execute<Array<{ id: string }>>('select id from action where roadmap_id = ? and id in (?) for share', [
      roadmap.id,
      ids,
    ]);
    return rows.length ? tx.find(Action, { id: { $in: rows.map((r) => r.id) } }) : [];
  }

  private async phaseFor(tx: EntityManager, roadmap: Roadmap, start: IsoDate): Promise<Phase> {
    const phases = await tx.find(Phase, { roadmap }, { orderBy: { order: 'asc' } });
    const phase = phaseAt(phases, start);
    if (!phase)
      throw ApiException.rule([{ field: 'start', message: 'Aucune phase de la feuille de route ne contient cette date de début.' }]);
    return phase;
  }

  private async functionOf(tx: EntityManager, roadmap: Roadmap, functionId: string): Promise<TargetFunction> {
    const fn = await tx.findOne(TargetFunction, { id: functionId, roadmap });
    if (!fn) throw ApiException.rule([{ field: 'functionId', message: 'Cette fonction n’appartient pas à cette feuille de route.' }]);
    return fn;
  }

  private async person(tx: EntityManager, id: string | null): Promise<Account | null> {
    if (id === null) return null;
    const p = await tx.findOne(Account, { id });
    if (!p) throw ApiException.rule([{ field: 'ownerId', message: 'Cette personne n’existe pas.' }]);
    const broken = ownerViolations(p);
    if (broken.length) throw ApiException.rule(broken);
    return p;
  }

  private checkVolet(fn: TargetFunction, volet: string | null | undefined) {
    const broken = voletViolations(fn, volet);
    if (broken.length) throw ApiException.rule(broken);
  }

  async create(roadmapId: string, dto: CreateActionDto, at: IsoDate, actorId: string | null = null): Promise<ActionView> {
    const id = await this.em.transactional(async (tx) => {
      const roadmap = await tx.findOne(Roadmap, { id: roadmapId });
      if (!roadmap) throw ApiException.notFound('La feuille de route', roadmapId);
      const fn = await this.functionOf(tx, roadmap, dto.functionId);
      this.checkVolet(fn, dto.volet);
      const status = dto.status ?? 'a_lancer';
      const progress = dto.progress ?? (status === 'terminee' ? 100 : 0);
      const broken = [...checkActionDates(roadmap, { start: dto.start, due: dto.due }), ...checkStatusProgress(status, progress)];
      if (broken.length) throw ApiException.rule(broken);
      const owner = dto.ownerId === undefined ? (fn.owner ?? null) : await this.person(tx, dto.ownerId);
      const predecessors = [...new Set(dto.predecessorIds ?? [])];
      const found = await this.lockedPredecessors(tx, roadmap, predecessors);
      if (found.length !== predecessors.length) {
        throw ApiException.rule([
          { field: 'predecessorIds', message: 'Une action précédente est introuvable dans cette feuille de route.' },
        ]);
      }
      const late = found.flatMap((p) => checkDependencyDates(p, { title: dto.title, start: dto.start }, 'predecessorIds'));
      if (late.length) throw ApiException.rule(late);
      const action = tx.create(Action, {
        roadmap,
        fn,
        phase: await this.phaseFor(tx, roadmap, dto.start),
        title: dto.title,
        description: dto.description ?? '',
        volet: dto.volet ?? null,
        start: dto.start,
        due: dto.due,
        status,
        progress,
        owner,
      });
      for (const p of found) tx.create(ActionDependency, { predecessor: p, successor: action });
      await recordChanges(tx, roadmap, 'action', action.id, [['created', null, `${status} ${progress} %`]], dto.comment, actorId);
      return action.id;
    });
    return this.read.one(id, at);
  }

  async update(id: string, dto: UpdateActionDto, at: IsoDate, actorId: string | null = null): Promise<ActionView> {
    await this.em.transactional(async (tx) => {
      const action = await this.load(tx, id, dto.version);
      const changes: Change[] = [];
      if (dto.functionId !== undefined && dto.functionId !== action.fn.id) {
        const fn = await this.functionOf(tx, action.roadmap, dto.functionId);
        changes.push(['function', action.fn.name, fn.name]);
        action.fn = fn;
      }
      const volet = dto.volet === undefined ? action.volet : dto.volet;
      this.checkVolet(action.fn, volet);
      const start = dto.start ?? action.start;
      const due = dto.due ?? action.due;
      const broken = checkActionDates(action.roadmap, { start, due });
      if (broken.length) throw ApiException.rule(broken);
      const datesChange = start !== action.start || due !== action.due;
      const reason = await replanReason(this.baselines, tx, { type: 'action', id: action.id }, datesChange, dto.reason);
      const decisionId = await citeDecision(tx, action.roadmap.id, dto.decisionId, { type: 'action', id: action.id });
      changes.push(...diff(action, { title: dto.title, description: dto.description, start: dto.start, due: dto.due, volet: dto.volet }));
      if (dto.ownerId !== undefined && dto.ownerId !== (action.owner?.id ?? null)) {
        const owner = await this.person(tx, dto.ownerId);
        changes.push(['owner', action.owner?.name ?? null, owner?.name ?? null]);
        action.owner = owner;
      }
      const phase = await this.phaseFor(tx, action.roadmap, start);
      if (phase.id !== action.phase.id) changes.push(['phase', action.phase.name, phase.name]);
      tx.assign(action, { title: dto.title ?? action.title, description: dto.description ?? action.description, start, due, volet, phase });
      if (!changes.length && !dto.comment && !reason && !decisionId) return;
      action.updatedAt = new Date();
      await recordChanges(tx, action.roadmap, 'action', action.id, changes, dto.comment, actorId, reason, decisionId);
    });
    return this.read.one(id, at);
  }

  async updateStatus(id: string, dto: UpdateActionStatusDto, at: IsoDate, actorId: string | null = null): Promise<ActionView> {
    await this.em.transactional(async (tx) => {
      const action = await this.load(tx, id, dto.version);
      const broken = checkStatusProgress(dto.status, dto.progress);
      if (broken.length) throw ApiException.rule(broken);
      const proof = proofOf(dto);
      if (proof && dto.status !== 'terminee') {
        throw ApiException.rule([
          { field: 'proofTitle', message: 'Une preuve accompagne une action terminée : choisissez « Terminée » ou retirez la preuve.' },
        ]);
      }
      const changes = diff(action, { status: dto.status, progress: dto.progress });
      if (!changes.length && !dto.comment && !proof) return; // nothing to record: the version stays
      action.status = dto.status;
      action.progress = dto.progress;
      action.updatedAt = new Date();
      if (proof) {
        await this.evidence.addProof(tx, 'action', action.id, proof, actorId);
        changes.push(['proof', null, proofLine(proof)]);
      }
      await recordChanges(tx, action.roadmap, 'action', action.id, changes, dto.comment, actorId);
    });
    return this.read.one(id, at);
  }

  /** Deletes an action, kept first in the Corbeille with its arrows both ways (restorable for 90 days). */
  async remove(id: string, version: number, actorId: string | null = null): Promise<void> {
    await this.em.transactional(async (tx) => {
      const action = await this.load(tx, id, version);
      await this.trash.keep(tx, 'action', action.id, actorId);
      await recordChanges(tx, action.roadmap, 'action', action.id, [['deleted', action.title, null]], null, actorId);
      await this.detachSuccessors(tx, action, actorId);
      await tx.nativeDelete(ActionDependency, { $or: [{ predecessor: action }, { successor: action }] });
      tx.remove(action);
    });
  }

  /**
   * The actions that followed a deleted one, whatever their function, lose it as a predecessor in
   * the open: each gets the change in its history and a new version (ADR 0008), so no item of
   * another function changes silently when a function owner deletes their own action.
   */
  private async detachSuccessors(tx: EntityManager, action: Action, actorId: string | null): Promise<void> {
    const ids = await this.queries.lockSuccessors(action.id, tx);
    if (!ids.length) return;
    for (const successor of await tx.find(Action, { id: { $in: ids } })) {
      const change: Change = ['predecessor', action, null];
      await recordChanges(tx, action.roadmap, 'action', successor.id, [change], 'Action précédente supprimée.', actorId);
      successor.updatedAt = new Date();
    }
  }

  async addDependency(id: string, dto: AddDependencyDto, at: IsoDate, actorId: string | null = null): Promise<ActionView> {
    await this.em.transactional(async (tx) => {
      // one writer at a time on a roadmap's dependency graph, so two arrows added at once cannot
      // close a cycle; taken before any row lock, so that two such writers cannot deadlock
      const [owner] = await tx.execute<Array<{ roadmap_id: string }>>('select roadmap_id from action where id = ?', [id]);
      if (!owner) throw ApiException.notFound('L’action', id);
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`jalons:deps:${owner.roadmap_id}`]);
      const action = await this.load(tx, id, dto.version);
      const [predecessor] = await this.lockedPredecessors(tx, action.roadmap, [dto.predecessorId]);
      if (!predecessor) {
        throw ApiException.rule([{ field: 'predecessorId', message: 'L’action précédente est introuvable dans cette feuille de route.' }]);
      }
      const edges = (
        await tx.execute<Array<{ p: string; s: string }>>(
          'select d.predecessor_id as p, d.successor_id as s from action_dependency d join action a on a.id = d.successor_id where a.roadmap_id = ?',
          [action.roadmap.id],
        )
      ).map((e) => [e.p, e.s] as const);
      if (edges.some(([p, s]) => p === predecessor.id && s === action.id)) {
        throw ApiException.rule([{ field: 'predecessorId', message: 'Cette dépendance existe déjà.' }]);
      }
      if (wouldCreateCycle(edges, [predecessor.id, action.id])) {
        throw ApiException.rule([
          {
            field: 'predecessorId',
            message: `Cette dépendance créerait un cycle : « ${action.title} » précède déjà « ${predecessor.title} ».`,
          },
        ]);
      }
      const late = checkDependencyDates(predecessor, action);
      if (late.length) throw ApiException.rule(late);
      tx.create(ActionDependency, { predecessor, successor: action });
      action.updatedAt = new Date();
      await recordChanges(tx, action.roadmap, 'action', action.id, [['predecessor', null, predecessor]], null, actorId);
    });
    return this.read.one(id, at);
  }

  async removeDependency(
    id: string,
    predecessorId: string,
    version: number,
    at: IsoDate,
    actorId: string | null = null,
  ): Promise<ActionView> {
    await this.em.transactional(async (tx) => {
      const action = await this.load(tx, id, version);
      const link = await tx.findOne(ActionDependency, { predecessor: predecessorId, successor: action }, { populate: ['predecessor'] });
      if (!link) throw ApiException.notFound('La dépendance vers', predecessorId);
      await recordChanges(tx, action.roadmap, 'action', action.id, [['predecessor', link.predecessor, null]], null, actorId);
      tx.remove(link);
      action.updatedAt = new Date();
    });
    return this.read.one(id, at);
  }
}
