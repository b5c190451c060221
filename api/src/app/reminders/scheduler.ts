import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { todayInParis } from '@jalons/domain';
import { CronJob } from 'cron';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { SessionsService } from '../auth/sessions.service';
import { OutboxService } from './outbox.service';
import { RemindersService } from './reminders.service';

export const REMINDERS_JOB = 'reminders';
export const OUTBOX_SWEEP = 'outbox-sweep';

/**
 * Runs the reminder job on REMINDERS_CRON in Europe/Paris (07:30 by default: after the clocks
 * change, 07:30 is still 07:30 in Brest) and sweeps the outbox every OUTBOX_POLL_SECONDS for
 * retries; the daily tick also purges ended sessions. REMINDERS_ENABLED=false turns both off on an instance; instances that keep them on
 * share the work safely (RemindersService, OutboxService).
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private sweeping = false;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly reminders: RemindersService,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'remindersEnabled' | 'remindersCron' | 'outboxPollSeconds' | 'loginWindowMinutes'>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.remindersEnabled) return;
    const job = CronJob.from({
      cronTime: this.config.remindersCron,
      timeZone: 'Europe/Paris',
      onTick: () => {
        const day = todayInParis();
        this.reminders.run(day, 'cron').catch((e) => this.logger.error(`reminder job of ${day} failed: ${(e as Error).message}`));
        this.sessions.purge(this.config.loginWindowMinutes).catch((e) => this.logger.error(`session purge failed: ${(e as Error).message}`));
      },
    });
    this.registry.addCronJob(REMINDERS_JOB, job);
    job.start();
    const sweep = setInterval(() => void this.sweep(), this.config.outboxPollSeconds * 1000);
    sweep.unref();
    this.registry.addInterval(OUTBOX_SWEEP, sweep);
    this.logger.log(`reminders at "${this.config.remindersCron}" (Europe/Paris), next ${job.nextDate().toISO()}`);
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

  onApplicationShutdown(): void {
    if (this.registry.doesExist('cron', REMINDERS_JOB)) void this.registry.getCronJob(REMINDERS_JOB).stop();
    if (this.registry.doesExist('interval', OUTBOX_SWEEP)) this.registry.deleteInterval(OUTBOX_SWEEP);
  }
}
