import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { AuthModule } from '../auth';
import { MetricsModule } from '../metrics';
import { AdminRemindersController } from './admin-reminders.controller';
import { NotificationsController } from './notifications.controller';
import { NotificationQueries } from './notifications.queries';
import { OutboxQueries } from './outbox.queries';
import { OutboxService } from './outbox.service';
import { ReminderQueries } from './reminders.queries';
import { RemindersService } from './reminders.service';
import { ReminderScheduler } from './scheduler';

/**
 * Deadline reminders (ADR 0009): the day's selection, notifications, digests through the outbox,
 * the scheduler that runs them, the bell and the administrator's page.
 */
@Module({
  imports: [ScheduleModule.forRoot(), AuthModule, MetricsModule],
  controllers: [NotificationsController, AdminRemindersController],
  providers: [ReminderQueries, OutboxQueries, NotificationQueries, OutboxService, RemindersService, ReminderScheduler],
  exports: [RemindersService, OutboxService],
})
export class RemindersModule {}
