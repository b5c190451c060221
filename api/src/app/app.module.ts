import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { ScheduleModule } from '@nestjs/schedule';

import { APP_CONFIG } from '../infra/config/config';
import type { AppConfig } from '../infra/config/config';
import { ormOptions } from '../infra/database/mikro-orm.config';
import { ApiErrorFilter } from '../infra/http/error.filter';
import { createValidationPipe } from '../infra/http/validation.pipe';
import { MailService } from '../infra/mail/mail.service';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { ActionsController } from './actions/actions.controller';
import { AccessGuard } from './auth/access.guard';
import { CalendarsController } from './calendars/calendars.controller';
import { CalendarsService } from './calendars/calendars.service';
import { AdminRemindersController } from './reminders/admin-reminders.controller';
import { NotificationsController } from './reminders/notifications.controller';
import { OutboxService } from './reminders/outbox.service';
import { RemindersService } from './reminders/reminders.service';
import { ReminderScheduler } from './reminders/scheduler';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { SessionsService } from './auth/sessions.service';
import { ThrottleService } from './auth/throttle.service';
import { ActionsService } from './actions/actions.service';
import { ExportService } from './export/export.service';
import { HealthController } from './health/health.controller';
import { MilestonesController } from './milestones/milestones.controller';
import { MilestonesService } from './milestones/milestones.service';
import { PersonsController } from './persons/persons.controller';
import { RoadmapReadModel } from './roadmaps/read-model';
import { PublicRoadmapsController } from './roadmaps/public.controller';
import { RoadmapsController } from './roadmaps/roadmaps.controller';
import { RoadmapSettingsService } from './roadmaps/settings.service';

@Module({})
export class AppModule {
  /** The whole API on one database. The pipe and the filter are providers, so test modules get them too. */
  static create(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [MikroOrmModule.forRoot({ ...ormOptions(databaseUrl), registerRequestContext: true }), ScheduleModule.forRoot()],
      controllers: [
        HealthController,
        AuthController,
        AccountsController,
        RoadmapsController,
        PublicRoadmapsController,
        ActionsController,
        MilestonesController,
        PersonsController,
        NotificationsController,
        AdminRemindersController,
        CalendarsController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        RoadmapReadModel,
        ActionsService,
        ExportService,
        MilestonesService,
        RoadmapSettingsService,
        MailService,
        SessionsService,
        ThrottleService,
        AuthService,
        AccountsService,
        OutboxService,
        RemindersService,
        ReminderScheduler,
        CalendarsService,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
      ],
    };
  }
}
