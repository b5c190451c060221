import { Module } from '@nestjs/common';

import { EvidenceController } from './evidence.controller';
import { EvidenceQueries } from './evidence.queries';
import { EvidenceService } from './evidence.service';

/** Proof links on actions and milestones (docs/evidence.md); the status writers use the service to save a proof with a status. */
@Module({
  controllers: [EvidenceController],
  providers: [EvidenceQueries, EvidenceService],
  exports: [EvidenceService],
})
export class EvidenceModule {}
