import { Migration } from '@mikro-orm/migrations';

/**
 * Deadline reminders (issue #5): per-roadmap rules, each person's digest preference, the
 * reminders themselves (unique per person, item, rule and occurrence), the e-mail outbox, the
 * job's runs, and the calendar feeds.
 */
export class Migration20261128230000_reminders extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "roadmap" add column "reminder_rules" jsonb not null default '{"before":[14,7,1],"onDueDate":true,"overdueEveryDays":7,"escalateAfterDays":7,"milestones":true}';`,
    );
    this.addSql(`create type "digest_frequency" as enum ('daily', 'weekly', 'none');`);
    this.addSql(`alter table "account" add column "digest" "digest_frequency" not null default 'daily';`);

    this.addSql(`create type "outbox_status" as enum ('pending', 'sending', 'sent', 'failed');`);
    this.addSql(
      `create table "outbox" ("id" uuid not null, "key" varchar(200) not null, "account_id" uuid null, "kind" varchar(20) not null, "to_address" varchar(320) not null, "subject" text not null, "text_body" text not null, "html_body" text not null, "status" "outbox_status" not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "locked_until" timestamptz null, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "outbox_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "outbox" add constraint "outbox_key_unique" unique ("key");`);
    this.addSql(`create index "outbox_status_next_attempt_at_index" on "outbox" ("status", "next_attempt_at");`);
    this.addSql(
      `alter table "outbox" add constraint "outbox_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `create table "notification" ("id" uuid not null, "account_id" uuid not null, "roadmap_id" uuid not null, "item_type" varchar(20) not null, "item_id" uuid not null, "rule" varchar(20) not null, "occurrence" varchar(40) not null, "due_date" date not null, "run_date" date not null, "title" varchar(200) not null, "created_at" timestamptz not null, "read_at" timestamptz null, "outbox_id" uuid null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_key_unique" unique ("account_id", "item_type", "item_id", "rule", "occurrence");`,
    );
    this.addSql(`create index "notification_account_id_read_at_index" on "notification" ("account_id", "read_at");`);
    this.addSql(`create index "notification_outbox_id_index" on "notification" ("outbox_id");`);
    this.addSql(
      `alter table "notification" add constraint "notification_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_outbox_id_foreign" foreign key ("outbox_id") references "outbox" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `create table "reminder_run" ("id" uuid not null, "run_date" date not null, "trigger" varchar(20) not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "selected" int not null default 0, "created" int not null default 0, "digests" int not null default 0, "error" text null, constraint "reminder_run_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "reminder_run_run_date_index" on "reminder_run" ("run_date");`);

    this.addSql(`create type "calendar_scope" as enum ('person', 'function', 'roadmap');`);
    this.addSql(
      `create table "calendar_feed" ("id" uuid not null, "token_hash" varchar(64) not null, "account_id" uuid not null, "scope" "calendar_scope" not null, "target_id" uuid not null, "label" varchar(300) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "calendar_feed_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "calendar_feed_account_id_index" on "calendar_feed" ("account_id");`);
    this.addSql(
      `alter table "calendar_feed" add constraint "calendar_feed_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );

    // the job scans open items by due date
    this.addSql(`create index "action_due_date_open_index" on "action" ("due_date") where "status" not in ('terminee', 'abandonnee');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "action_due_date_open_index";`);
    this.addSql(`drop table if exists "calendar_feed" cascade;`);
    this.addSql(`drop type "calendar_scope";`);
    this.addSql(`drop table if exists "reminder_run" cascade;`);
    this.addSql(`drop table if exists "notification" cascade;`);
    this.addSql(`drop table if exists "outbox" cascade;`);
    this.addSql(`drop type "outbox_status";`);
    this.addSql(`alter table "account" drop column "digest";`);
    this.addSql(`drop type "digest_frequency";`);
    this.addSql(`alter table "roadmap" drop column "reminder_rules";`);
  }
}
