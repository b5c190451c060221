import { Module } from '@nestjs/common';

import { BaselinesModule } from '../baselines';
import { IndicatorsModule } from '../indicators';
import { MilestonesModule } from '../milestones';
import { RoadmapsModule } from '../roadmaps';
import { PublicRoadmapsController } from './public.controller';
import { PublicQueries } from './public.queries';

/** The citizens' pages: `/api/public/*`, no sign-in, no personal data. */
@Module({
  imports: [RoadmapsModule, MilestonesModule, IndicatorsModule, BaselinesModule],
  controllers: [PublicRoadmapsController],
  providers: [PublicQueries],
})
export class PublicModule {}
