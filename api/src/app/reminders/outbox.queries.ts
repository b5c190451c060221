import { Injectable } from '@nestjs/common';
import type { OutboxBacklogView, OutboxMessageView } from '@jalons/contract';

import type { OutboxStatus } from '../../entities';
import { isoInstant, Sql } from '../../infra/database/sql';
import type { Mail } from '../../infra/mail/mail.service';

type Tx = Parameters<Sql['rows']>[2];

/** An error's text with every e-mail address in it masked (« … »). */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g, '…');
}

/** What a message is: a reminders digest, the administrator's test, a monthly summary (the summaries feature). */
export type OutboxKind = 'digest' | 'test' | 'summary';

/** A message claimed for sending; `attempts` (this attempt's number) fences the updates after the send. */
export interface ClaimedRow {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
}

/** The e-mail outbox (`outbox`): messages recorded once, claimed one sender at a time, leased, fenced. */
@Injectable()
export class OutboxQueries {
  constructor(private readonly sql: Sql) {}

  /** Records a message once under `key` (a second call with the same key does nothing); its id, or null if it existed. */
  async enqueue(key: string, accountId: string | null, kind: OutboxKind, mail: Mail, tx?: Tx): Promise<string | null> {
    const row = await this.sql.one<{ id: string }>(
      `insert into outbox (id, key, account_id, kind, to_address, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, 'pending', 0, now(), now())
       on conflict (key) do nothing returning id`,
      [key, accountId, kind, mail.to, mail.subject, mail.text, mail.html],
      tx,
    );
    return row?.id ?? null;
  }

  /**
   * Claims up to `limit` messages due for sending: pending ones whose time has come, and abandoned
   * leases. `FOR UPDATE SKIP LOCKED` hands each row to one sender; the claim counts an attempt and
   * leases the row for `leaseSeconds`.
   */
  claim(leaseSeconds: number, limit: number): Promise<ClaimedRow[]> {
    return this.sql.rows<ClaimedRow>(
      `update outbox set status = 'sending', attempts = attempts + 1, locked_until = now() + make_interval(secs => ?)
        where id in (select id from outbox
                      where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and locked_until < now())
                      order by next_attempt_at, id
                      limit ? for update skip locked)
        returning id, to_address, subject, text_body, html_body, attempts`,
      [leaseSeconds, limit],
    );
  }

  /**
   * A message the SMTP server accepted: `sent`. Fenced by the attempt number: a sender whose lease
   * was taken over writes nothing. Whether the row was written.
   */
  async markSent(id: string, attempts: number): Promise<boolean> {
    const rows = await this.sql.rows<{ id: string }>(
      `update outbox set status = 'sent', sent_at = now(), locked_until = null, last_error = null where id = ? and status = 'sending' and attempts = ? returning id`,
      [id, attempts],
    );
    return rows.length > 0;
  }

  /**
   * A send that failed: back to `pending` after `waitSeconds` (or `failed`, given up), with its
   * error. Fenced by the attempt number, as `markSent`. Whether the row was written.
   */
  async markUnsent(id: string, attempts: number, status: 'pending' | 'failed', error: string, waitSeconds: number): Promise<boolean> {
    const rows = await this.sql.rows<{ id: string }>(
      `update outbox set status = ?, locked_until = null, last_error = ?, last_error_at = now(), next_attempt_at = now() + make_interval(secs => ?) where id = ? and status = 'sending' and attempts = ? returning id`,
      [status, error, waitSeconds, id, attempts],
    );
    return rows.length > 0;
  }

  /** Puts a failed message back in the queue (the administrator's "retry"); whether there was one. */
  async retry(id: string): Promise<boolean> {
    const rows = await this.sql.rows<{ id: string }>(
      `update outbox set status = 'pending', attempts = 0, next_attempt_at = now(), last_error = null where id = ? and status = 'failed' returning id`,
      [id],
    );
    return rows.length > 0;
  }

  /** How many messages are in each status (the statuses with none are absent). */
  async countsByStatus(): Promise<Partial<Record<OutboxStatus, number>>> {
    const rows = await this.sql.rows<{ status: OutboxStatus; n: number }>('select status, count(*)::int as n from outbox group by status');
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  /**
   * What waits for the mail server (issue 15): the messages not sent yet (pending or being sent) and
   * since when the oldest of them waits, the failed ones, and the last error of a message not sent
   * (its time and text, the addresses in it masked: the page shows it to every administrator).
   */
  async backlog(): Promise<OutboxBacklogView> {
    const waiting = `status in ('pending', 'sending')`;
    const counts = await this.sql.one<Omit<OutboxBacklogView, 'lastError'>>(
      `select count(*) filter (where ${waiting})::int as pending, count(*) filter (where status = 'failed')::int as failed,
              ${isoInstant(`min(created_at) filter (where ${waiting})`)} as "oldestPendingAt",
              floor(extract(epoch from now() - min(created_at) filter (where ${waiting})) / 60)::int as "oldestPendingMinutes"
         from outbox`,
      [],
    );
    const last = await this.sql.one<{ at: string; message: string }>(
      `select ${isoInstant('last_error_at')} as at, last_error as message from outbox
        where status in ('pending', 'sending', 'failed') and last_error_at is not null and last_error is not null
        order by last_error_at desc, id limit 1`,
      [],
    );
    return { ...counts!, lastError: last ? { at: last.at, message: withoutAddresses(last.message) } : null };
  }

  /** The failed messages and those still being retried, newest first, for the administrator. */
  problems(limit: number): Promise<OutboxMessageView[]> {
    return this.sql.rows<OutboxMessageView>(
      `select id, to_address as "to", subject, status, attempts, last_error as "lastError", ${isoInstant('created_at')} as "createdAt",
              ${isoInstant('next_attempt_at')} as "nextAttemptAt", ${isoInstant('sent_at')} as "sentAt"
         from outbox where status = 'failed' or (status = 'pending' and attempts > 0) order by created_at desc limit ?`,
      [limit],
    );
  }
}
