import { Module } from '@nestjs/common';

import { DecisionsController, InstancesController, MeetingsController, RoadmapGovernanceController } from './governance.controller';
import { DecisionQueries } from './decisions.queries';
import { GovernanceQueries } from './governance.queries';
import { GovernanceService } from './governance.service';
import { InstanceQueries } from './instances.queries';
import { MeetingQueries } from './meetings.queries';

/** Governance: instances, meetings, decisions (ADR 0019; SQL only). The report and the summaries read it through GovernanceQueries. */
@Module({
  controllers: [RoadmapGovernanceController, InstancesController, MeetingsController, DecisionsController],
  providers: [InstanceQueries, MeetingQueries, DecisionQueries, GovernanceQueries, GovernanceService],
  exports: [GovernanceQueries],
})
export class GovernanceModule {}
