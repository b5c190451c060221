import type { OutboxBacklogView, OutboxMessageView, RunReportView } from '@jalons/contract';
import { isIsoDate } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';

import { toApiRequestError } from '../data/api-error';
import { RemindersAdminService, TestMailResult } from '../data/reminders-admin.service';
import { I18n, Translate, french, tKey } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { formatParisDateTime } from '../shared/paris-time';
import { DataTable } from '../shared/data-table';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { JlEmailField } from '../shared/email-field';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList } from '../shared/form-status';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';

const RUN_FIELDS = ['date'] as const;
const TEST_FIELDS = ['to'] as const;

/** How a run was started (reminder_run.trigger). */
export const TRIGGER_LABELS: Readonly<Record<string, string>> = {
  cron: tKey('Automatique'),
  cli: tKey('Ligne de commande'),
  admin: tKey('Manuel (administration)'),
};

export const OUTBOX_STATUS_LABELS: Readonly<Record<OutboxMessageView['status'], string>> = {
  pending: tKey('Nouvel essai prévu'),
  sending: tKey('En cours d’envoi'),
  sent: tKey('Envoyé'),
  failed: tKey('En échec'),
};

/** « 30 7 * * * » → « tous les jours à 7 h 30 »; other expressions are given as they are. */
export function describeCron(cron: string, t: Translate = french): string {
  const daily = /^(\d{1,2})\s+(\d{1,2})\s+\*\s+\*\s+\*$/.exec(cron.trim());
  if (!daily) return t('selon l’expression cron « {cron} »', { cron });
  return t('tous les jours à {hour} h {minute}', {
    hour: Number(daily[2]),
    minute: daily[1].padStart(2, '0'),
  });
}

/** What a run did, in the language of `t`, for the administrator who started it. */
export function describeRun(report: RunReportView, t: Translate = french): string {
  const day = report.day.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');
  const decided = t('Rappel du {day} : {selected}, {created}, {digests} à envoyer.', {
    day,
    selected: t('{n} échéance retenue|{n} échéances retenues', {
      n: report.selected,
    }),
    created: t('{n} nouveau rappel|{n} nouveaux rappels', {
      n: report.created,
    }),
    digests: t('{n} récapitulatif|{n} récapitulatifs', { n: report.digests }),
  });
  const d = report.delivery;
  const delivery = d
    ? t('Envoi : {sent}, {retrying} à réessayer, {failed} en échec.', {
        sent: t('{n} courriel envoyé|{n} courriels envoyés', { n: d.sent }),
        retrying: d.retrying,
        failed: d.failed,
      })
    : t('Aucun envoi tenté.');
  return `${decided} ${delivery}`;
}

