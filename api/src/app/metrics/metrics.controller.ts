import { createHash, timingSafeEqual } from 'node:crypto';

import { Controller, Get, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { ApiException } from '../../infra/http/errors';
import { Access, Allow } from '../auth';
import { MetricsService } from './metrics.service';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** `Authorization: Bearer <token>` equal to METRICS_TOKEN, compared in constant time; never when the token is unset. */
export function metricsAllowed(authorization: string | undefined, token: string | null): boolean {
  if (!token) return false;
  const given = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  return !!given && timingSafeEqual(digest(given), digest(token));
}

/**
 * `GET /metrics` (outside `/api`), for Prometheus: open only with the METRICS_TOKEN bearer token, closed to everyone
 * when it is unset. Not in the API's OpenAPI document (an operator's endpoint, not the application's), so not in the
 * access matrix either: its rule is the token, whoever is signed in (api/test/observability.spec.ts).
 */
@ApiExcludeController()
@Controller('metrics')
@Allow(Access.public)
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'metricsToken'>,
  ) {}

  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!metricsAllowed(req.header('authorization'), this.config.metricsToken)) {
      throw new ApiException({
        statusCode: HttpStatus.UNAUTHORIZED,
        error: 'unauthenticated',
        message: this.config.metricsToken
          ? 'Les métriques demandent le jeton METRICS_TOKEN de l’instance (en-tête Authorization: Bearer …).'
          : 'Les métriques sont fermées : définissez METRICS_TOKEN pour les ouvrir à votre collecteur.',
      });
    }
    const text = await this.metrics.text();
    res.setHeader('Cache-Control', 'no-store');
    // as prom-client writes it (`text/plain; version=0.0.4; charset=utf-8`): Express's send would reorder the parameters
    res.setHeader('Content-Type', this.metrics.contentType);
    res.end(text);
  }
}
