import { Module } from '@nestjs/common';

import { BaselinesModule } from '../baselines';
import { RoadmapsModule } from '../roadmaps';
import { ChronogramController } from './chronogram.controller';
import { ChronogramQueries } from './chronogram.queries';
import { ChronogramReader } from './chronogram.reader';

/** The Gantt's one call (`GET /roadmaps/:id/chronogram`), with its per-instance cache. */
@Module({
  imports: [RoadmapsModule, BaselinesModule],
  controllers: [ChronogramController],
  providers: [ChronogramQueries, ChronogramReader],
  exports: [ChronogramReader],
})
export class ChronogramModule {}
