import { Module } from '@nestjs/common';

import { RoadmapsModule } from '../roadmaps';
import { ActionActorsController } from './action-actors.controller';
import { ActorsController } from './actors.controller';
import { ActorsQueries } from './actors.queries';
import { ActorsReader } from './actors.reader';
import { ActorsService } from './actors.service';
import { RoadmapActorsController } from './roadmap-actors.controller';

/** The study's diagnostic: the register of actors, their assessments, the map, the figures and their targets, the actions' targets. */
@Module({
  imports: [RoadmapsModule],
  controllers: [RoadmapActorsController, ActorsController, ActionActorsController],
  providers: [ActorsQueries, ActorsReader, ActorsService],
  exports: [ActorsReader],
})
export class ActorsModule {}
