import { DEFAULT_REMINDER_RULES } from '@jalons/domain';
import type { IsoDate, ReminderRules } from '@jalons/domain';
import { Entity, ManyToOne, Property, Unique, Opt } from '@mikro-orm/core';

import { BaseEntity } from './base';
import { Account } from './account.entity';

/** The kit instantiated for one territory and one mandate. */
@Entity({ tableName: 'roadmap' })
export class Roadmap extends BaseEntity {
  @Property({ type: 'string', length: 100 })
  @Unique()
  slug!: string;

  @Property({ type: 'string', length: 200 })
  territory!: string;

  @Property({ type: 'string', length: 100 })
  mandateLabel!: string;

  /** the election's round(s), 'YYYY-MM-DD' */
  @Property({ type: 'json' })
  electionDates!: IsoDate[];

  @Property({ type: 'date' })
  nextElectionDate!: IsoDate;

  @Property({ type: 'date', fieldName: 'start_date' })
  start!: IsoDate;

  @Property({ type: 'date', fieldName: 'end_date' })
  end!: IsoDate;

  @Property({ type: 'string', length: 50 })
  kitCode!: string;

  @ManyToOne({ entity: () => Account, nullable: true, deleteRule: 'set null' })
  projectLead: Account | null = null;

  /** the public page (phases, functions, progress, milestones; no personal data), off by default */
  @Property({ type: 'boolean' })
  publicPage: Opt<boolean> = false;

  /** the sites (origins such as https://www.brest.fr) allowed to show the public widget in an iframe; empty: none */
  @Property({ type: 'text[]', default: '{}' })
  embedOrigins: Opt<string[]> = [];

  /** when owners are reminded of due dates (reminders/rules.ts), set by the project lead */
  @Property({ type: 'json', defaultRaw: `'${JSON.stringify(DEFAULT_REMINDER_RULES)}'` })
  reminderRules: Opt<ReminderRules> = { ...DEFAULT_REMINDER_RULES };

  @Property({ type: 'integer', version: true })
  version!: Opt<number>;

  /** when its mandate was closed (after carrying its unfinished items over, ADR 0013); it stays writable */
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  /** bumped by every write on the roadmap's content (history.ts); keys the chronogram cache and ETag */
  @Property({ type: 'integer' })
  revision: Opt<number> = 0;
}
