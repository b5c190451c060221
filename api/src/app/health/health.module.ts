import { Module } from '@nestjs/common';

import { HealthController } from './health.controller';

/** `GET /api/health`: up, and the database reachable. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
