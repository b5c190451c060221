import { Module } from '@nestjs/common';

import { RoadmapsModule } from '../roadmaps';
import { RoadmapSetupController } from './roadmap-setup.controller';
import { RoadmapSetupQueries } from './roadmap-setup.queries';
import { KIT_PATH, RoadmapSetupService } from './roadmap-setup.service';
import { KIT_FILE, seedsDir } from './seed-files';

/** New roadmaps from the kit (also used by seed/ and the CLI: the kit's files, the plan, its writer). */
@Module({
  imports: [RoadmapsModule],
  controllers: [RoadmapSetupController],
  providers: [RoadmapSetupQueries, RoadmapSetupService, { provide: KIT_PATH, useFactory: () => KIT_FILE(seedsDir()) }],
})
export class RoadmapSetupModule {}
