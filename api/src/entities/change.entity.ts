import { randomUUID } from 'node:crypto';

import { Entity, Index, ManyToOne, PrimaryKey, Property, Opt } from '@mikro-orm/core';

import { Account } from './account.entity';
import { Roadmap } from './roadmap.entity';

export type ItemType = 'action' | 'milestone';

/**
 * One line of an item's history: who changed which field, when, from what to what, and why.
 * Kept when the item is deleted (the deletion itself is a line), so `item_id` is not a foreign key.
 */
@Entity({ tableName: 'change_history' })
@Index({ properties: ['itemType', 'itemId', 'at'] })
@Index({ properties: ['roadmap', 'at'] }) // reads at a past date (ADR 0020)
export class ChangeEntry {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne({ entity: () => Roadmap, deleteRule: 'cascade' })
  roadmap!: Roadmap;

  @Property({ type: 'string', length: 20 })
  itemType!: ItemType;

  @Property({ type: 'uuid' })
  itemId!: string;

  @ManyToOne({ entity: () => Account, nullable: true, deleteRule: 'set null' })
  actor: Account | null = null;

  @Property({ type: 'timestamptz' })
  at: Opt<Date> = new Date();

  @Property({ type: 'string', length: 50 })
  field!: string;

  @Property({ type: 'text', nullable: true })
  fromValue: string | null = null;

  @Property({ type: 'text', nullable: true })
  toValue: string | null = null;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  /** why an item of the latest baseline was re-planned (ADR 0017); null otherwise */
  @Property({ type: 'string', length: 500, nullable: true })
  reason: string | null = null;

  /** the governance decision a re-plan cites (ADR 0019); not a foreign key: the history is kept whole */
  @Property({ type: 'uuid', nullable: true })
  decisionId: string | null = null;
}
