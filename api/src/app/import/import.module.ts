import { Module } from '@nestjs/common';

import { ImportController } from './import.controller';
import { ImportQueries } from './import.queries';
import { ImportService } from './import.service';

/** `POST /roadmaps/:id/import`: the spreadsheet round trip — an edited export read back, planned, applied all or nothing. */
@Module({
  controllers: [ImportController],
  providers: [ImportQueries, ImportService],
})
export class ImportModule {}
