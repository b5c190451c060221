import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { addDays, todayInParis } from '@jalons/domain';
import { CronJob } from 'cron';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { SessionsService } from '../auth';
import { OutboxService } from './outbox.service';
import { ReminderQueries } from './reminders.queries';
import { RemindersService } from './reminders.service';

/** How long a stopping instance waits for the reminder work under way. */
const STOP_WAIT_MS = 20_000;

export const REMINDERS_JOB = 'reminders';
export const OUTBOX_SWEEP = 'outbox-sweep';

/**
 * Runs the reminder job on REMINDERS_CRON in Europe/Paris (07:30 by default: after the clocks
 * change, 07:30 is still 07:30 in Brest) and sweeps the outbox every OUTBOX_POLL_SECONDS for
 * retries; the daily tick also purges ended sessions. REMINDERS_ENABLED=false turns both off on an instance; instances that keep them on
 * share the work safely (RemindersService, OutboxService).
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private sweeping = false;
  /** the catch-ups and sweeps under way: shutting down waits for them, before the database pool closes */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly reminders: RemindersService,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionsService,
    private readonly queries: ReminderQueries,
    @Inject(APP_CONFIG)
    private readonly config: Pick<AppConfig, 'remindersEnabled' | 'remindersCron' | 'outboxPollSeconds' | 'loginWindowMinutes'>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.remindersEnabled) return;
    const job = CronJob.from({
      cronTime: this.config.remindersCron,
      timeZone: 'Europe/Paris',
      onTick: () => this.track(this.catchUp(true)),
    });
    this.registry.addCronJob(REMINDERS_JOB, job);
    job.start();
    const sweep = setInterval(() => this.track(this.sweep()), this.config.outboxPollSeconds * 1000);
    sweep.unref();
    this.registry.addInterval(OUTBOX_SWEEP, sweep);
    this.logger.log(`reminders at "${this.config.remindersCron}" (Europe/Paris), next ${job.nextDate().toISO()}`);
    // started after today's time (or after a stop that spanned it): the missed days are run now
    const todaysSlotPassed = job.nextDate().setZone('Europe/Paris').toISODate()! > todayInParis();
    this.track(this.catchUp(todaysSlotPassed));
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /**
   * Runs the job for every day since its own last run that finished (at most the past 7 days; the
   * CLI's and the administrator's runs, of any day, do not count), and for today when
   * `includeToday`: a restart across 07:30 loses no reminder. Running a day twice is harmless
   * (reminders and digests are recorded once).
   */
  async catchUp(includeToday: boolean): Promise<void> {
    const today = todayInParis();
    try {
      const last = await this.queries.lastFinishedDay(today);
      const until = includeToday ? today : addDays(today, -1);
      const floor = addDays(today, -7);
      let day = last ? addDays(last, 1) : until;
      if (day < floor) day = floor;
      for (; day <= until; day = addDays(day, 1)) await this.reminders.run(day, 'cron');
      await this.sessions.purge(this.config.loginWindowMinutes);
    } catch (e) {
      this.logger.error(`reminder job failed: ${(e as Error).message}`);
    }
  }

  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      await this.outbox.deliverDue();
    } catch (e) {
      this.logger.error(`outbox sweep failed: ${(e as Error).message}`);
    } finally {
      this.sweeping = false;
    }
  }

  /**
   * Stops claiming work, then waits for the run under way: Nest calls this before any
   * `onApplicationShutdown`, so the database pool (closed by MikroORM's) is still open; a run cut
   * short would wait for a connection that never comes and fail a minute later.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('cron', REMINDERS_JOB)) void this.registry.getCronJob(REMINDERS_JOB).stop();
    if (this.registry.doesExist('interval', OUTBOX_SWEEP)) this.registry.deleteInterval(OUTBOX_SWEEP);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), STOP_WAIT_MS);
      timer.unref();
    });
    const outcome = await Promise.race([Promise.allSettled([...this.running]), late]);
    clearTimeout(timer);
    // a long outbox sweep (slow SMTP) is not waited for: its claims expire with their lease and are fenced
    if (outcome === 'late') this.logger.warn(`stopping with reminder work still under way after ${STOP_WAIT_MS / 1000} s`);
  }
}
