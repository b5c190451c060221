import { Module } from '@nestjs/common';

import { ActionsModule } from '../actions';
import { MilestonesModule } from '../milestones';
import { RoadmapsModule } from '../roadmaps';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

/** `GET /roadmaps/:id/export`: XLSX (exceljs on the server) or CSV. */
@Module({
  imports: [RoadmapsModule, ActionsModule, MilestonesModule],
  controllers: [ExportController],
  providers: [ExportService],
})
export class ExportModule {}
