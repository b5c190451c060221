import { Migration } from '@mikro-orm/migrations';

/**
 * Persons become accounts (issue #4): every person is kept, with its id, so every owner,
 * project lead and history actor still points at the same row. Roles are inferred once: the
 * project lead of a roadmap becomes 'lead', everyone else 'owner' (an administrator changes them).
 * No password: people get one through an invitation. Sessions, one-time tokens and the sign-in
 * throttle are new tables; roadmaps get their public-page switch, off.
 */
export class Migration20261128210000_accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "person" rename to "account";`);
    this.addSql(`alter table "account" rename constraint "person_pkey" to "account_pkey";`);
    this.addSql(`alter index "person_email_lower_unique" rename to "account_email_lower_unique";`);
    this.addSql(`create type "account_role" as enum ('admin', 'lead', 'owner', 'elected');`);
    this.addSql(
      `alter table "account" add column "role" "account_role" not null default 'owner', add column "active" boolean not null default true, add column "password_hash" text null, add column "last_login_at" timestamptz null, add column "version" int not null default 1;`,
    );
    this.addSql(
      `update "account" set "role" = 'lead' where "id" in (select "project_lead_id" from "roadmap" where "project_lead_id" is not null);`,
    );

    this.addSql(
      `create table "session" ("id" uuid not null, "token_hash" varchar(64) not null, "account_id" uuid not null, "csrf_token" varchar(64) not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, constraint "session_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(
      `alter table "session" add constraint "session_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create index "session_account_id_index" on "session" ("account_id");`);

    this.addSql(`create type "account_token_kind" as enum ('invitation', 'reset');`);
    this.addSql(
      `create table "account_token" ("id" uuid not null, "token_hash" varchar(64) not null, "account_id" uuid not null, "kind" "account_token_kind" not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "account_token_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "account_token" add constraint "account_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(
      `alter table "account_token" add constraint "account_token_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create index "account_token_account_id_index" on "account_token" ("account_id");`);

    this.addSql(
      `create table "login_throttle" ("key" varchar(400) not null, "attempts" int not null, "window_started_at" timestamptz not null, constraint "login_throttle_pkey" primary key ("key"));`,
    );

    this.addSql(`alter table "roadmap" add column "public_page" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "roadmap" drop column "public_page";`);
    this.addSql(`drop table if exists "login_throttle" cascade;`);
    this.addSql(`drop table if exists "account_token" cascade;`);
    this.addSql(`drop type "account_token_kind";`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(
      `alter table "account" drop column "role", drop column "active", drop column "password_hash", drop column "last_login_at", drop column "version";`,
    );
    this.addSql(`drop type "account_role";`);
    this.addSql(`alter index "account_email_lower_unique" rename to "person_email_lower_unique";`);
    this.addSql(`alter table "account" rename constraint "account_pkey" to "person_pkey";`);
    this.addSql(`alter table "account" rename to "person";`);
  }
}
