import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { checkActionDates, checkMilestoneDate, phaseAt, TRASH_DAYS, wouldCreateCycle } from '@jalons/domain';
import type { IsoDate, RuleViolation } from '@jalons/domain';
import type { SkippedDependencyView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { Action, Phase, Roadmap, TargetFunction } from '../../entities';
import type { ItemType } from '../../entities';
import { recordChanges } from '../history';
import { TrashQueries } from './trash.queries';
import type { TrashEntryRow } from './trash.queries';

const WHAT: Readonly<Record<ItemType, string>> = { action: 'L’action', milestone: 'Le jalon' };

/**
 * The Corbeille's writes: a deletion keeps a snapshot of the item in its own transaction (`keep`),
 * a restore puts the item back with the same id (`restore`) — docs/adr/0014-trash.md.
 */
@Injectable()
export class TrashService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: TrashQueries,
  ) {}

  /**
   * Run by a deletion in its transaction, before the item's rows go: keeps its snapshot, and purges
   * the entries older than TRASH_DAYS days (one set-based statement; the list and the restores
   * ignore them already, so the purge only frees the space).
   */
  async keep(tx: EntityManager, itemType: ItemType, itemId: string, actorId: string | null): Promise<void> {
    await this.queries.purge(tx);
    await this.queries.keep(itemType, itemId, actorId, tx);
  }

  /**
   * Puts a deleted item back, all or nothing: same id (its history shows again, with a « restored »
   * line), a new version, its phase recomputed from its dates; for an action, its arrows whose other
   * end still exists (an arrow that would now close a cycle is left out and reported), each
   * follower getting its predecessor back with a history line and a new version. Refused (422)
   * when its function no longer exists or its dates fall outside the roadmap now.
   */
  restore(itemType: ItemType, itemId: string, actorId: string | null): Promise<SkippedDependencyView[]> {
    const notInTrash = () =>
      new ApiException({
        statusCode: 404,
        error: 'not_found',
        message: `${WHAT[itemType]} ${itemId} n’est pas dans la corbeille (ou en est sorti·e après ${TRASH_DAYS} jours).`,
      });
    return this.em.transactional(async (tx) => {
      const roadmapId = await this.queries.roadmapOf(itemType, itemId);
      if (!roadmapId) throw notInTrash();
      // one writer at a time on the roadmap's arrows (as when one is added), taken before any row lock
      if (itemType === 'action') await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`jalons:deps:${roadmapId}`]);
      const entry = await this.queries.take(itemType, itemId, tx);
      if (!entry) throw notInTrash();
      const roadmap = await tx.findOneOrFail(Roadmap, { id: entry.roadmap_id });
      const row = await this.restorableRow(tx, roadmap, entry);
      await this.queries.reinsert(itemType, row, tx);
      const skipped = itemType === 'action' ? await this.relink(tx, roadmap, entry, actorId) : [];
      const comment = skipped.length ? skipped.map((s) => s.reason).join(' ') : null;
      await recordChanges(tx, roadmap, itemType, itemId, [['restored', null, entry.title]], comment, actorId);
      await this.queries.remove(entry.id, tx);
      return skipped;
    });
  }

  /** The snapshot's row as it goes back: checked against the roadmap as it is now, with its phase, a new version, its owner if still there. */
  private async restorableRow(tx: EntityManager, roadmap: Roadmap, entry: TrashEntryRow): Promise<Record<string, unknown>> {
    const { row, functionName } = entry.snapshot;
    const refuse = (violations: RuleViolation[]) =>
      ApiException.rule(violations.map((v) => ({ field: v.field, message: `Restauration impossible : ${v.message}` })));
    if (!(await tx.findOne(TargetFunction, { id: entry.function_id, roadmap }))) {
      throw refuse([{ field: 'functionId', message: `la fonction « ${functionName} » n’existe plus dans cette feuille de route.` }]);
    }
    const action = entry.item_type === 'action';
    const day = (action ? row['start_date'] : row['milestone_date']) as IsoDate;
    const broken = action ? checkActionDates(roadmap, { start: day, due: row['due_date'] as IsoDate }) : checkMilestoneDate(roadmap, day);
    if (broken.length) throw refuse(broken.map((v) => ({ ...v, message: lower(v.message) })));
    const phase = phaseAt(await tx.find(Phase, { roadmap }, { orderBy: { order: 'asc' } }), day);
    if (!phase) throw refuse([{ field: action ? 'start' : 'date', message: 'aucune phase de la feuille de route ne contient sa date.' }]);
    const owner = typeof row['owner_id'] === 'string' ? row['owner_id'] : null;
    const ownerKept = owner !== null && (await this.queries.accounts([owner], tx)).has(owner);
    return { ...row, phase_id: phase.id, owner_id: ownerKept ? owner : null, version: Number(row['version']) + 1, updated_at: new Date() };
  }

  /** Brings a restored action's arrows back where both ends exist and no cycle would close; the rest is reported. */
  private async relink(
    tx: EntityManager,
    roadmap: Roadmap,
    entry: TrashEntryRow,
    actorId: string | null,
  ): Promise<SkippedDependencyView[]> {
    const self = { id: entry.item_id, title: entry.title };
    const predecessors = await this.queries.actions(roadmap.id, entry.snapshot.predecessors, 'share', tx);
    const successors = await this.queries.actions(roadmap.id, entry.snapshot.successors, 'update', tx);
    const edges = await this.queries.edges(roadmap.id, tx);
    const skipped: SkippedDependencyView[] = [];
    const link = async (p: { id: string; title: string }, s: { id: string; title: string }): Promise<boolean> => {
      if (wouldCreateCycle(edges, [p.id, s.id])) {
        const reason = `La dépendance « ${p.title} » → « ${s.title} » n’a pas été rétablie : elle fermerait un cycle.`;
        skipped.push({ predecessorId: p.id, predecessorTitle: p.title, successorId: s.id, successorTitle: s.title, reason });
        return false;
      }
      edges.push([p.id, s.id]);
      await this.queries.addEdge(p.id, s.id, tx);
      return true;
    };
    for (const p of predecessors) await link(p, self);
    const relinked: string[] = [];
    for (const s of successors) if (await link(self, s)) relinked.push(s.id);
    // each follower gets its predecessor back in the open, as it lost it: a history line and a new version
    for (const follower of relinked.length ? await tx.find(Action, { id: { $in: relinked } }) : []) {
      await recordChanges(
        tx,
        roadmap,
        'action',
        follower.id,
        [['predecessor', null, entry.title]],
        'Action précédente restaurée.',
        actorId,
      );
      follower.updatedAt = new Date();
    }
    return skipped;
  }
}

/** A domain message after « Restauration impossible : ». */
function lower(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
