import type { CentralVolet, FunctionFamily } from '@jalons/domain';
import { Entity, ManyToOne, Property, Unique, Opt } from '@mikro-orm/core';

import { BaseEntity } from './base';
import { Account } from './account.entity';
import { Roadmap } from './roadmap.entity';

export interface Volet {
  code: CentralVolet;
  name: string;
  description: string;
}

/** One of the target functions of a roadmap (the central one or one of the ten). */
@Entity({ tableName: 'target_function' })
@Unique({ properties: ['roadmap', 'code'] })
export class TargetFunction extends BaseEntity {
  @ManyToOne({ entity: () => Roadmap, deleteRule: 'cascade' })
  roadmap!: Roadmap;

  @Property({ type: 'string', length: 50 })
  code!: string;

  @Property({ type: 'string', length: 150 })
  name!: string;

  @Property({ type: 'string', length: 30 })
  family!: FunctionFamily;

  @Property({ type: 'boolean' })
  central: Opt<boolean> = false;

  @Property({ type: 'text' })
  description: Opt<string> = '';

  /** the central function's three strands (stratégique, métiers, technique); empty otherwise */
  @Property({ type: 'json' })
  volets: Opt<Volet[]> = [];

  @ManyToOne({ entity: () => Account, nullable: true, deleteRule: 'set null' })
  owner: Account | null = null;

  @Property({ type: 'string', length: 7 })
  color!: string;

  @Property({ type: 'smallint', fieldName: 'position' })
  order!: number;

  /** edits of the description, owner, colour and volets (planning/) check it: a stale one gets a 409 */
  @Property({ type: 'integer', version: true })
  version!: Opt<number>;
}
