import { Module } from '@nestjs/common';

import { AccountsModule } from '../accounts';
import { EvidenceModule } from '../evidence';
import { BaselinesModule } from '../baselines';
import { HistoryModule } from '../history';
import { RoadmapsModule } from '../roadmaps';
import { TrashModule } from '../trash';
import { MilestonesController } from './milestones.controller';
import { MilestoneQueries } from './milestones.queries';
import { MilestonesReader } from './milestones.reader';
import { MilestonesService } from './milestones.service';
import { RoadmapMilestonesController } from './roadmap-milestones.controller';

/** Milestones: read with their state, written with the domain's rules, a version check and a history line per change. */
@Module({
  imports: [AccountsModule, BaselinesModule, RoadmapsModule, HistoryModule, TrashModule, EvidenceModule],
  controllers: [RoadmapMilestonesController, MilestonesController],
  providers: [MilestoneQueries, MilestonesReader, MilestonesService],
  exports: [MilestonesReader],
})
export class MilestonesModule {}
