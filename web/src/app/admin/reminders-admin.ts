import type {
  OutboxMessageView,
  RemindersStatusView,
  RunReportView,
} from '@jalons/contract';
import { isIsoDate } from '@jalons/domain';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  computed,
  inject,
  signal,
} from '@angular/core';
import {
  takeUntilDestroyed,
  toObservable,
  toSignal,
} from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Observable, catchError, map, of, startWith, switchMap } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import {
  RemindersAdminService,
  TestMailResult,
} from '../data/reminders-admin.service';
import { formatParisDateTime } from '../items/history-table';
import { FrDatePipe } from '../shared/fr-date.pipe';
import {
  FormErrors,
  NO_ERRORS,
  apiFormErrors,
  focusFirstError,
} from '../shared/form-errors';

type StatusState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; view: RemindersStatusView };

const LOADING: StatusState = { status: 'loading' };
const RUN_FIELDS = ['date'] as const;
const TEST_FIELDS = ['to'] as const;

/** How a run was started (reminder_run.trigger). */
export const TRIGGER_LABELS: Readonly<Record<string, string>> = {
  cron: 'Automatique',
  cli: 'Ligne de commande',
  admin: 'Manuel (administration)',
};

export const OUTBOX_STATUS_LABELS: Readonly<
  Record<OutboxMessageView['status'], string>
> = {
  pending: 'Nouvel essai prévu',
  sending: 'En cours d’envoi',
  sent: 'Envoyé',
  failed: 'En échec',
};

/** « 30 7 * * * » → « tous les jours à 7 h 30 »; other expressions are given as they are. */
export function describeCron(cron: string): string {
  const daily = /^(\d{1,2})\s+(\d{1,2})\s+\*\s+\*\s+\*$/.exec(cron.trim());
  if (!daily) return `selon l’expression cron « ${cron} »`;
  const minute = daily[1].padStart(2, '0');
  return `tous les jours à ${Number(daily[2])} h ${minute}`;
}

const plural = (n: number, one: string, many: string): string =>
  `${n} ${n > 1 ? many : one}`;

/** What a run did, in French, for the administrator who started it. */
export function describeRun(report: RunReportView): string {
  const day = report.day.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');
  const decided = `Rappel du ${day} : ${plural(report.selected, 'échéance retenue', 'échéances retenues')}, ${plural(report.created, 'nouveau rappel', 'nouveaux rappels')}, ${plural(report.digests, 'récapitulatif', 'récapitulatifs')} à envoyer.`;
  const d = report.delivery;
  const delivery = d
    ? ` Envoi : ${plural(d.sent, 'courriel envoyé', 'courriels envoyés')}, ${d.retrying} à réessayer, ${d.failed} en échec.`
    : ' Aucun envoi tenté.';
  return decided + delivery;
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
  imports: [FormsModule, FrDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reminders-admin.html',
})
export class RemindersAdmin {
  private readonly api = inject(RemindersAdminService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  private readonly reloads = signal(0);
  protected readonly state = toSignal(
    toObservable(this.reloads).pipe(switchMap((n) => this.load(n > 0))),
    { initialValue: LOADING },
  );
  protected readonly view = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.view : null;
  });
  protected readonly loadError = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.message : null;
  });
  protected readonly schedule = computed(() => {
    const v = this.view();
    return v ? describeCron(v.cron) : '';
  });
  protected readonly problems = computed<ProblemRow[]>(() =>
    (this.view()?.problems ?? []).map((message) => ({
      message,
      state: OUTBOX_STATUS_LABELS[message.status] || message.status,
      lastError: message.lastError ?? '—',
      nextAttempt:
        message.status === 'failed'
          ? '—'
          : formatParisDateTime(message.nextAttemptAt),
      canRetry: message.status === 'failed',
    })),
  );
  protected readonly runs = computed(() =>
    (this.view()?.runs ?? []).map((run) => ({
      run,
      trigger: TRIGGER_LABELS[run.trigger] || run.trigger,
      outcome: run.error ?? (run.finishedAt ? '—' : 'En cours'),
    })),
  );

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
            `Le courriel « ${message.subject} » à ${message.to} est remis dans la file d’envoi.`,
          );
          this.reloads.update((n) => n + 1);
        },
        error: (err: unknown) => {
          this.retrying.set(null);
          this.retryError.set(
            `Nouvel essai refusé : ${toApiRequestError(err).message}`,
          );
          this.reloads.update((n) => n + 1);
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
          date: 'Indiquez un jour valide (jj/mm/aaaa), ou laissez vide pour aujourd’hui.',
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
          this.report.set(describeRun(report));
          this.reloads.update((n) => n + 1);
        },
        error: (err: unknown) => {
          this.running.set(false);
          this.runErrors.set(
            apiFormErrors(toApiRequestError(err), RUN_FIELDS),
          );
          focusFirstError(this.runErrors, RUN_FIELDS, 'run', this.injector);
          // a failed run is recorded with its error
          this.reloads.update((n) => n + 1);
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
          this.testErrors.set(
            apiFormErrors(toApiRequestError(err), TEST_FIELDS),
          );
          focusFirstError(this.testErrors, TEST_FIELDS, 'test', this.injector);
        },
      });
  }

  private load(reload: boolean): Observable<StatusState> {
    const state$ = this.api.status().pipe(
      map((view): StatusState => ({ status: 'ready', view })),
      catchError((err: unknown) =>
        of<StatusState>({
          status: 'error',
          message: toApiRequestError(err).message,
        }),
      ),
    );
    return reload ? state$ : state$.pipe(startWith(LOADING));
  }
}
