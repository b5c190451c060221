import { Module } from '@nestjs/common';

import { AccountsModule } from '../accounts';
import { RoadmapsModule } from '../roadmaps';
import { HistoryController } from './history.controller';
import { HistoryQueries } from './history.queries';
import { HistoryReader } from './history.reader';

/** The change history: written by every item write (`recordChanges`), read per item and per roadmap. */
@Module({
  imports: [AccountsModule, RoadmapsModule],
  controllers: [HistoryController],
  providers: [HistoryQueries, HistoryReader],
  exports: [HistoryReader],
})
export class HistoryModule {}
