import { Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';

import { BREST_FILE, instantiate, KIT_FILE, loadKit, loadRoadmapFile, writeRoadmap } from '../app/roadmap-setup';
import { ensureStartupAccounts } from './startup-accounts';
import type { StartupAccounts } from './startup-accounts';
import { ormOptions } from '../infra/database/mikro-orm.config';

/** One key for "this instance prepares the database": migrations then first seed. */
const SETUP_LOCK = 'jalons:setup';

export interface SetupResult {
  migrations: string[];
  seeded: boolean;
}

/**
 * Applies pending migrations and, on an empty database, seeds the Brest roadmap, then creates
 * the start-up accounts (first administrator, demo accounts) — under a
 * PostgreSQL advisory lock held on a connection of its own, so that instances starting together
 * take turns: the first does the work, the others find nothing left to do.
 */
export async function prepareDatabase(
  url: string,
  options: { seed: boolean; seedsDir: string; accounts?: StartupAccounts },
): Promise<SetupResult> {
  const logger = new Logger('Database');
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [SETUP_LOCK]);
    const orm = await MikroORM.init(ormOptions(url));
    try {
      const executed = await orm.getMigrator().up();
      const migrations = executed.map((m) => m.name);
      if (migrations.length) logger.log(`Applied migrations: ${migrations.join(', ')}`);
      let seeded = false;
      if (options.seed) {
        const em = orm.em.fork();
        const [{ count }] = await em.getConnection().execute<Array<{ count: string }>>('select count(*) from roadmap');
        if (Number(count) === 0) {
          const kit = loadKit(KIT_FILE(options.seedsDir));
          const plan = instantiate(kit, loadRoadmapFile(BREST_FILE(options.seedsDir), kit));
          seeded = (await writeRoadmap(em, plan)).created;
          logger.log(`Empty database: seeded the roadmap "${plan.roadmap.territory} — ${plan.roadmap.mandateLabel}"`);
        }
      }
      if (options.accounts) {
        const done = await ensureStartupAccounts(orm.em.fork(), options.accounts);
        if (done.length) logger.log(`Accounts: ${done.join('; ')}`);
      }
      return { migrations, seeded };
    } finally {
      await orm.close();
    }
  } finally {
    await lock.query('select pg_advisory_unlock(hashtext($1))', [SETUP_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
