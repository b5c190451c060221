import { Migration } from '@mikro-orm/migrations';

/**
 * Governance (issue 12, ADR 0019, docs/governance.md): a roadmap's instances (comité de pilotage,
 * comité technique, instance éthique), their meetings (attendees — accounts or free names —, agenda
 * items linked to an action or a milestone, minutes) and the decisions taken, linked to items.
 * Written and read with plain SQL only (`entities/sql-tables.ts`, `app/governance/governance.queries.ts`).
 *
 * - A meeting's instance is of the meeting's roadmap, a decision's meeting too: composite foreign
 *   keys `(instance_id, roadmap_id)` and `(meeting_id, roadmap_id)` say so to the database.
 * - An instance with meetings cannot be deleted (no action; the API answers 409 first; a roadmap's deletion takes both).
 * - Deleting a meeting keeps its decisions: their `meeting_id` becomes null (`on delete set null (meeting_id)`).
 * - An agenda item's link to an action or a milestone is dropped with the item (set null); a decision's
 *   link to an item goes with the item (cascade).
 * - Evidence may prove a decision: `evidence.decision_id` (cascade), and exactly one of action,
 *   milestone, decision is set.
 * - A baseline cites a decision (`baseline.decision_id`, set null when the decision is deleted); a
 *   re-plan's history lines too (`change_history.decision_id`, no foreign key: the history is kept
 *   whole, as `item_id` is — a deleted decision reads as none).
 */
