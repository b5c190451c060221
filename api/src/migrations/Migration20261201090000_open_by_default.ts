import { Migration } from '@mikro-orm/migrations';

/**
 * Open by default (issue 13): the sites allowed to embed a roadmap's public widget in an `<iframe>`
 * (its `frame-ancestors`, empty: nobody), and the day an account was anonymised (its name and e-mail
 * replaced everywhere; the history keeps its lines under a neutral label).
 */
export class Migration20261201090000_open_by_default extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "roadmap" add column "embed_origins" text[] not null default '{}';`);
    this.addSql(`alter table "account" add column "anonymised_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "account" drop column "anonymised_at";`);
    this.addSql(`alter table "roadmap" drop column "embed_origins";`);
  }
}
