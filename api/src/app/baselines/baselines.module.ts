import { Module } from '@nestjs/common';

import { BaselinesController, RoadmapBaselinesController } from './baselines.controller';
import { BaselineQueries } from './baselines.queries';
import { BaselinesService } from './baselines.service';

/** Baselines: the lead's frozen plans and the slips against them (ADR 0017; SQL only). */
@Module({
  controllers: [RoadmapBaselinesController, BaselinesController],
  providers: [BaselineQueries, BaselinesService],
  exports: [BaselineQueries],
})
export class BaselinesModule {}
