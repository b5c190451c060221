import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { MailService } from '../../infra/mail/mail.service';
import type { Mail } from '../../infra/mail/mail.service';

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
}

/** Waiting time before attempt n + 1: 1, 2, 4, 8… minutes, at most 6 hours. */
export function backoffSeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

/**
 * The e-mail outbox. Messages are recorded first (in the transaction that decided them), then
 * sent by whichever instance claims them: `FOR UPDATE SKIP LOCKED` hands each row to one sender,
 * with a lease; a sender that dies leaves its rows to be taken over when the lease ends. A failed
 * send waits (backoff) and is retried, and after MAIL_MAX_ATTEMPTS is marked failed for the
 * administrator.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'mailMaxAttempts' | 'outboxLeaseSeconds'>,
  ) {}

  /** Records a message once under `key` (a second call with the same key does nothing); its id, or null if it existed. */
  async enqueue(em: EntityManager, key: string, accountId: string | null, kind: 'digest' | 'test', mail: Mail): Promise<string | null> {
    const [row] = await em.execute<Array<{ id: string }>>(
      `insert into outbox (id, key, account_id, kind, to_address, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, 'pending', 0, now(), now())
       on conflict (key) do nothing returning id`,
      [key, accountId, kind, mail.to, mail.subject, mail.text, mail.html],
    );
    return row?.id ?? null;
  }

  /** Claims up to `limit` messages due for sending: pending ones whose time has come, and abandoned leases. */
  private async claim(limit: number): Promise<Claimed[]> {
    return this.em.getConnection().execute<Claimed[]>(
      `update outbox set status = 'sending', attempts = attempts + 1, locked_until = now() + make_interval(secs => ?)
        where id in (select id from outbox
                      where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and locked_until < now())
                      order by next_attempt_at, id
                      limit ? for update skip locked)
        returning id, to_address, subject, text_body, html_body, attempts`,
      [this.config.outboxLeaseSeconds, limit],
    );
  }

  /**
   * Sends every message due now, one claim per message (each with its own lease, which the SMTP
   * timeouts keep longer than a send), until none is left for this instance.
   */
  async deliverDue(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
    // without SMTP_URL nothing can leave: the messages wait, attempts untouched, until it is set
    // (the administrator's page says so)
    if (!this.mail.configured) return report;
    for (;;) {
      const claimed = await this.claim(1);
      if (!claimed.length) return report;
      for (const m of claimed) {
        try {
          await this.mail.deliver({ to: m.to_address, subject: m.subject, text: m.text_body, html: m.html_body }, `<${m.id}@jalons>`);
          // marked sent at once, message by message: a crash re-sends at most the message in flight
          // fenced by the attempt number: a sender whose lease was taken over writes nothing
          await this.em
            .getConnection()
            .execute(
              `update outbox set status = 'sent', sent_at = now(), locked_until = null, last_error = null where id = ? and status = 'sending' and attempts = ?`,
              [m.id, m.attempts],
            );
          report.sent++;
        } catch (e) {
          const error = (e as Error).message.slice(0, 2000);
          const giveUp = m.attempts >= this.config.mailMaxAttempts;
          await this.em
            .getConnection()
            .execute(
              `update outbox set status = ?, locked_until = null, last_error = ?, next_attempt_at = now() + make_interval(secs => ?) where id = ? and status = 'sending' and attempts = ?`,
              [giveUp ? 'failed' : 'pending', error, backoffSeconds(m.attempts), m.id, m.attempts],
            );
          if (giveUp) {
            report.failed++;
            this.logger.error(`giving up on "${m.subject}" to ${m.to_address} after ${m.attempts} attempts: ${error}`);
          } else {
            report.retrying++;
            this.logger.warn(
              `"${m.subject}" to ${m.to_address} not sent (attempt ${m.attempts}), retry in ${backoffSeconds(m.attempts)} s: ${error}`,
            );
          }
        }
      }
    }
  }

  /** Puts a failed message back in the queue (the administrator's "retry"). */
  async retry(id: string): Promise<boolean> {
    const rows = await this.em
      .getConnection()
      .execute<
        Array<{ id: string }>
      >(`update outbox set status = 'pending', attempts = 0, next_attempt_at = now(), last_error = null where id = ? and status = 'failed' returning id`, [id]);
    return rows.length > 0;
  }
}