/** A waiting time in whole minutes: « 12 min », « 1 h 05 », « 2 j 3 h ». */
export function describeWait(minutes: number, t: Translate = french): string {
  if (minutes < 60) return t('{n} min', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('{h} h {m}', { h: hours, m: String(minutes % 60).padStart(2, '0') });
  return t('{d} j {h} h', { d: Math.floor(hours / 24), h: hours % 24 });
}

/**
 * What waits for the mail server, in words (issue 15): the messages not sent yet and since when, the
 * failed ones, the last error (its time and text; the API masks addresses). Empty when all went out.
 */
export function describeBacklog(backlog: OutboxBacklogView, t: Translate = french): { waiting: string | null; lastError: string | null } {
  const waiting =
    backlog.pending > 0
      ? t('{n} courriel attend d’être envoyé|{n} courriels attendent d’être envoyés', { n: backlog.pending }) +
        (backlog.oldestPendingMinutes !== null
          ? ' ' + t('(le plus ancien depuis {wait}).', { wait: describeWait(backlog.oldestPendingMinutes, t) })
          : '.')
      : null;
  const e = backlog.lastError;
  const lastError = e
    ? t('Dernière erreur d’envoi, le {at} : {message}', { at: formatParisDateTime(e.at, t.lang), message: e.message })
    : null;
  return { waiting, lastError };
}

interface ProblemRow {
  message: OutboxMessageView;
  state: string;
  lastError: string;
  nextAttempt: string;
  canRetry: boolean;
}

/**
 * « Rappels et courriels » on the administration page: when the daily job runs, whether e-mail can
 * go out, the queue's counts, the last runs and the e-mails in trouble (failed ones can be tried
 * again); running the job now, and sending a test e-mail.
 */
@Component({
  selector: 'jl-reminders-admin',
  imports: [FormsModule, FORM_FIELD, JlEmailField, DataTable, FrDatePipe, FormErrorList, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reminders-admin.html',
})
export class RemindersAdmin {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly api = inject(RemindersAdminService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  /** reloaded (without « loading ») after each action */
  protected readonly status = loadable(() => this.api.status());
  protected readonly view = computed(() => this.status.value() ?? null);
  protected readonly schedule = computed(() => {
    const v = this.view();
    return v ? describeCron(v.cron, this.i18n.translate()) : '';
  });
  protected readonly backlog = computed(() => {
    const v = this.view();
    return v ? describeBacklog(v.backlog, this.i18n.translate()) : { waiting: null, lastError: null };
  });
  protected readonly problems = computed<ProblemRow[]>(() => {
    const t = this.i18n.translate();
    return (this.view()?.problems ?? []).map((message) => ({
      message,
      state: t(OUTBOX_STATUS_LABELS[message.status] || message.status),
      lastError: message.lastError ?? '—',
      nextAttempt: message.status === 'failed' ? '—' : formatParisDateTime(message.nextAttemptAt, t.lang),
      canRetry: message.status === 'failed',
    }));
  });
  protected readonly runs = computed(() => {
    const t = this.i18n.translate();
    return (this.view()?.runs ?? []).map((run) => ({
      run,
      trigger: t(TRIGGER_LABELS[run.trigger] || run.trigger),
      outcome: run.error ?? (run.finishedAt ? '—' : t('En cours')),
    }));
  });

  // retrying a failed e-mail
  protected readonly retrying = signal<string | null>(null);
  protected readonly announcement = signal<string | null>(null);
  protected readonly retryError = signal<string | null>(null);

  // running the job now
  protected readonly runDate = signal('');
  protected readonly running = signal(false);
  protected readonly runErrors = signal<FormErrors>(NO_ERRORS);
  protected readonly report = signal<string | null>(null);

  // the test e-mail
  protected readonly testTo = signal('');
  protected readonly testing = signal(false);
  protected readonly testErrors = signal<FormErrors>(NO_ERRORS);
  protected readonly testResult = signal<TestMailResult | null>(null);

  protected retry(message: OutboxMessageView): void {
    if (this.retrying()) return;
    this.retrying.set(message.id);
    this.announcement.set(null);
    this.retryError.set(null);
    this.api
      .retry(message.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.retrying.set(null);
          this.announcement.set(
            this.i18n.t('Le courriel « {subject} » à {to} est remis dans la file d’envoi.', { subject: message.subject, to: message.to }),
          );
          this.status.reload();
        },
        error: (err: unknown) => {
          this.retrying.set(null);
          this.retryError.set(
            this.i18n.t('Nouvel essai refusé : {message}', {
              message: toApiRequestError(err, this.i18n.translate()).message,
            }),
          );
          this.status.reload();
        },
      });
  }

  /** `unreadable`: the browser holds a day it cannot read (typed in part). */
  protected run(unreadable = false): void {
    if (this.running()) return;
    const date = this.runDate().trim();
    this.report.set(null);
    if (unreadable || (date !== '' && !isIsoDate(date))) {
      this.runErrors.set({
        byField: {
          date: this.i18n.t('Indiquez un jour valide (jj/mm/aaaa), ou laissez vide pour aujourd’hui.'),
        },
        general: [],
      });
      focusFirstError(this.runErrors, RUN_FIELDS, 'run', this.injector);
      return;
    }
    this.runErrors.set(NO_ERRORS);
    this.running.set(true);
    this.api
      .run(date === '' ? undefined : date)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (report) => {
          this.running.set(false);
          this.report.set(describeRun(report, this.i18n.translate()));
          this.status.reload();
        },
        error: (err: unknown) => {
          this.running.set(false);
          this.runErrors.set(apiFormErrors(toApiRequestError(err, this.i18n.translate()), RUN_FIELDS));
          focusFirstError(this.runErrors, RUN_FIELDS, 'run', this.injector);
          // a failed run is recorded with its error
          this.status.reload();
        },
      });
  }

  protected sendTest(): void {
    if (this.testing()) return;
    const to = this.testTo().trim();
    this.testResult.set(null);
    this.testErrors.set(NO_ERRORS);
    this.testing.set(true);
    this.api
      .testMail(to === '' ? undefined : to)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.testing.set(false);
          this.testResult.set(result);
        },
        error: (err: unknown) => {
          this.testing.set(false);
          this.testErrors.set(apiFormErrors(toApiRequestError(err, this.i18n.translate()), TEST_FIELDS));
          focusFirstError(this.testErrors, TEST_FIELDS, 'test', this.injector);
        },
      });
  }
}
