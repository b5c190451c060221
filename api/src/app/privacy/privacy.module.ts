import { Module } from '@nestjs/common';

import { AccountsModule } from '../accounts';
import { AuthModule } from '../auth';
import { AnonymiseService } from './anonymise.service';
import { ExportQueries } from './export.queries';
import { PersonalDataService } from './export.service';
import { AnonymiseController, PersonalDataController } from './privacy.controller';
import { PrivacyQueries } from './privacy.queries';
import { PurgeService } from './purge.service';
import { PurgeScheduler } from './scheduler';

/**
 * Personal data rights (issue 13, ADR 0027): a person's export, the administrator's anonymisation
 * of a departed person, and the retention purge
 * on the reminders' tick.
 */
@Module({
  imports: [AuthModule, AccountsModule],
  controllers: [PersonalDataController, AnonymiseController],
  providers: [ExportQueries, PrivacyQueries, PersonalDataService, AnonymiseService, PurgeService, PurgeScheduler],
  exports: [PurgeService],
})
export class PrivacyModule {}
