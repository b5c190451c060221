import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { MailService } from '../../infra/mail/mail.service';
import type { Mail } from '../../infra/mail/mail.service';
import { MetricsService } from '../metrics';
import { OutboxQueries, withoutAddresses } from './outbox.queries';
import type { ClaimedRow, OutboxKind } from './outbox.queries';

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
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
    private readonly queries: OutboxQueries,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'mailMaxAttempts' | 'outboxLeaseSeconds'>,
    private readonly metrics: MetricsService,
  ) {
    metrics.countOutboxWith(() => this.queries.countsByStatus());
  }

  /** Records a message once under `key` (a second call with the same key does nothing); its id, or null if it existed. */
  enqueue(tx: EntityManager, key: string, accountId: string | null, kind: OutboxKind, mail: Mail): Promise<string | null> {
    return this.queries.enqueue(key, accountId, kind, mail, tx);
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
      const claimed = await this.queries.claim(this.config.outboxLeaseSeconds, 1);
      if (!claimed.length) return report;
      for (const m of claimed) report[await this.send(m)]++;
    }
  }

  /** Sends one claimed message and writes down how it went. */
  private async send(m: ClaimedRow): Promise<keyof DeliveryReport> {
    try {
      await this.mail.deliver({ to: m.to_address, subject: m.subject, text: m.text_body, html: m.html_body }, `<${m.id}@jalons>`);
      // marked sent at once, message by message: a crash re-sends at most the message in flight
      // fenced by the attempt number: a sender whose lease was taken over writes nothing
      await this.queries.markSent(m.id, m.attempts);
      return 'sent';
    } catch (e) {
      const error = (e as Error).message.slice(0, 2000);
      this.metrics.outboxSendFailed();
      const giveUp = m.attempts >= this.config.mailMaxAttempts;
      await this.queries.markUnsent(m.id, m.attempts, giveUp ? 'failed' : 'pending', error, backoffSeconds(m.attempts));
      if (giveUp) {
        // the logs name a message by its id, never its recipient nor its subject (a person may be named there)
        this.logger.error(`giving up on message ${m.id} after ${m.attempts} attempts: ${withoutAddresses(error)}`);
        return 'failed';
      }
      this.logger.warn(
        `message ${m.id} not sent (attempt ${m.attempts}), retry in ${backoffSeconds(m.attempts)} s: ${withoutAddresses(error)}`,
      );
      return 'retrying';
    }
  }

  /** Puts a failed message back in the queue (the administrator's "retry"). */
  retry(id: string): Promise<boolean> {
    return this.queries.retry(id);
  }
}
