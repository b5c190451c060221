import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { AuthModule } from '../auth';
import { AdminRemindersController } from './admin-reminders.controller';
import { NotificationsController } from './notifications.controller';
import { OutboxService } from './outbox.service';
import { RemindersService } from './reminders.service';
import { ReminderScheduler } from './scheduler';

/**
 * Deadline reminders (ADR 0009): the day's selection, notifications, digests through the outbox,
 * the scheduler that runs them, the bell and the administrator's page.
 */
@Module({
  imports: [ScheduleModule.forRoot(), AuthModule],
  controllers: [NotificationsController, AdminRemindersController],
  providers: [OutboxService, RemindersService, ReminderScheduler],
  exports: [RemindersService],
})
export class RemindersModule {}
