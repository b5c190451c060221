import { Migration } from '@mikro-orm/migrations';

/**
 * Milestones get an owner (nullable, like an action's), first their function's owner, as a new
 * milestone gets it. Deleted actions and milestones go to the Corbeille (`deleted_item`, written by
 * SQL only, ADR 0012): a snapshot of the row and of its dependency edges, kept 90 days.
 */
export class Migration20261129100000_trash_and_milestone_owner extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "milestone" add column "owner_id" uuid null;`);
    this.addSql(
      `alter table "milestone" add constraint "milestone_owner_id_foreign" foreign key ("owner_id") references "account" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`update "milestone" m set "owner_id" = f."owner_id" from "target_function" f where f."id" = m."function_id";`);

    this.addSql(
      `create table "deleted_item" ("id" uuid not null default gen_random_uuid(), "roadmap_id" uuid not null, "item_type" varchar(20) not null, "item_id" uuid not null, "title" varchar(200) not null, "function_id" uuid not null, "snapshot" jsonb not null, "deleted_at" timestamptz not null default now(), "deleted_by" uuid null, constraint "deleted_item_pkey" primary key ("id"), constraint "deleted_item_item_type_check" check ("item_type" in ('action', 'milestone')));`,
    );
    this.addSql(`alter table "deleted_item" add constraint "deleted_item_item_unique" unique ("item_type", "item_id");`);
    this.addSql(`create index "deleted_item_roadmap_deleted_at_index" on "deleted_item" ("roadmap_id", "deleted_at" desc);`);
    this.addSql(`create index "deleted_item_deleted_at_index" on "deleted_item" ("deleted_at");`);
    this.addSql(
      `alter table "deleted_item" add constraint "deleted_item_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "deleted_item" add constraint "deleted_item_deleted_by_foreign" foreign key ("deleted_by") references "account" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "deleted_item" cascade;`);
    this.addSql(`alter table "milestone" drop constraint "milestone_owner_id_foreign";`);
    this.addSql(`alter table "milestone" drop column "owner_id";`);
  }
}
