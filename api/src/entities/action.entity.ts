import { PROVENANCES } from '@jalons/domain';
import type { ActionStatus, CentralVolet, IsoDate, Provenance } from '@jalons/domain';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKeyProp, Property, Unique, Opt } from '@mikro-orm/core';

import { BaseEntity } from './base';
import { Account } from './account.entity';
import { Phase } from './phase.entity';
import { Roadmap } from './roadmap.entity';
import { TargetFunction } from './target-function.entity';

@Entity({ tableName: 'action' })
@Unique({ properties: ['roadmap', 'kitKey'] })
@Index({ properties: ['roadmap', 'due'] })
// the reminder job scans open actions by due date, over every roadmap
@Index({
  name: 'action_due_date_open_index',
  expression: `create index "action_due_date_open_index" on "action" ("due_date") where "status" not in ('terminee', 'abandonnee')`,
})
@Check({ name: 'action_dates_check', expression: 'due_date >= start_date' })
@Check({ name: 'action_progress_check', expression: 'progress between 0 and 100' })
export class Action extends BaseEntity {
  @ManyToOne({ entity: () => Roadmap, deleteRule: 'cascade' })
  roadmap!: Roadmap;

  @ManyToOne({ entity: () => TargetFunction, fieldName: 'function_id', deleteRule: 'cascade', index: 'action_function_id_index' })
  fn!: TargetFunction;

  @ManyToOne({ entity: () => Phase })
  phase!: Phase;

  /** the kit's key for actions that came from the kit */
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

  @Property({ type: 'string', length: 20, nullable: true })
  volet: CentralVolet | null = null;

  @Property({ type: 'date', fieldName: 'start_date' })
  start!: IsoDate;

  @Property({ type: 'date', fieldName: 'due_date' })
  due!: IsoDate;

  @Property({ type: 'string', length: 20 })
  status: Opt<ActionStatus> = 'a_lancer';

  @Property({ type: 'smallint' })
  progress: Opt<number> = 0;

  @ManyToOne({ entity: () => Account, nullable: true, deleteRule: 'set null' })
  owner: Account | null = null;

  /** the item of another roadmap this one was carried over from (planning/, ADR 0013); no foreign key: the origin may be deleted */
  @Property({ type: 'uuid', nullable: true })
  carriedFromId: string | null = null;

  @Property({ type: 'integer', version: true })
  version!: Opt<number>;
}

/** An arrow of the Gantt: `successor` waits for `predecessor`. */
@Entity({ tableName: 'action_dependency' })
@Index({ properties: ['successor'] })
export class ActionDependency {
  [PrimaryKeyProp]?: ['predecessor', 'successor'];

  @ManyToOne({ entity: () => Action, primary: true, deleteRule: 'cascade' })
  predecessor!: Action;

  @ManyToOne({ entity: () => Action, primary: true, deleteRule: 'cascade' })
  successor!: Action;
}
