import { Injectable } from '@nestjs/common';
import type { NotificationView } from '@jalons/contract';
import type { DigestFrequency } from '@jalons/domain';

import { isoInstant, Sql } from '../../infra/database/sql';

/** A person's reminders as the bell shows them (`notification`), and their e-mail preference. */
@Injectable()
export class NotificationQueries {
  constructor(private readonly sql: Sql) {}

  /** The person's reminders, unread first, then the latest runs, the nearest due dates; an indicator's with its function. */
  ofAccount(accountId: string, limit: number): Promise<NotificationView[]> {
    return this.sql.rows<NotificationView>(
      `select n.id, n.roadmap_id as "roadmapId", n.item_type as "itemType", n.item_id as "itemId", i.function_id as "functionId", n.rule,
              n.due_date::text as "dueDate", n.run_date::text as "runDate", n.title,
              ${isoInstant('n.created_at')} as "createdAt",
              ${isoInstant('n.read_at')} as "readAt"
         from notification n left join indicator i on n.item_type = 'indicator' and i.id = n.item_id
        where n.account_id = ?
        order by n.read_at is not null, n.run_date desc, n.due_date, n.title limit ?`,
      [accountId, limit],
    );
  }

  /** How many of the person's reminders are unread. */
  async unreadCount(accountId: string): Promise<number> {
    const [row] = await this.sql.rows<{ unread: number }>(
      'select count(*)::int as unread from notification where account_id = ? and read_at is null',
      [accountId],
    );
    return row.unread;
  }

  /** Marks one of the person's reminders read (the first reading's time is kept); false when it is not theirs or does not exist. */
  async markRead(id: string, accountId: string): Promise<boolean> {
    const rows = await this.sql.rows<{ id: string }>(
      'update notification set read_at = coalesce(read_at, now()) where id = ? and account_id = ? returning id',
      [id, accountId],
    );
    return rows.length > 0;
  }

  /** Marks every unread reminder of the person read. */
  async markAllRead(accountId: string): Promise<void> {
    await this.sql.rows('update notification set read_at = now() where account_id = ? and read_at is null', [accountId]);
  }

  /** The person's own digest choice (daily, weekly, none); the account's `version` does not move (an administrator's edit of the account does not conflict with it). */
  async setDigest(accountId: string, digest: DigestFrequency): Promise<void> {
    await this.sql.rows('update account set digest = ? where id = ?', [digest, accountId]);
  }
}
