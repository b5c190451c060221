import { Migration } from '@mikro-orm/migrations';

/** A counter bumped by every write on a roadmap's content: read caches and ETags key on it. */
export class Migration20261128190000_roadmap_revision extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "roadmap" add column "revision" int not null default 0;`);
    this.addSql(`create index "milestone_roadmap_id_milestone_date_index" on "milestone" ("roadmap_id", "milestone_date");`);
    this.addSql(`create index "action_function_id_index" on "action" ("function_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "action_function_id_index";`);
    this.addSql(`drop index "milestone_roadmap_id_milestone_date_index";`);
    this.addSql(`alter table "roadmap" drop column "revision";`);
  }
}
