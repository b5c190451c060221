import { Module } from '@nestjs/common';

import { ActorsModule } from '../actors';
import { BaselinesModule } from '../baselines';
import { ChronogramModule } from '../chronogram';
import { GovernanceModule } from '../governance';
import { ProgressModule } from '../progress';
import { RoadmapsModule } from '../roadmaps';
import { ReportController } from './report.controller';
import { ReportDataReader } from './report-data';
import { ReportQueries } from './report.queries';
import { ReportService } from './report.service';

/** The council report (`GET /roadmaps/:id/report`, `npm run report`): PDF with pdfmake, or a web page (ADR 0021). */
@Module({
  imports: [RoadmapsModule, ChronogramModule, BaselinesModule, ActorsModule, GovernanceModule, ProgressModule],
  controllers: [ReportController],
  providers: [ReportQueries, ReportDataReader, ReportService],
  exports: [ReportService],
})
export class ReportModule {}
