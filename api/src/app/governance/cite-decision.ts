import type { EntityManager } from '@mikro-orm/postgresql';
import type { LinkedItemType } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';

export const UNKNOWN_DECISION = 'Décision inconnue dans cette feuille de route';

/**
 * A baseline or a re-plan cites a decision (ADR 0019): run inside the citing write's transaction.
 * The decision must be of the roadmap (422 on `decisionId` otherwise); its row is share-locked so
 * that it cannot be deleted before the write commits. A re-plan names its item: the decision then
 * lists that item among its own (added when missing). Returns the decision's id, or null when none
 * is cited.
 */
export async function citeDecision(
  tx: EntityManager,
  roadmapId: string,
  decisionId: string | null | undefined,
  item?: { type: LinkedItemType; id: string },
): Promise<string | null> {
  if (!decisionId) return null;
  const found = await tx.execute<Array<{ id: string }>>('select id from decision where id = ? and roadmap_id = ? for share', [
    decisionId,
    roadmapId,
  ]);
  if (!found.length) throw ApiException.rule([{ field: 'decisionId', message: `${UNKNOWN_DECISION}.` }]);
  if (item) {
    const column = item.type === 'action' ? 'action_id' : 'milestone_id';
    await tx.execute(`insert into decision_item (decision_id, ${column}) values (?, ?) on conflict do nothing`, [decisionId, item.id]);
  }
  return decisionId;
}
