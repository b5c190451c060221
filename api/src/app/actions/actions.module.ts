import { Module } from '@nestjs/common';

import { AccountsModule } from '../accounts';
import { EvidenceModule } from '../evidence';
import { BaselinesModule } from '../baselines';
import { HistoryModule } from '../history';
import { RoadmapsModule } from '../roadmaps';
import { TrashModule } from '../trash';
import { ActionsController } from './actions.controller';
import { ActionQueries } from './actions.queries';
import { ActionsReader } from './actions.reader';
import { ActionsService } from './actions.service';
import { RoadmapActionsController } from './roadmap-actions.controller';

/** Actions: read with their health, written with the domain's rules, a version check and a history line per change. */
@Module({
  imports: [AccountsModule, BaselinesModule, RoadmapsModule, HistoryModule, TrashModule, EvidenceModule],
  controllers: [RoadmapActionsController, ActionsController],
  providers: [ActionQueries, ActionsReader, ActionsService],
  exports: [ActionsReader],
})
export class ActionsModule {}
