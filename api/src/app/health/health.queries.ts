import { Injectable } from '@nestjs/common';

import { Sql } from '../../infra/database/sql';

/** What the health check asks the database. */
@Injectable()
export class HealthQueries {
  constructor(private readonly sql: Sql) {}

  /** A round trip to the database: resolves when it answers, rejects when it cannot be reached. */
  async ping(): Promise<void> {
    await this.sql.rows('select 1');
  }
}
