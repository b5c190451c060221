import { randomUUID } from 'node:crypto';

import type { IsoDate } from '@jalons/domain';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, Opt } from '@mikro-orm/core';

import { Account } from './account.entity';
import { Roadmap } from './roadmap.entity';

export type ReminderRule = 'before' | 'due' | 'overdue' | 'escalation';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * One reminder for one person about one item: the (person, item, rule, occurrence) key is unique,
 * so whoever runs the job, however often, a reminder exists once. `occurrence` names the due date
 * and the day offset (a re-planned item is reminded again for its new date). Shown in the app
 * (the bell) and, unless the person chose no e-mail, listed in one digest (`outbox`).
 */
@Entity({ tableName: 'notification' })
@Unique({ name: 'notification_key_unique', properties: ['account', 'itemType', 'itemId', 'rule', 'occurrence'] })
@Index({ name: 'notification_account_id_read_at_index', properties: ['account', 'readAt'] })
export class Notification {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne({ entity: () => Account, deleteRule: 'cascade' })
  account!: Account;

  @ManyToOne({ entity: () => Roadmap, deleteRule: 'cascade' })
  roadmap!: Roadmap;

  @Property({ type: 'string', length: 20 })
  itemType!: 'action' | 'milestone';

  @Property({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'string', length: 20 })
  rule!: ReminderRule;

  /** '<due date>:<days from the run to the due date>', e.g. '2027-03-31:7', '2027-03-31:-14' */
  @Property({ type: 'string', length: 40 })
  occurrence!: string;

  @Property({ type: 'date' })
  dueDate!: IsoDate;

  /** the day of the job's run that created it (Europe/Paris) */
  @Property({ type: 'date' })
  runDate!: IsoDate;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  readAt: Date | null = null;

  /** the digest that lists it; null while not mailed (or never: "no e-mail") */
  @ManyToOne({ entity: () => OutboxMessage, nullable: true, deleteRule: 'set null' })
  @Index()
  outbox: OutboxMessage | null = null;
}

/**
 * An e-mail to send, recorded before it is sent (the outbox pattern). `key` is unique (one digest
 * per person and day). Senders claim rows with FOR UPDATE SKIP LOCKED and a lease (`lockedUntil`):
 * a process that dies mid-batch leaves rows that another picks up when the lease ends.
 */
@Entity({ tableName: 'outbox' })
@Index({ name: 'outbox_status_next_attempt_at_index', properties: ['status', 'nextAttemptAt'] })
export class OutboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'string', length: 200 })
  @Unique()
  key!: string;

  @ManyToOne({ entity: () => Account, nullable: true, deleteRule: 'cascade' })
  account: Account | null = null;

  @Property({ type: 'string', length: 20 })
  kind!: 'digest' | 'test';

  @Property({ type: 'string', length: 320 })
  toAddress!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  textBody!: string;

  @Property({ type: 'text' })
  htmlBody!: string;

  @Enum({ items: ['pending', 'sending', 'sent', 'failed'], nativeEnumName: 'outbox_status' })
  status: Opt<OutboxStatus> = 'pending';

  @Property({ type: 'integer' })
  attempts: Opt<number> = 0;

  @Property({ type: 'timestamptz' })
  nextAttemptAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;
}

/** One run of the reminder job, for the administrator's page. */
@Entity({ tableName: 'reminder_run' })
export class ReminderRun {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'date' })
  @Index()
  runDate!: IsoDate;

  @Property({ type: 'string', length: 20 })
  trigger!: 'cron' | 'cli' | 'admin';

  @Property({ type: 'timestamptz' })
  startedAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  /** reminders due that day (before de-duplication) */
  @Property({ type: 'integer' })
  selected: Opt<number> = 0;

  /** reminders new that run */
  @Property({ type: 'integer' })
  created: Opt<number> = 0;

  @Property({ type: 'integer' })
  digests: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;
}

export type CalendarScope = 'person' | 'function' | 'roadmap';

/** A secret, revocable calendar address (iCalendar): only the token's SHA-256 is kept. */
@Entity({ tableName: 'calendar_feed' })
export class CalendarFeed {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  /** who created it (and may revoke it) */
  @ManyToOne({ entity: () => Account, deleteRule: 'cascade' })
  @Index()
  account!: Account;

  @Enum({ items: ['person', 'function', 'roadmap'], nativeEnumName: 'calendar_scope' })
  scope!: CalendarScope;

  /** the person, function or roadmap it follows */
  @Property({ type: 'uuid' })
  targetId!: string;

  @Property({ type: 'string', length: 300 })
  label!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}
