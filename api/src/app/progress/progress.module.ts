import { Module } from '@nestjs/common';

import { BaselinesModule } from '../baselines';
import { RoadmapsModule } from '../roadmaps';
import { ProgressController } from './progress.controller';
import { ProgressReader } from './progress.reader';

/** Progress over time: the S-curve (ADR 0020). Roll-ups at a past date are the roadmaps feature's. */
@Module({
  imports: [RoadmapsModule, BaselinesModule],
  controllers: [ProgressController],
  providers: [ProgressReader],
  exports: [ProgressReader],
})
export class ProgressModule {}
