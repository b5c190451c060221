import { Module } from '@nestjs/common';

import { ActionsModule } from '../actions';
import { GovernanceModule } from '../governance';
import { IndicatorsModule } from '../indicators';
import { MilestonesModule } from '../milestones';
import { PublicQueries } from '../public';
import { RoadmapsModule } from '../roadmaps';
import { OpenDataController } from './open-data.controller';
import { OpenDataReader } from './open-data.reader';

/** `/api/public/roadmaps/:slug/open-data/*`: the roadmap as open data (Data Package, Table Schemas, CSV and JSON). */
@Module({
  imports: [RoadmapsModule, ActionsModule, MilestonesModule, IndicatorsModule, GovernanceModule],
  controllers: [OpenDataController],
  providers: [PublicQueries, OpenDataReader],
})
export class OpenDataModule {}
