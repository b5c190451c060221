import { Migration } from '@mikro-orm/migrations';

/**
 * The monthly summary for elected officials (issue 12, ADR 0022): each account's choice. Null is the
 * role's default (on for `elected`, off for the others); true or false is the person's own choice on
 * Mon compte. What was sent needs no table of its own: the outbox's unique key
 * `summary:<account>:<roadmap>:<YYYY-MM>` records each summary once.
 */
export class Migration20261130120000_summaries extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "account" add column "monthly_summary" boolean null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "account" drop column "monthly_summary";`);
  }
}
