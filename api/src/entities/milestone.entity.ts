import { PROVENANCES } from '@jalons/domain';
import type { IsoDate, Provenance } from '@jalons/domain';
import { Entity, Enum, Index, ManyToOne, Property, Unique, Opt } from '@mikro-orm/core';

import { Account } from './account.entity';
import { BaseEntity } from './base';
import { Phase } from './phase.entity';
import { Roadmap } from './roadmap.entity';
import { TargetFunction } from './target-function.entity';

/** A dated checkpoint of a function (a diamond on the Gantt). */
@Entity({ tableName: 'milestone' })
@Unique({ properties: ['roadmap', 'kitKey'] })
@Index({ properties: ['roadmap', 'date'] })
export class Milestone extends BaseEntity {
  @ManyToOne({ entity: () => Roadmap, deleteRule: 'cascade' })
  roadmap!: Roadmap;

  @ManyToOne({ entity: () => TargetFunction, fieldName: 'function_id', deleteRule: 'cascade' })
  fn!: TargetFunction;

  @ManyToOne({ entity: () => Phase })
  phase!: Phase;

  @Property({ type: 'string', length: 120, nullable: true })
  kitKey: string | null = null;

  /** where a kit item comes from (docs/kit.md): the study, another territory's practice, an example; null when added in the app */
  @Enum({ items: () => [...PROVENANCES], nullable: true })
  provenance: Provenance | null = null;

  /** the practice or document a kit item rests on (always there for a `pratique`) */
  @Property({ type: 'string', length: 300, nullable: true })
  provenanceRef: string | null = null;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  description: Opt<string> = '';

  @Property({ type: 'date', fieldName: 'milestone_date' })
  date!: IsoDate;

  @Property({ type: 'date', nullable: true })
  achievedOn: IsoDate | null = null;

  /** who answers for it (by default its function's owner when created) */
  @ManyToOne({ entity: () => Account, nullable: true, deleteRule: 'set null' })
  owner: Account | null = null;

  /** the item of another roadmap this one was carried over from (planning/, ADR 0013); no foreign key: the origin may be deleted */
  @Property({ type: 'uuid', nullable: true })
  carriedFromId: string | null = null;

  @Property({ type: 'integer', version: true })
  version!: Opt<number>;
}
