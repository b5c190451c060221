import { randomUUID } from 'node:crypto';

import { PrimaryKey, Property, Opt } from '@mikro-orm/core';

/** Identity and timestamps shared by every stored record. */
export abstract class BaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'timestamptz', onCreate: () => new Date() })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
