import { Migration } from '@mikro-orm/migrations';

/**
 * SMTP outages (issue 15): when a message's last send failed, so that the administration page can say
 * since when the mail server refuses (the backlog's last error: its time and message).
 */
export class Migration20261202090000_outbox_last_error_at extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "outbox" add column "last_error_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox" drop column "last_error_at";`);
  }
}
