import type { EntityManager } from '@mikro-orm/postgresql';
import type { BaselineItemType } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { BaselineQueries } from './baselines.queries';

/**
 * A re-plan of an item the latest baseline covers must say why (ADR 0017): when its dates change
 * and no reason is given, a 422 on `reason`. Run inside the item's write, its row locked. The reason
 * to keep in the history (null when none was given).
 */
export async function replanReason(
  queries: BaselineQueries,
  tx: EntityManager,
  item: { type: BaselineItemType; id: string },
  datesChange: boolean,
  reason: string | undefined,
): Promise<string | null> {
  if (reason) return reason;
  if (datesChange && (await queries.inLatest(item.type, item.id, tx))) {
    const what = item.type === 'action' ? 'Cette action' : 'Ce jalon';
    throw ApiException.rule([
      {
        field: 'reason',
        message: `${what} fait partie de la dernière référence : indiquez le motif du changement de date (1 à 500 caractères).`,
      },
    ]);
  }
  return null;
}
