import { Controller, Get, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import type { HealthView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { Access, Allow } from '../auth';
import { HealthQueries } from './health.queries';
import { Readiness } from './readiness';

/** What `live` and `ready` answer when all is well (terminus's report: each check and its status). */
type HealthReport = Pick<HealthCheckResult, 'status' | 'info' | 'error' | 'details'>;

@ApiTags('health')
@Controller('health')
@Allow(Access.public)
export class HealthController {
  constructor(
    private readonly queries: HealthQueries,
    private readonly health: HealthCheckService,
    private readonly readiness: Readiness,
  ) {}

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

  /** The process answers (no database call): a failing liveness probe means « restart it ». */
  @Get('live')
  @ApiOperation({ summary: 'Le processus répond (sans appel à la base) : sonde de vivacité' })
  live(): Promise<HealthReport> {
    return this.health.check([]);
  }

  /** The database answers and every migration the bundle knows is applied: a failing readiness probe means « send no traffic ». */
  @Get('ready')
  @ApiOperation({ summary: 'La base répond et toutes les migrations sont appliquées : sonde de disponibilité (503 sinon)' })
  async ready(): Promise<HealthReport> {
    try {
      return await this.health.check([() => this.readiness.database(), () => this.readiness.migrations()]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      const report = e.getResponse() as HealthCheckResult;
      const reasons = Object.values(report.error ?? {}).map((d) => String((d as { message?: unknown }).message ?? ''));
      throw new ApiException({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'not_ready',
        message: `L’instance n’est pas prête à servir. ${reasons.filter(Boolean).join(' ')}`.trim(),
      });
    }
  }
}
