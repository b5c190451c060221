import { Migration } from '@mikro-orm/migrations';

/**
 * Indicators per function (issue 11, docs/indicators.md): an indicator's line from its baseline to
 * its target, and its measurements (one per day). Written and read with plain SQL only (ADR 0012,
 * `entities/sql-tables.ts`, `app/indicators/indicators.queries.ts`); the checks repeat the domain's
 * rules (`libs/shared/domain/src/lib/indicators.ts`). The reminder rules gain `indicatorStaleDays`
 * (90 days unless the lead changes it).
 */
export class Migration20261129150000_indicators extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "indicator" (
        "id" uuid not null default gen_random_uuid(),
        "function_id" uuid not null,
        "name" varchar(150) not null,
        "unit" varchar(30) not null,
        "direction" varchar(4) not null,
        "baseline_on" date not null,
        "baseline_value" numeric(18,4) not null,
        "target_on" date not null,
        "target_value" numeric(18,4) not null,
        "version" int not null default 1,
        "created_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default now(),
        constraint "indicator_pkey" primary key ("id"),
        constraint "indicator_direction_check" check ("direction" in ('up', 'down')),
        constraint "indicator_dates_check" check ("target_on" > "baseline_on"),
        constraint "indicator_target_check" check (case when "direction" = 'up' then "target_value" > "baseline_value" else "target_value" < "baseline_value" end)
      );`,
    );
    this.addSql(`create index "indicator_function_id_index" on "indicator" ("function_id");`);
    this.addSql(
      `alter table "indicator" add constraint "indicator_function_id_foreign" foreign key ("function_id") references "target_function" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `create table "measurement" (
        "id" uuid not null default gen_random_uuid(),
        "indicator_id" uuid not null,
        "measured_on" date not null,
        "value" numeric(18,4) not null,
        "comment" varchar(2000) null,
        "source_url" varchar(500) null,
        "recorded_by" uuid null,
        "created_at" timestamptz not null default now(),
        constraint "measurement_pkey" primary key ("id"),
        constraint "measurement_source_url_check" check ("source_url" ~ '^https?://')
      );`,
    );
    this.addSql(
      `alter table "measurement" add constraint "measurement_indicator_id_measured_on_unique" unique ("indicator_id", "measured_on");`,
    );
    this.addSql(
      `alter table "measurement" add constraint "measurement_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "measurement" add constraint "measurement_recorded_by_foreign" foreign key ("recorded_by") references "account" ("id") on update cascade on delete set null;`,
    );

    // the new rule's default, for the roadmaps to come and those that exist
    this.addSql(
      `alter table "roadmap" alter column "reminder_rules" set default '{"before":[14,7,1],"onDueDate":true,"overdueEveryDays":7,"escalateAfterDays":7,"milestones":true,"indicatorStaleDays":90}';`,
    );
    this.addSql(
      `update "roadmap" set "reminder_rules" = "reminder_rules" || '{"indicatorStaleDays":90}'::jsonb where "reminder_rules"->'indicatorStaleDays' is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`update "roadmap" set "reminder_rules" = "reminder_rules" - 'indicatorStaleDays';`);
    this.addSql(
      `alter table "roadmap" alter column "reminder_rules" set default '{"before":[14,7,1],"onDueDate":true,"overdueEveryDays":7,"escalateAfterDays":7,"milestones":true}';`,
    );
    this.addSql(`drop table if exists "measurement" cascade;`);
    this.addSql(`drop table if exists "indicator" cascade;`);
  }
}
