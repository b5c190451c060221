import { Migration } from '@mikro-orm/migrations';

/**
 * Evidence (issue 12, docs/evidence.md): links on an action or a milestone — a title, an http(s)
 * address, a kind — with who added them and when. One table for every kind of item: a nullable
 * column per item kind and a check that exactly one is set, so decisions get `decision_id` later
 * without a new table. Written and read with plain SQL only (ADR 0012, `entities/sql-tables.ts`,
 * `app/evidence/evidence.queries.ts`). A link goes with its item (cascade); a restore from the
 * Corbeille does not bring it back.
 */
export class Migration20261130090000_evidence extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "evidence" (
        "id" uuid not null default gen_random_uuid(),
        "action_id" uuid null,
        "milestone_id" uuid null,
        "title" varchar(200) not null,
        "url" varchar(2000) not null,
        "kind" varchar(20) not null,
        "added_by" uuid null,
        "added_at" timestamptz not null default now(),
        constraint "evidence_pkey" primary key ("id"),
        constraint "evidence_one_item_check" check (num_nonnulls("action_id", "milestone_id") = 1),
        constraint "evidence_kind_check" check ("kind" in ('deliberation', 'document', 'page-web', 'jeu-de-donnees')),
        constraint "evidence_url_check" check ("url" ~ '^https?://'),
        constraint "evidence_title_check" check (length(btrim("title")) > 0)
      );`,
    );
    this.addSql(`create index "evidence_action_id_index" on "evidence" ("action_id") where "action_id" is not null;`);
    this.addSql(`create index "evidence_milestone_id_index" on "evidence" ("milestone_id") where "milestone_id" is not null;`);
    this.addSql(
      `alter table "evidence" add constraint "evidence_action_id_foreign" foreign key ("action_id") references "action" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "evidence" add constraint "evidence_milestone_id_foreign" foreign key ("milestone_id") references "milestone" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "evidence" add constraint "evidence_added_by_foreign" foreign key ("added_by") references "account" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evidence" cascade;`);
  }
}
