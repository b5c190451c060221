import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';

import { MIGRATIONS } from '../../migrations';
import { HealthQueries } from './health.queries';

/** A migration's name as MikroORM records it (without the file's extension). */
const bare = (name: string) => name.replace(/\.[jt]s$/, '');

/** The known migrations (the bundle's index) that the database has not applied. */
export function missingMigrations(known: readonly string[], applied: readonly string[]): string[] {
  const done = new Set(applied.map(bare));
  return known.map(bare).filter((name) => !done.has(name));
}

/** The two conditions of `/api/health/ready`, as terminus indicators: the database answers, every migration is applied. */
@Injectable()
export class Readiness {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly queries: HealthQueries,
  ) {}

  async database(): Promise<HealthIndicatorResult<'database'>> {
    const check = this.indicators.check('database');
    try {
      await this.queries.ping();
      return check.up();
    } catch {
      return check.down({ message: 'La base de données ne répond pas.' });
    }
  }

  async migrations(): Promise<HealthIndicatorResult<'migrations'>> {
    const check = this.indicators.check('migrations');
    try {
      const missing = missingMigrations(
        MIGRATIONS.map((m) => m.name),
        await this.queries.appliedMigrations(),
      );
      if (missing.length) return check.down({ message: `Migrations non appliquées : ${missing.join(', ')}.`, missing });
      return check.up({ applied: MIGRATIONS.length });
    } catch {
      return check.down({ message: 'Les migrations appliquées ne peuvent pas être lues.' });
    }
  }
}
