import { Module } from '@nestjs/common';

import { RoadmapsModule } from '../roadmaps';
import { CarryOverService } from './carry-over.service';
import { FunctionsService } from './functions.service';
import { PhasesService } from './phases.service';
import { PlanningController } from './planning.controller';
import { PlanningQueries } from './planning.queries';

/** The project lead's planning: functions, phase dates, closing a mandate and carrying its unfinished items over. */
@Module({
  imports: [RoadmapsModule],
  controllers: [PlanningController],
  providers: [PlanningQueries, FunctionsService, PhasesService, CarryOverService],
})
export class PlanningModule {}
