import { MikroORM } from '@mikro-orm/postgresql';

import { HealthQueries } from '../../src/app/health/health.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { MIGRATIONS } from '../../src/migrations';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/** The health checks' queries: the round trip (answered by a reachable database, refused by an unreachable one), the applied migrations. */
describe('HealthQueries', () => {
  let db: TestDatabase;
  const orms: MikroORM[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await Promise.all(orms.map((o) => o.close()));
    await db?.drop();
  });

  const queriesOn = async (url: string) => {
    const orm = await MikroORM.init({ ...ormOptions(url), connect: false });
    orms.push(orm);
    return new HealthQueries(new Sql(orm.em.fork()));
  };

  it('resolves when the database answers', async () => {
    await expect((await queriesOn(db.url)).ping()).resolves.toBeUndefined();
  });

  it('lists the migrations the database records as applied, in order', async () => {
    const migrated = await createTestDatabase({ seed: false });
    try {
      const applied = await (await queriesOn(migrated.url)).appliedMigrations();
      expect(applied).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      await Promise.all(orms.splice(0).map((o) => o.close()));
      await migrated.drop();
    }
  });

  it('rejects when the database cannot be reached', async () => {
    const absent = new URL(db.url);
    absent.pathname = '/jalons_absent_database';
    await expect((await queriesOn(absent.toString())).ping()).rejects.toThrow(/jalons_absent_database/);
  });
});
