import { Module } from '@nestjs/common';

import { HealthController } from './health.controller';
import { HealthQueries } from './health.queries';

/** `GET /api/health`: up, and the database reachable. */
@Module({ controllers: [HealthController], providers: [HealthQueries] })
export class HealthModule {}