export class Migration20261130110000_governance extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "governance_instance" (
        "id" uuid not null default gen_random_uuid(),
        "roadmap_id" uuid not null,
        "name" varchar(120) not null,
        "description" varchar(500) null,
        "created_at" timestamptz not null default now(),
        constraint "governance_instance_pkey" primary key ("id"),
        constraint "governance_instance_id_roadmap_unique" unique ("id", "roadmap_id"),
        constraint "governance_instance_name_check" check (length(btrim("name")) >= 1),
        constraint "governance_instance_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade
      );`,
    );
    this.addSql(`create unique index "governance_instance_name_unique" on "governance_instance" ("roadmap_id", lower("name"));`);

    this.addSql(
      `create table "meeting" (
        "id" uuid not null default gen_random_uuid(),
        "roadmap_id" uuid not null,
        "instance_id" uuid not null,
        "date" date not null,
        "title" varchar(200) null,
        "minutes" varchar(20000) null,
        "version" int not null default 1,
        "created_by" uuid null,
        "created_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default now(),
        constraint "meeting_pkey" primary key ("id"),
        constraint "meeting_id_roadmap_unique" unique ("id", "roadmap_id"),
        constraint "meeting_version_check" check ("version" >= 1),
        constraint "meeting_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade,
        constraint "meeting_instance_foreign" foreign key ("instance_id", "roadmap_id") references "governance_instance" ("id", "roadmap_id") on delete no action,
        constraint "meeting_created_by_foreign" foreign key ("created_by") references "account" ("id") on update cascade on delete set null
      );`,
    );
    this.addSql(`create index "meeting_roadmap_id_date_index" on "meeting" ("roadmap_id", "date");`);
    this.addSql(`create index "meeting_instance_id_index" on "meeting" ("instance_id");`);

    this.addSql(
      `create table "meeting_attendee" (
        "meeting_id" uuid not null,
        "position" int not null,
        "account_id" uuid null,
        "name" varchar(120) not null,
        constraint "meeting_attendee_pkey" primary key ("meeting_id", "position"),
        constraint "meeting_attendee_name_check" check (length(btrim("name")) >= 1),
        constraint "meeting_attendee_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade,
        constraint "meeting_attendee_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete set null
      );`,
    );

    this.addSql(
      `create table "agenda_item" (
        "id" uuid not null default gen_random_uuid(),
        "meeting_id" uuid not null,
        "position" int not null,
        "label" varchar(300) not null,
        "action_id" uuid null,
        "milestone_id" uuid null,
        constraint "agenda_item_pkey" primary key ("id"),
        constraint "agenda_item_position_unique" unique ("meeting_id", "position"),
        constraint "agenda_item_label_check" check (length(btrim("label")) >= 1),
        constraint "agenda_item_one_item_check" check (num_nonnulls("action_id", "milestone_id") <= 1),
        constraint "agenda_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade,
        constraint "agenda_item_action_id_foreign" foreign key ("action_id") references "action" ("id") on update cascade on delete set null,
        constraint "agenda_item_milestone_id_foreign" foreign key ("milestone_id") references "milestone" ("id") on update cascade on delete set null
      );`,
    );

    this.addSql(
      `create table "decision" (
        "id" uuid not null default gen_random_uuid(),
        "roadmap_id" uuid not null,
        "meeting_id" uuid null,
        "date" date not null,
        "kind" varchar(20) not null,
        "text" varchar(2000) not null,
        "created_by" uuid null,
        "created_at" timestamptz not null default now(),
        constraint "decision_pkey" primary key ("id"),
        constraint "decision_kind_check" check ("kind" in ('validation', 'replanification', 'arbitrage', 'budget')),
        constraint "decision_text_check" check (length(btrim("text")) >= 1),
        constraint "decision_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade,
        constraint "decision_meeting_foreign" foreign key ("meeting_id", "roadmap_id") references "meeting" ("id", "roadmap_id") on delete set null ("meeting_id"),
        constraint "decision_created_by_foreign" foreign key ("created_by") references "account" ("id") on update cascade on delete set null
      );`,
    );
    this.addSql(`create index "decision_roadmap_id_date_index" on "decision" ("roadmap_id", "date");`);
    this.addSql(`create index "decision_meeting_id_index" on "decision" ("meeting_id") where "meeting_id" is not null;`);

    this.addSql(
      `create table "decision_item" (
        "decision_id" uuid not null,
        "action_id" uuid null,
        "milestone_id" uuid null,
        constraint "decision_item_one_item_check" check (num_nonnulls("action_id", "milestone_id") = 1),
        constraint "decision_item_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade on delete cascade,
        constraint "decision_item_action_id_foreign" foreign key ("action_id") references "action" ("id") on update cascade on delete cascade,
        constraint "decision_item_milestone_id_foreign" foreign key ("milestone_id") references "milestone" ("id") on update cascade on delete cascade
      );`,
    );
    this.addSql(
      `create unique index "decision_item_action_unique" on "decision_item" ("decision_id", "action_id") where "action_id" is not null;`,
    );
    this.addSql(
      `create unique index "decision_item_milestone_unique" on "decision_item" ("decision_id", "milestone_id") where "milestone_id" is not null;`,
    );
    this.addSql(`create index "decision_item_action_id_index" on "decision_item" ("action_id") where "action_id" is not null;`);
    this.addSql(`create index "decision_item_milestone_id_index" on "decision_item" ("milestone_id") where "milestone_id" is not null;`);

    // evidence widened to decisions: one more item column, still exactly one set
    this.addSql(`alter table "evidence" add column "decision_id" uuid null;`);
    this.addSql(`alter table "evidence" drop constraint "evidence_one_item_check";`);
    this.addSql(
      `alter table "evidence" add constraint "evidence_one_item_check" check (num_nonnulls("action_id", "milestone_id", "decision_id") = 1);`,
    );
    this.addSql(
      `alter table "evidence" add constraint "evidence_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create index "evidence_decision_id_index" on "evidence" ("decision_id") where "decision_id" is not null;`);

    // citing a decision: a baseline's (the column exists since the baselines), a re-plan's history lines
    this.addSql(
      `alter table "baseline" add constraint "baseline_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "change_history" add column "decision_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "change_history" drop column if exists "decision_id";`);
    this.addSql(`alter table "baseline" drop constraint if exists "baseline_decision_id_foreign";`);
    this.addSql(`delete from "evidence" where "decision_id" is not null;`);
    this.addSql(`alter table "evidence" drop constraint "evidence_one_item_check";`);
    this.addSql(`alter table "evidence" drop column if exists "decision_id";`);
    this.addSql(`alter table "evidence" add constraint "evidence_one_item_check" check (num_nonnulls("action_id", "milestone_id") = 1);`);
    this.addSql(`drop table if exists "decision_item" cascade;`);
    this.addSql(`drop table if exists "decision" cascade;`);
    this.addSql(`drop table if exists "agenda_item" cascade;`);
    this.addSql(`drop table if exists "meeting_attendee" cascade;`);
    this.addSql(`drop table if exists "meeting" cascade;`);
    this.addSql(`drop table if exists "governance_instance" cascade;`);
  }
}
