import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';

import { HealthController } from './health.controller';
import { HealthQueries } from './health.queries';
import { Readiness } from './readiness';

/**
 * `GET /api/health` (up, and the database reachable: the e2e server waits on it), `/api/health/live` and
 * `/api/health/ready` (terminus: the database and the migrations) for an orchestrator (ADR 0029).
 */
@Module({
  // terminus logs nothing itself: a 503 is written once, as the request's line
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [HealthQueries, Readiness],
})
export class HealthModule {}
