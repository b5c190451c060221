import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { todayInParis } from '@jalons/domain';
import { CronJob } from 'cron';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { SummariesService } from './summaries.service';

/** How long a stopping instance waits for the summary run under way. */
const STOP_WAIT_MS = 20_000;

export const SUMMARIES_JOB = 'monthly-summaries';

/**
 * Checks the monthly summaries on the reminders' tick (REMINDERS_CRON, Europe/Paris) and once at
 * start: from the month's first Monday on, each check records and sends the summaries still missing
 * (none most days — one query). REMINDERS_ENABLED=false turns it off on an instance, as the reminders.
 */
@Injectable()
export class SummaryScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Summaries');
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly summaries: SummariesService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'remindersEnabled' | 'remindersCron'>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.remindersEnabled) return;
    const job = CronJob.from({ cronTime: this.config.remindersCron, timeZone: 'Europe/Paris', onTick: () => this.track(this.check()) });
    this.registry.addCronJob(SUMMARIES_JOB, job);
    job.start();
    // a restart after a first Monday's tick (or a stop that spanned it) sends what is missing now
    this.track(this.check());
  }

  /** Runs the month's summaries for today (Europe/Paris); harmless when they are all recorded, or not due yet. */
  async check(): Promise<void> {
    try {
      await this.summaries.run(todayInParis());
    } catch (e) {
      this.logger.error(`monthly summaries failed: ${(e as Error).message}`);
    }
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /** Stops the tick, then waits (a while) for the run under way, before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('cron', SUMMARIES_JOB)) void this.registry.getCronJob(SUMMARIES_JOB).stop();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), STOP_WAIT_MS);
      timer.unref();
    });
    const outcome = await Promise.race([Promise.allSettled([...this.running]), late]);
    clearTimeout(timer);
    if (outcome === 'late') this.logger.warn(`stopping with the monthly summaries still under way after ${STOP_WAIT_MS / 1000} s`);
  }
}
