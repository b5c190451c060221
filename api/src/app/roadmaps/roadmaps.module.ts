import { Module } from '@nestjs/common';

import { AccountsModule } from '../accounts';
import { PastState } from './past-state';
import { PastStateQueries } from './past-state.queries';
import { RoadmapReader } from './roadmap.reader';
import { RoadmapsController } from './roadmaps.controller';
import { RoadmapQueries } from './roadmaps.queries';
import { RoadmapSettingsService } from './settings.service';

/** Roadmaps, their phases and functions with their roll-ups, and their settings. */
@Module({
  imports: [AccountsModule],
  controllers: [RoadmapsController],
  providers: [RoadmapQueries, RoadmapReader, RoadmapSettingsService, PastStateQueries, PastState],
  exports: [RoadmapQueries, RoadmapReader, PastState],
})
export class RoadmapsModule {}
