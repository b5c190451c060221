import { Migration } from '@mikro-orm/migrations';

/**
 * Reads at a past date (issue 12, ADR 0020) take a roadmap's history lines after a day, in time order:
 * an index on (roadmap_id, at) serves both the filter and the order (the existing one leads with the item).
 */
export class Migration20261130130000_history_replay extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "change_history_roadmap_id_at_index" on "change_history" ("roadmap_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "change_history_roadmap_id_at_index";`);
  }
}
