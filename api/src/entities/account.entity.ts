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

  @Property({ type: 'integer', version: true })
  version!: Opt<number>;
}

/**
 * A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a copy
 * of the table opens no session. Ends after `idle` without a request or at `expires_at`.
 */
@Entity({ tableName: 'session' })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @ManyToOne({ entity: () => Account, deleteRule: 'cascade' })
  @Index()
  account!: Account;

  /** the anti-CSRF token bound to this session (also sent as the XSRF-TOKEN cookie) */
  @Property({ type: 'string', length: 64 })
  csrfToken!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  lastSeenAt: Opt<Date> = new Date();

  /** absolute end, whatever the activity */
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}

export type AccountTokenKind = 'invitation' | 'reset';

/** A one-time link sent by e-mail (invitation, password reset): stored as SHA-256, expiring, used once. */
@Entity({ tableName: 'account_token' })
export class AccountToken {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @ManyToOne({ entity: () => Account, deleteRule: 'cascade' })
  @Index()
  account!: Account;

  @Enum({ items: ['invitation', 'reset'], nativeEnumName: 'account_token_kind' })
  kind!: AccountTokenKind;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;
}

/**
 * Sign-in attempts counted per key ('email:…', 'ip:…', 'reset:…') over a fixed window, in the
 * database so that every instance shares the count (auth/throttle.ts).
 */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottle {
  @PrimaryKey({ type: 'string', length: 400 })
  key!: string;

  @Property({ type: 'integer' })
  attempts!: number;

  @Property({ type: 'timestamptz' })
  windowStartedAt!: Date;
}
