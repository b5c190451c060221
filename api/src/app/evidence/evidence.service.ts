import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { CreateEvidenceDto, EvidenceView, ProofFields } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { EvidenceQueries } from './evidence.queries';
import type { EvidenceItemType, EvidenceRow } from './evidence.queries';

const NOT_FOUND: Record<EvidenceItemType, string> = { action: 'L’action', milestone: 'Le jalon', decision: 'La décision' };

export function evidenceView(row: EvidenceRow): EvidenceView {
  const [itemType, itemId] = row.action_id
    ? (['action', row.action_id] as const)
    : row.decision_id
      ? (['decision', row.decision_id] as const)
      : (['milestone', row.milestone_id ?? ''] as const);
  return {
    id: row.id,
    itemType,
    itemId,
    title: row.title,
    url: row.url,
    kind: row.kind,
    addedBy: row.added_by_id ? { id: row.added_by_id, name: row.added_by_name ?? '' } : null,
    addedAt: row.added_at,
  };
}

/** A proof sent with a status change, whole (the contract checks that the three fields come together). */
export type Proof = Required<ProofFields>;

/** The proof of a status body, when it carries one. */
export function proofOf(dto: ProofFields): Proof | null {
  return dto.proofTitle !== undefined && dto.proofUrl !== undefined && dto.proofKind !== undefined
    ? { proofTitle: dto.proofTitle, proofUrl: dto.proofUrl, proofKind: dto.proofKind }
    : null;
}

/** How a proof reads in the item's history. */
export const proofLine = (p: Proof): string => `« ${p.proofTitle} » — ${p.proofUrl}`;

/** Links on actions, milestones and decisions (docs/evidence.md): listed by anyone signed in, written by the item's writers (a decision's: the lead). */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: EvidenceQueries,
  ) {}

  async list(itemType: EvidenceItemType, itemId: string): Promise<EvidenceView[]> {
    const rows = await this.queries.ofItem(itemType, itemId);
    if (!rows.length && !(await this.queries.itemExists(itemType, itemId))) throw ApiException.notFound(NOT_FOUND[itemType], itemId);
    return rows.map(evidenceView);
  }

  async add(itemType: EvidenceItemType, itemId: string, dto: CreateEvidenceDto, actorId: string | null): Promise<EvidenceView> {
    const id = await this.em.transactional(async (tx) => {
      if (!(await this.queries.itemExists(itemType, itemId, tx))) throw ApiException.notFound(NOT_FOUND[itemType], itemId);
      return this.queries.insert(itemType, itemId, { title: dto.title, url: dto.url, kind: dto.kind, addedBy: actorId }, tx);
    });
    const row = await this.queries.one(id);
    if (!row) throw ApiException.notFound('La preuve', id); // deleted in between
    return evidenceView(row);
  }

  /**
   * A status change's proof, in the caller's transaction (the item's row already locked by it), so
   * that the status and its proof are saved together or not at all.
   */
  addProof(tx: EntityManager, itemType: EvidenceItemType, itemId: string, proof: Proof, actorId: string | null): Promise<string> {
    const values = { title: proof.proofTitle, url: proof.proofUrl, kind: proof.proofKind, addedBy: actorId };
    return this.queries.insert(itemType, itemId, values, tx);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.queries.remove(id))) throw ApiException.notFound('La preuve', id);
  }
}
