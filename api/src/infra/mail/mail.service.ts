import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';

import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { escapeHtml } from '../html';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends e-mail through SMTP_URL. Without it, outside production, the message is written to the
 * log (so a developer can follow an invitation link); in production it is not sent and the caller
 * is told (`false`), which the administrator sees.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'production'>) {
    // timeouts well under the outbox lease (OUTBOX_LEASE_SECONDS ≥ 5 min by default): a send never outlives its claim
    this.transport = config.smtpUrl
      ? createTransport({ url: config.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 })
      : null;
  }

  /** true when the SMTP server accepted the message */
  async send(mail: Mail): Promise<boolean> {
    if (!this.transport) {
      if (this.config.production) {
        this.logger.warn(`SMTP_URL is not set: "${mail.subject}" to ${mail.to} was not sent.`);
        return false;
      }
      this.logger.log(`(no SMTP_URL: not sent) To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}`);
      return false;
    }
    try {
      await this.transport.sendMail({ from: this.config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      return true;
    } catch (e) {
      this.logger.error(`sending "${mail.subject}" to ${mail.to} failed: ${(e as Error).message}`);
      return false;
    }
  }

  /**
   * Hands a message to the SMTP server or throws (the outbox retries). `messageId` is stable per
   * outbox row, so a message sent again after a crash carries the same Message-ID.
   */
  async deliver(mail: Mail, messageId: string): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL n’est pas configuré : aucun courriel ne peut partir.');
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
    });
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

/** A short French message with one button-like link, as plain text and HTML. */
export function linkMail(to: string, subject: string, paragraphs: string[], link: { label: string; url: string }, footer: string): Mail {
  const text = [...paragraphs, `${link.label} : ${link.url}`, footer].join('\n\n');
  const html = `<!doctype html><html lang="fr"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:.5em 1em;background:#1f4e79;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(link.label)}</a></p>
<p style="font-size:.9em;color:#555">${escapeHtml(footer)}</p>
</body></html>`;
  return { to, subject, text, html };
}
