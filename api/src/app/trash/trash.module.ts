import { Module } from '@nestjs/common';

import { AccountsModule } from '../accounts';
import { RoadmapsModule } from '../roadmaps';
import { TrashController } from './trash.controller';
import { TrashQueries } from './trash.queries';
import { TrashReader } from './trash.reader';
import { TrashService } from './trash.service';

/** The Corbeille: deleted actions and milestones kept 90 days, listed, restored with their id, history and arrows. */
@Module({
  imports: [AccountsModule, RoadmapsModule],
  controllers: [TrashController],
  providers: [TrashQueries, TrashReader, TrashService],
  exports: [TrashService],
})
export class TrashModule {}
