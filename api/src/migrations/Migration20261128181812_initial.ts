import { Migration } from '@mikro-orm/migrations';

export class Migration20261128181812_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "person" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "email" varchar(320) not null, constraint "person_pkey" primary key ("id"));`,
    );
    this.addSql(`create unique index "person_email_lower_unique" on "person" (lower("email"));`);

    this.addSql(
      `create table "roadmap" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "slug" varchar(100) not null, "territory" varchar(200) not null, "mandate_label" varchar(100) not null, "election_dates" jsonb not null, "next_election_date" date not null, "start_date" date not null, "end_date" date not null, "kit_code" varchar(50) not null, "project_lead_id" uuid null, "version" int not null default 1, constraint "roadmap_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "roadmap" add constraint "roadmap_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "phase" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "roadmap_id" uuid not null, "code" varchar(30) not null, "name" varchar(100) not null, "description" text not null default '', "position" smallint not null, "start_date" date not null, "end_date" date not null, constraint "phase_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "phase" add constraint "phase_roadmap_id_position_unique" unique ("roadmap_id", "position");`);
    this.addSql(`alter table "phase" add constraint "phase_roadmap_id_code_unique" unique ("roadmap_id", "code");`);

    this.addSql(
      `create table "change_history" ("id" uuid not null, "roadmap_id" uuid not null, "item_type" varchar(20) not null, "item_id" uuid not null, "actor_id" uuid null, "at" timestamptz not null, "field" varchar(50) not null, "from_value" text null, "to_value" text null, "comment" text null, constraint "change_history_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "change_history_item_type_item_id_at_index" on "change_history" ("item_type", "item_id", "at");`);

    this.addSql(
      `create table "target_function" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "roadmap_id" uuid not null, "code" varchar(50) not null, "name" varchar(150) not null, "family" varchar(30) not null, "central" boolean not null default false, "description" text not null default '', "volets" jsonb not null, "owner_id" uuid null, "color" varchar(7) not null, "position" smallint not null, constraint "target_function_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "target_function" add constraint "target_function_roadmap_id_code_unique" unique ("roadmap_id", "code");`);

    this.addSql(
      `create table "milestone" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "roadmap_id" uuid not null, "function_id" uuid not null, "phase_id" uuid not null, "kit_key" varchar(120) null, "title" varchar(200) not null, "description" text not null default '', "milestone_date" date not null, "achieved_on" date null, "version" int not null default 1, constraint "milestone_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "milestone" add constraint "milestone_roadmap_id_kit_key_unique" unique ("roadmap_id", "kit_key");`);

    this.addSql(
      `create table "action" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "roadmap_id" uuid not null, "function_id" uuid not null, "phase_id" uuid not null, "kit_key" varchar(120) null, "title" varchar(200) not null, "description" text not null default '', "volet" varchar(20) null, "start_date" date not null, "due_date" date not null, "status" varchar(20) not null default 'a_lancer', "progress" smallint not null default 0, "owner_id" uuid null, "version" int not null default 1, constraint "action_pkey" primary key ("id"), constraint action_progress_check check (progress between 0 and 100), constraint action_dates_check check (due_date >= start_date));`,
    );
    this.addSql(`create index "action_roadmap_id_due_date_index" on "action" ("roadmap_id", "due_date");`);
    this.addSql(`alter table "action" add constraint "action_roadmap_id_kit_key_unique" unique ("roadmap_id", "kit_key");`);

    this.addSql(
      `create table "action_dependency" ("predecessor_id" uuid not null, "successor_id" uuid not null, constraint "action_dependency_pkey" primary key ("predecessor_id", "successor_id"));`,
    );
    this.addSql(`create index "action_dependency_successor_id_index" on "action_dependency" ("successor_id");`);

    this.addSql(
      `alter table "roadmap" add constraint "roadmap_project_lead_id_foreign" foreign key ("project_lead_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "phase" add constraint "phase_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "change_history" add constraint "change_history_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "change_history" add constraint "change_history_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "target_function" add constraint "target_function_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "target_function" add constraint "target_function_owner_id_foreign" foreign key ("owner_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "milestone" add constraint "milestone_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "milestone" add constraint "milestone_function_id_foreign" foreign key ("function_id") references "target_function" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "milestone" add constraint "milestone_phase_id_foreign" foreign key ("phase_id") references "phase" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "action" add constraint "action_roadmap_id_foreign" foreign key ("roadmap_id") references "roadmap" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "action" add constraint "action_function_id_foreign" foreign key ("function_id") references "target_function" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "action" add constraint "action_phase_id_foreign" foreign key ("phase_id") references "phase" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "action" add constraint "action_owner_id_foreign" foreign key ("owner_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "action_dependency" add constraint "action_dependency_predecessor_id_foreign" foreign key ("predecessor_id") references "action" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "action_dependency" add constraint "action_dependency_successor_id_foreign" foreign key ("successor_id") references "action" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "roadmap" drop constraint "roadmap_project_lead_id_foreign";`);

    this.addSql(`alter table "change_history" drop constraint "change_history_actor_id_foreign";`);

    this.addSql(`alter table "target_function" drop constraint "target_function_owner_id_foreign";`);

    this.addSql(`alter table "action" drop constraint "action_owner_id_foreign";`);

    this.addSql(`alter table "phase" drop constraint "phase_roadmap_id_foreign";`);

    this.addSql(`alter table "change_history" drop constraint "change_history_roadmap_id_foreign";`);

    this.addSql(`alter table "target_function" drop constraint "target_function_roadmap_id_foreign";`);

    this.addSql(`alter table "milestone" drop constraint "milestone_roadmap_id_foreign";`);

    this.addSql(`alter table "action" drop constraint "action_roadmap_id_foreign";`);

    this.addSql(`alter table "milestone" drop constraint "milestone_phase_id_foreign";`);

    this.addSql(`alter table "action" drop constraint "action_phase_id_foreign";`);

    this.addSql(`alter table "milestone" drop constraint "milestone_function_id_foreign";`);

    this.addSql(`alter table "action" drop constraint "action_function_id_foreign";`);

    this.addSql(`alter table "action_dependency" drop constraint "action_dependency_predecessor_id_foreign";`);

    this.addSql(`alter table "action_dependency" drop constraint "action_dependency_successor_id_foreign";`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "roadmap" cascade;`);

    this.addSql(`drop table if exists "phase" cascade;`);

    this.addSql(`drop table if exists "change_history" cascade;`);

    this.addSql(`drop table if exists "target_function" cascade;`);

    this.addSql(`drop table if exists "milestone" cascade;`);

    this.addSql(`drop table if exists "action" cascade;`);

    this.addSql(`drop table if exists "action_dependency" cascade;`);
  }
}
