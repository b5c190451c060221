import { Module } from '@nestjs/common';

import { RoadmapsModule } from '../roadmaps';
import { IndicatorsController } from './indicators.controller';
import { IndicatorQueries } from './indicators.queries';
import { IndicatorsReader } from './indicators.reader';
import { IndicatorsService } from './indicators.service';
import { RoadmapIndicatorsController } from './roadmap-indicators.controller';

/** Indicators per function: their line from baseline to target, their measurements, their health (docs/indicators.md). */
@Module({
  imports: [RoadmapsModule],
  controllers: [RoadmapIndicatorsController, IndicatorsController],
  providers: [IndicatorQueries, IndicatorsReader, IndicatorsService],
  exports: [IndicatorsReader],
})
export class IndicatorsModule {}
