import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { PurgeService } from './purge.service';

/** How long a stopping instance waits for the purge under way. */
const STOP_WAIT_MS = 20_000;

export const PURGE_JOB = 'retention-purge';

/**
 * Runs the retention purge on the reminders' tick (REMINDERS_CRON, Europe/Paris), as the monthly
 * summaries do, and once at start. Deleting what is past retention twice deletes nothing more, so
 * two instances running it need no lock. REMINDERS_ENABLED=false turns it off on an instance.
 */
@Injectable()
export class PurgeScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Purge');
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly purge: PurgeService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'remindersEnabled' | 'remindersCron'>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.remindersEnabled) return;
    const job = CronJob.from({ cronTime: this.config.remindersCron, timeZone: 'Europe/Paris', onTick: () => this.track(this.check()) });
    this.registry.addCronJob(PURGE_JOB, job);
    job.start();
    this.track(this.check());
  }

  /** Purges what is past retention today (Europe/Paris); logs the counts. */
  async check(): Promise<void> {
    try {
      const report = await this.purge.run();
      const counts = Object.entries(report.counts).map(([table, n]) => `${table} ${n}`);
      this.logger.log(`retention purge of ${report.day}: ${counts.join(', ')}`);
    } catch (e) {
      this.logger.error(`retention purge failed: ${(e as Error).message}`);
    }
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /** Stops the tick, then waits (a while) for the purge under way, before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('cron', PURGE_JOB)) void this.registry.getCronJob(PURGE_JOB).stop();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), STOP_WAIT_MS);
      timer.unref();
    });
    const outcome = await Promise.race([Promise.allSettled([...this.running]), late]);
    clearTimeout(timer);
    if (outcome === 'late') this.logger.warn(`stopping with the retention purge still under way after ${STOP_WAIT_MS / 1000} s`);
  }
}
