import type { IsoDate, PhaseCode } from '@jalons/domain';
import { Entity, ManyToOne, Property, Unique, Opt } from '@mikro-orm/core';

import { BaseEntity } from './base';
import { Roadmap } from './roadmap.entity';

@Entity({ tableName: 'phase' })
@Unique({ properties: ['roadmap', 'code'] })
@Unique({ properties: ['roadmap', 'order'] })
export class Phase extends BaseEntity {
  @ManyToOne({ entity: () => Roadmap, deleteRule: 'cascade' })
  roadmap!: Roadmap;

  @Property({ type: 'string', length: 30 })
  code!: PhaseCode;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'text' })
  description: Opt<string> = '';

  /** the « why » of the phase, from the kit (docs/kit.md); null for a roadmap made before the kit had one */
  @Property({ type: 'text', nullable: true })
  purpose: string | null = null;

  @Property({ type: 'smallint', fieldName: 'position' })
  order!: number;

  @Property({ type: 'date', fieldName: 'start_date' })
  start!: IsoDate;

  @Property({ type: 'date', fieldName: 'end_date' })
  end!: IsoDate;
}
