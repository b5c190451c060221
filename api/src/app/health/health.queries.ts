import { Injectable } from '@nestjs/common';

import { Sql } from '../../infra/database/sql';

/** What the health checks ask the database. */
@Injectable()
export class HealthQueries {
  constructor(private readonly sql: Sql) {}

  /** A round trip to the database: resolves when it answers, rejects when it cannot be reached. */
  async ping(): Promise<void> {
    await this.sql.rows('select 1');
  }

  /** The names of the migrations the database records as applied (MikroORM's table). */
  async appliedMigrations(): Promise<string[]> {
    const rows = await this.sql.rows<{ name: string }>('select name from mikro_orm_migrations order by id');
    return rows.map((r) => r.name);
  }
}
