import { Migration } from '@mikro-orm/migrations';

/**
 * Planning (docs/adr/0013-carry-over.md): a function's version (optimistic lock of its edits), the
 * item an action or milestone was carried over from (no foreign key: the origin may be deleted, its
 * roadmap too), and the day a roadmap's mandate was closed.
 */
export class Migration20261129120000_planning extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "target_function" add column "version" int not null default 1;`);
    this.addSql(`alter table "action" add column "carried_from_id" uuid null;`);
    this.addSql(`alter table "milestone" add column "carried_from_id" uuid null;`);
    this.addSql(`alter table "roadmap" add column "closed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "roadmap" drop column "closed_at";`);
    this.addSql(`alter table "milestone" drop column "carried_from_id";`);
    this.addSql(`alter table "action" drop column "carried_from_id";`);
    this.addSql(`alter table "target_function" drop column "version";`);
  }
}
