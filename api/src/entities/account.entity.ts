import { randomUUID } from 'node:crypto';

import type { DigestFrequency, Role } from '@jalons/domain';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, Opt } from '@mikro-orm/core';

import { BaseEntity } from './base';

/**
 * A person who owns functions or actions, and who may sign in (the persons of the first version
 * became accounts: migration 20261128210000). The functions an account owns are the functions
 * whose `owner` it is. No password until an invitation is accepted.
 */
@Entity({ tableName: 'account' })
@Unique({
  name: 'account_email_lower_unique',
  expression: 'create unique index "account_email_lower_unique" on "account" (lower("email"))',
})
export class Account extends BaseEntity {
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 320 })
  email!: string;

  @Enum({ items: ['admin', 'lead', 'owner', 'elected'], nativeEnumName: 'account_role' })
  role: Opt<Role> = 'owner';

  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;

  /** argon2id, PHC string; null until the person chooses a password */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  passwordHash: Opt<string> | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt: Opt<Date> | null = null;

  /** reminders by e-mail: one digest a day (default), one a week (Mondays), or none (the bell only) */
  @Enum({ items: ['daily', 'weekly', 'none'], nativeEnumName: 'digest_frequency' })
  digest: Opt<DigestFrequency> = 'daily';

  /** the monthly summary by e-mail (ADR 0022): null follows the role (on for elected officials), true or false is the person's choice */
  @Property({ type: 'boolean', nullable: true })
  monthlySummary: Opt<boolean> | null = null;

  /** when an administrator anonymised this departed person (issue 13): name and e-mail are gone everywhere */
  @Property({ type: 'timestamptz', nullable: true })
  anonymisedAt: Opt<Date> | null = null;

  @Property({ type: 'integer', version: true })
  version!: Opt<number>;
}

export type AccountTokenKind = 'invitation' | 'reset';
