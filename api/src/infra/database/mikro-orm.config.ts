import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/postgresql';

import { ENTITIES, SQL_TABLES } from '../../entities';
import { MIGRATIONS } from '../../migrations';
import { ResilientEntityManager } from './outage';

/** MikroORM options for a database URL. Entities and migrations are listed as classes (one webpack bundle). */
export function ormOptions(clientUrl: string, debug = false): Options {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl,
    entities: ENTITIES,
    // a write transaction cut by a lost connection before its COMMIT runs once more (ADR 0031)
    entityManager: ResilientEntityManager,
    extensions: [Migrator],
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug,
    pool: { min: 0, max: 10 },
    // the SQL-only tables (ADR 0012) have no entity: the schema tools neither diff nor drop them
    schemaGenerator: { skipTables: Object.keys(SQL_TABLES) },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: MIGRATIONS,
      transactional: true,
      silent: true,
      allOrNothing: true,
      snapshot: false,
      path: 'api/src/migrations',
      pathTs: 'api/src/migrations',
    },
  });
}
