import type { EntityManager } from '@mikro-orm/postgresql';

import { Account, ChangeEntry, Roadmap } from '../../entities';
import { boundRows } from '../../infra/database/sql';
import type { ItemType } from '../../entities';
import { BUMP_REVISION, INSERT_CHANGE_LINES } from './history.queries';

export type Change = [field: string, from: unknown, to: unknown];

const text = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : typeof v === 'object' && 'title' in (v as object)
      ? String((v as { title: string }).title)
      : typeof v === 'object' && 'name' in (v as object)
        ? String((v as { name: string }).name)
        : String(v);

/**
 * Stages one history line per changed field, in the caller's transaction, and bumps the roadmap's
 * revision (which also serialises concurrent writers of one roadmap until they commit). `reason`: why
 * an item of the latest baseline was re-planned (ADR 0017), on each line; `decisionId`: the governance
 * decision the change cites (ADR 0019), likewise.
 */
export async function recordChanges(
  em: EntityManager,
  roadmap: Roadmap,
  itemType: ItemType,
  itemId: string,
  changes: Change[],
  comment: string | null | undefined,
  actorId: string | null,
  reason: string | null = null,
  decisionId: string | null = null,
): Promise<void> {
  const actor = actorId ? em.getReference(Account, actorId) : null;
  await em.execute(BUMP_REVISION, [roadmap.id]);
  const at = new Date();
  const lines = changes.length ? changes : ([['comment', null, null]] as Change[]);
  for (const [field, from, to] of lines) {
    em.create(ChangeEntry, {
      roadmap,
      itemType,
      itemId,
      actor,
      at,
      field,
      fromValue: text(from),
      toValue: text(to),
      comment: comment ?? null,
      reason,
      decisionId,
    });
  }
}

/** One item's changes, for `recordManyChanges`. */
export interface ItemChanges {
  itemType: ItemType;
  itemId: string;
  changes: Change[];
}

/**
 * Many items' changes in one transaction (an import): one history line per change, all with the
 * same instant and comment, written by one statement (not staged in the unit of work: thousands of
 * entities would cost far more than the insert), and the roadmap's revision bumped once, not once per item.
 */
export async function recordManyChanges(
  em: EntityManager,
  roadmap: Roadmap,
  items: readonly ItemChanges[],
  comment: string | null,
  actorId: string | null,
): Promise<void> {
  if (!items.length) return;
  await em.execute(BUMP_REVISION, [roadmap.id]);
  const lines = items.flatMap(({ itemType, itemId, changes }) =>
    changes.map(([field, from, to]) => ({ item_type: itemType, item_id: itemId, field, from_value: text(from), to_value: text(to) })),
  );
  if (!lines.length) return;
  // bound as parameters on the transaction's connection: `execute` would write the JSON into the statement's text (boundRows)
  const params = [roadmap.id, actorId, new Date(), comment, JSON.stringify(lines)];
  if (em.isInTransaction()) await boundRows(em, INSERT_CHANGE_LINES, params);
  else await em.execute(INSERT_CHANGE_LINES, params);
}

/** The fields of `patch` whose value differs from `current`, as history changes. */
export function diff<T extends object>(current: T, patch: Partial<T>): Change[] {
  return (Object.keys(patch) as Array<keyof T>)
    .filter((k) => patch[k] !== undefined && patch[k] !== current[k])
    .map((k) => [String(k), current[k], patch[k]]);
}
