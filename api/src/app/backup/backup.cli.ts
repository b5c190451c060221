import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';

import { loadConfig } from '../../infra/config/config';
import type { EmbeddedDatabase } from '../../infra/database/embedded';
import { ormOptions } from '../../infra/database/mikro-orm.config';
import { MIGRATIONS } from '../../migrations';
import { BackupError } from './backup-format';
import { restoreBackup } from './restore-backup';
import { writeBackup } from './write-backup';

/** Starts the embedded PostgreSQL (infra/database/embedded.ts), given by the CLI: the tests never load that ES module. */
export type StartEmbedded = (dataDir: string, port: number) => Promise<EmbeddedDatabase>;

/** The database of the commands: DATABASE_URL, or the embedded one in DATA_DIR (started, then stopped). Nothing is migrated. */
async function withUrl<T>(startEmbeddedPostgres: StartEmbedded, work: (url: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
      url = embedded.url;
    }
    return await work(url);
  } finally {
    await embedded?.stop();
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Writes a backup of the database at `url` to `file` (through `file.partial`, renamed when complete). */
export async function backupTo(url: string, file: string) {
  const partial = `${file}.partial`;
  try {
    const summary = await withClient(url, (client) => writeBackup(client, createWriteStream(partial)));
    renameSync(partial, file);
    return summary;
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/** Applies the code's migrations to the database at `url`, up to `to` when given. */
export async function migrateTo(url: string, to?: string): Promise<string[]> {
  const orm = await MikroORM.init(ormOptions(url));
  try {
    return (await orm.getMigrator().up(to ? { to } : undefined)).map((m) => m.name);
  } finally {
    await orm.close();
  }
}

export async function restoreFrom(url: string, file: string) {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`${file}: no such file. Nothing was changed.`);
  return withClient(url, (client) =>
    restoreBackup(client, file, { knownMigrations: MIGRATIONS.map((m) => m.name), migrate: (to) => migrateTo(url, to) }),
  );
}

/** `backup --out FILE` (ADR 0032). */
export async function backupCommand(values: { out?: string }, usage: string, embedded: StartEmbedded): Promise<number> {
  if (!values.out) {
    console.error(`--out FILE is required\n\n${usage}`);
    return 2;
  }
  const file = resolve(values.out);
  const t0 = performance.now();
  const { header, bytes } = await withUrl(embedded, (url) => backupTo(url, file));
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Wrote ${file}: ${header.tables.length} tables, ${rows} rows, migration level ${header.migrations.at(-1)}, ${(bytes / 1024).toFixed(0)} KiB in ${(performance.now() - t0).toFixed(0)} ms.`,
  );
  return 0;
}

/** `restore --in FILE` (ADR 0032): into an empty database only. */
export async function restoreCommand(values: { in?: string }, usage: string, embedded: StartEmbedded): Promise<number> {
  if (!values.in) {
    console.error(`--in FILE is required\n\n${usage}`);
    return 2;
  }
  const file = resolve(values.in);
  try {
    const report = await withUrl(embedded, (url) => restoreFrom(url, file));
    const { ms } = report;
    console.log(
      `Restored ${file} (taken ${report.header.createdAt}, Jalons ${report.header.appVersion}): ${report.header.tables.length} tables, ${report.rows} rows; ` +
        `${report.migrated.length ? `then applied ${report.migrated.join(', ')}` : 'already at this version’s migration level'}. ` +
        `Checks ${ms.check.toFixed(0)} ms, schema ${ms.schema.toFixed(0)} ms, rows ${ms.load.toFixed(0)} ms, upgrade ${ms.upgrade.toFixed(0)} ms.`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    console.error(`Restore refused — ${e.message}`);
    return 1;
  }
}
