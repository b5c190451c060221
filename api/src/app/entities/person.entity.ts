import { Entity, Property, Unique } from '@mikro-orm/core';

import { BaseEntity } from './base';

/** Someone who owns functions or actions. Issue #4 turns persons into accounts. */
@Entity({ tableName: 'person' })
@Unique({ name: 'person_email_lower_unique', expression: 'create unique index "person_email_lower_unique" on "person" (lower("email"))' })
export class Person extends BaseEntity {
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 320 })
  email!: string;
}
