import { Migration } from '@mikro-orm/migrations';

/**
 * Baselines (issue 12, ADR 0017): the lead freezes a roadmap's plan as a numbered baseline, a snapshot
 * of every action's and milestone's dates, function and title. Written and read with plain SQL only
 * (`entities/sql-tables.ts`, `app/baselines/baselines.queries.ts`); a baseline is never updated, only
 * the latest one may be deleted. `decision_id` will cite a governance decision once those exist (no
 * foreign key yet). A history line gains the reason of a re-plan.
 */
export class Migration20261130100000_baselines extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "baseline" (
        "id" uuid not null default gen_random_uuid(),
        "roadmap_id" uuid not null,
        "number" int not null,
        "label" varchar(150) not null,
        "decision" varchar(500) null,
        "decision_id" uuid null,
        "created_by" uuid null,
        "created_at" timestamptz not null default now(),
        constraint "baseline_pkey" primary key ("id"),
        constraint "baseline_number_check" check ("number" >= 1),
        constraint "baseline_label_check" check (length(btrim("label")) >= 1)
      );`,
    );
    this.addSql(`alter table "baseline" add constraint "baseline_roadmap_id_number_unique" unique ("roadmap_id", "number");`);
    this.addSql(
      `alter table "baseline" add constraint "baseline_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "baseline" add constraint "baseline_created_by_foreign" foreign key ("created_by") references "account" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `create table "baseline_item" (
        "baseline_id" uuid not null,
        "item_type" varchar(10) not null,
        "item_id" uuid not null,
        "function_id" uuid not null,
        "phase_id" uuid null,
        "title" varchar(200) not null,
        "start" date null,
        "due" date not null,
        constraint "baseline_item_pkey" primary key ("baseline_id", "item_type", "item_id"),
        constraint "baseline_item_type_check" check ("item_type" in ('action', 'milestone')),
        constraint "baseline_item_start_check" check (("item_type" = 'action') = ("start" is not null))
      );`,
    );
    this.addSql(
      `alter table "baseline_item" add constraint "baseline_item_baseline_id_foreign" foreign key ("baseline_id") references "baseline" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create index "baseline_item_item_id_index" on "baseline_item" ("item_id");`);

    // why an item of the latest baseline was re-planned, on the history line of the change
    this.addSql(`alter table "change_history" add column "reason" varchar(500) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "change_history" drop column if exists "reason";`);
    this.addSql(`drop table if exists "baseline_item" cascade;`);
    this.addSql(`drop table if exists "baseline" cascade;`);
  }
}
