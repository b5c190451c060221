import { Migration } from '@mikro-orm/migrations';

/**
 * The study's diagnostic (issue 11, docs/diagnostic.md): a roadmap's actors, their dated assessments
 * (maturity and ambition, 1 to 5), the actions that target them, the lead's targets for the figures.
 * Written and read with plain SQL only (ADR 0012; `entities/sql-tables.ts`). The lists of codes are
 * the domain's (`libs/shared/domain/src/lib/diagnostic.ts`), checked here too.
 */
export class Migration20261129140000_diagnostic extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "actor" (
        "id" uuid not null default gen_random_uuid(),
        "roadmap_id" uuid not null,
        "name" varchar(150) not null,
        "kind" varchar(20) not null,
        "referent" varchar(150) null,
        "met_on" date null,
        "workshop" boolean not null default false,
        "needs" jsonb not null default '[]',
        "data_types" jsonb not null default '[]',
        "personal_data" boolean not null default false,
        "sensitive_data" boolean not null default false,
        "group_override" varchar(20) null,
        "group_override_reason" varchar(500) null,
        "version" int not null default 1,
        "created_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default now(),
        constraint "actor_pkey" primary key ("id"),
        constraint "actor_kind_check" check ("kind" in ('direction', 'operateur', 'partenaire', 'expert')),
        constraint "actor_needs_check" check (jsonb_typeof("needs") = 'array' and "needs" <@ '["competences", "ingenierie", "moyens", "infrastructures", "strategie"]'::jsonb),
        constraint "actor_data_types_check" check (jsonb_typeof("data_types") = 'array' and "data_types" <@ '["metiers", "geographiques", "financieres", "commande-publique"]'::jsonb),
        constraint "actor_group_override_check" check ("group_override" in ('leaders', 'median', 'peu-impliques')),
        constraint "actor_group_override_reason_check" check (("group_override" is null) = ("group_override_reason" is null))
      );`,
    );
    this.addSql(`create unique index "actor_roadmap_id_name_unique" on "actor" ("roadmap_id", lower("name"));`);
    this.addSql(
      `alter table "actor" add constraint "actor_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `create table "assessment" (
        "id" uuid not null default gen_random_uuid(),
        "actor_id" uuid not null,
        "assessed_on" date not null,
        "maturity" smallint not null,
        "ambition" smallint not null,
        "axes" jsonb not null default '{}',
        "assessed_by" varchar(150) not null,
        "comment" text null,
        "created_at" timestamptz not null default now(),
        constraint "assessment_pkey" primary key ("id"),
        constraint "assessment_maturity_check" check ("maturity" between 1 and 5),
        constraint "assessment_ambition_check" check ("ambition" between 1 and 5),
        constraint "assessment_axes_check" check (jsonb_typeof("axes") = 'object')
      );`,
    );
    this.addSql(`alter table "assessment" add constraint "assessment_actor_id_assessed_on_unique" unique ("actor_id", "assessed_on");`);
    this.addSql(
      `alter table "assessment" add constraint "assessment_actor_id_foreign" foreign key ("actor_id") references "actor" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `create table "action_actor" ("action_id" uuid not null, "actor_id" uuid not null, constraint "action_actor_pkey" primary key ("action_id", "actor_id"));`,
    );
    this.addSql(`create index "action_actor_actor_id_index" on "action_actor" ("actor_id");`);
    this.addSql(
      `alter table "action_actor" add constraint "action_actor_action_id_foreign" foreign key ("action_id") references "action" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "action_actor" add constraint "action_actor_actor_id_foreign" foreign key ("actor_id") references "actor" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `create table "diagnostic_target" (
        "roadmap_id" uuid not null,
        "code" varchar(30) not null,
        "value" double precision not null,
        "target_on" date not null,
        "updated_at" timestamptz not null default now(),
        constraint "diagnostic_target_pkey" primary key ("roadmap_id", "code"),
        constraint "diagnostic_target_code_check" check ("code" in ('operators-met', 'directions-met', 'mature-ambitious', 'workshop', 'personal-data', 'sensitive-data', 'referents', 'experts')),
        constraint "diagnostic_target_value_check" check ("value" >= 0)
      );`,
    );
    this.addSql(
      `alter table "diagnostic_target" add constraint "diagnostic_target_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "diagnostic_target" cascade;`);
    this.addSql(`drop table if exists "action_actor" cascade;`);
    this.addSql(`drop table if exists "assessment" cascade;`);
    this.addSql(`drop table if exists "actor" cascade;`);
  }
}
