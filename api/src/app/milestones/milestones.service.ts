import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { checkMilestoneDate, phaseAt } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import type { CreateMilestoneDto, MilestoneView, UpdateMilestoneDto } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { Account, Milestone, Phase, Roadmap, TargetFunction } from '../../entities';
import { EvidenceService, proofLine, proofOf } from '../evidence';
import { BaselineQueries, replanReason } from '../baselines';
import { citeDecision } from '../governance';
import { diff, recordChanges } from '../history';
import type { Change } from '../history';
import { TrashService } from '../trash';
import { achievedOnViolations } from './milestone-rules';
import { MilestonesReader } from './milestones.reader';

@Injectable()
export class MilestonesService {
  constructor(
    private readonly em: EntityManager,
    private readonly read: MilestonesReader,
    private readonly trash: TrashService,
    private readonly evidence: EvidenceService,
    private readonly baselines: BaselineQueries,
  ) {}

  /** The milestone to change, its row locked until the transaction ends (see ActionsService.load). */
  private async load(tx: EntityManager, id: string, version: number): Promise<Milestone> {
    const [row] = await tx.execute<Array<{ version: number }>>('select version from milestone where id = ? for update', [id]);
    if (!row) throw ApiException.notFound('Le jalon', id);
    if (row.version !== version) throw ApiException.conflict(row.version, 'Ce jalon');
    return tx.findOneOrFail(Milestone, { id }, { populate: ['roadmap', 'fn', 'phase', 'owner'] });
  }

  /** The owner named by a request: an active account (as an action's owner), or nobody. */
  private async person(tx: EntityManager, id: string | null): Promise<Account | null> {
    if (id === null) return null;
    const p = await tx.findOne(Account, { id });
    if (!p) throw ApiException.rule([{ field: 'ownerId', message: 'Cette personne n’existe pas.' }]);
    if (!p.active) throw ApiException.rule([{ field: 'ownerId', message: 'Ce compte est désactivé : choisissez une personne active.' }]);
    return p;
  }

  private async phaseFor(tx: EntityManager, roadmap: Roadmap, date: IsoDate): Promise<Phase> {
    const phase = phaseAt(await tx.find(Phase, { roadmap }), date);
    if (!phase) throw ApiException.rule([{ field: 'date', message: 'Aucune phase de la feuille de route ne contient cette date.' }]);
    return phase;
  }

  private checkAchieved(achievedOn: IsoDate | null | undefined, today: IsoDate) {
    const broken = achievedOnViolations(achievedOn, today);
    if (broken.length) throw ApiException.rule(broken);
  }

  async create(
    roadmapId: string,
    dto: CreateMilestoneDto,
    at: IsoDate,
    today: IsoDate,
    actorId: string | null = null,
  ): Promise<MilestoneView> {
    const id = await this.em.transactional(async (tx) => {
      const roadmap = await tx.findOne(Roadmap, { id: roadmapId });
      if (!roadmap) throw ApiException.notFound('La feuille de route', roadmapId);
      const fn = await tx.findOne(TargetFunction, { id: dto.functionId, roadmap });
      if (!fn) throw ApiException.rule([{ field: 'functionId', message: 'Cette fonction n’appartient pas à cette feuille de route.' }]);
      const broken = checkMilestoneDate(roadmap, dto.date);
      if (broken.length) throw ApiException.rule(broken);
      this.checkAchieved(dto.achievedOn, today);
      const owner = dto.ownerId === undefined ? (fn.owner ?? null) : await this.person(tx, dto.ownerId);
      const m = tx.create(Milestone, {
        roadmap,
        fn,
        phase: await this.phaseFor(tx, roadmap, dto.date),
        title: dto.title,
        description: dto.description ?? '',
        date: dto.date,
        achievedOn: dto.achievedOn ?? null,
        owner,
      });
      await recordChanges(tx, roadmap, 'milestone', m.id, [['created', null, dto.date]], dto.comment, actorId);
      return m.id;
    });
    return this.read.one(id, at);
  }

  async update(id: string, dto: UpdateMilestoneDto, at: IsoDate, today: IsoDate, actorId: string | null = null): Promise<MilestoneView> {
    await this.em.transactional(async (tx) => {
      const m = await this.load(tx, id, dto.version);
      const changes: Change[] = [];
      if (dto.functionId !== undefined && dto.functionId !== m.fn.id) {
        const fn = await tx.findOne(TargetFunction, { id: dto.functionId, roadmap: m.roadmap });
        if (!fn) throw ApiException.rule([{ field: 'functionId', message: 'Cette fonction n’appartient pas à cette feuille de route.' }]);
        changes.push(['function', m.fn.name, fn.name]);
        m.fn = fn;
      }
      const date = dto.date ?? m.date;
      const broken = checkMilestoneDate(m.roadmap, date);
      if (broken.length) throw ApiException.rule(broken);
      this.checkAchieved(dto.achievedOn, today);
      const reason = await replanReason(this.baselines, tx, { type: 'milestone', id: m.id }, date !== m.date, dto.reason);
      const decisionId = await citeDecision(tx, m.roadmap.id, dto.decisionId, { type: 'milestone', id: m.id });
      changes.push(...diff(m, { title: dto.title, description: dto.description, date: dto.date, achievedOn: dto.achievedOn }));
      if (dto.ownerId !== undefined && dto.ownerId !== (m.owner?.id ?? null)) {
        const owner = await this.person(tx, dto.ownerId);
        changes.push(['owner', m.owner?.name ?? null, owner?.name ?? null]);
        m.owner = owner;
      }
      const phase = await this.phaseFor(tx, m.roadmap, date);
      if (phase.id !== m.phase.id) changes.push(['phase', m.phase.name, phase.name]);
      tx.assign(m, {
        title: dto.title ?? m.title,
        description: dto.description ?? m.description,
        date,
        achievedOn: dto.achievedOn === undefined ? m.achievedOn : dto.achievedOn,
        phase,
      });
      const proof = proofOf(dto);
      if (proof) {
        if (!m.achievedOn) {
          throw ApiException.rule([
            {
              field: 'proofTitle',
              message: 'Une preuve accompagne un jalon atteint : indiquez la date où il l’a été ou retirez la preuve.',
            },
          ]);
        }
        await this.evidence.addProof(tx, 'milestone', m.id, proof, actorId);
        changes.push(['proof', null, proofLine(proof)]);
      }
      if (!changes.length && !dto.comment && !reason && !decisionId) return;
      m.updatedAt = new Date();
      await recordChanges(tx, m.roadmap, 'milestone', m.id, changes, dto.comment, actorId, reason, decisionId);
    });
    return this.read.one(id, at);
  }

  /** Deletes a milestone, kept first in the Corbeille (restorable for 90 days). */
  async remove(id: string, version: number, actorId: string | null = null): Promise<void> {
    await this.em.transactional(async (tx) => {
      const m = await this.load(tx, id, version);
      await this.trash.keep(tx, 'milestone', m.id, actorId);
      await recordChanges(tx, m.roadmap, 'milestone', m.id, [['deleted', m.title, null]], null, actorId);
      tx.remove(m);
    });
  }
}
