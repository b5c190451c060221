import { Module } from '@nestjs/common';

import { AuthModule } from '../auth';
import { RemindersModule } from '../reminders';
import { RoadmapsModule } from '../roadmaps';
import { SummaryScheduler } from './scheduler';
import { SummariesController } from './summaries.controller';
import { SummaryQueries } from './summaries.queries';
import { SummariesService } from './summaries.service';

/**
 * The monthly summary for elected officials (ADR 0022): who receives it, what it says, the runs that
 * record it in the reminders' outbox, the check on the reminders' tick, and each person's choice.
 */
@Module({
  imports: [AuthModule, RemindersModule, RoadmapsModule],
  controllers: [SummariesController],
  providers: [SummaryQueries, SummariesService, SummaryScheduler],
  exports: [SummariesService],
})
export class SummariesModule {}
