import { Module } from '@nestjs/common';

import { AccountsModule } from '../accounts';
import { RoadmapReader } from './roadmap.reader';
import { RoadmapsController } from './roadmaps.controller';
import { RoadmapQueries } from './roadmaps.queries';
import { RoadmapSettingsService } from './settings.service';

/** Roadmaps, their phases and functions with their roll-ups, and their settings. */
@Module({
  imports: [AccountsModule],
  controllers: [RoadmapsController],
  providers: [RoadmapQueries, RoadmapReader, RoadmapSettingsService],
  exports: [RoadmapQueries, RoadmapReader],
})
export class RoadmapsModule {}
