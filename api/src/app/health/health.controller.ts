import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { Access, Allow } from '../auth';
import { HealthQueries } from './health.queries';

@ApiTags('health')
@Controller('health')
@Allow(Access.public)
export class HealthController {
  constructor(private readonly queries: HealthQueries) {}

  @Get()
  async check(): Promise<HealthView> {
    try {
      await this.queries.ping();
    } catch {
      throw new ApiException({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'database_unavailable',
        message: 'La base de données ne répond pas.',
      });
    }
    return { status: 'ok', database: 'up', version: process.env['npm_package_version'] ?? '0.0.0' };
  }
}
