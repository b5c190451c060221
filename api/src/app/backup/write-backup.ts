import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createGzip, constants as zlib } from 'node:zlib';

import type { Client } from 'pg';

import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, END_OF_TABLE, SESSION_SETTINGS, columnList, quoteIdent } from './backup-format';
import type { BackupHeader } from './backup-format';
import { appliedMigrations, dependencyOrder, foreignKeys, publicTables, rowCounts, sequences } from './backup.queries';
import { copyOut } from './copy-stream';

export interface BackupSummary {
  header: BackupHeader;
  bytes: number;
}

/**
 * Writes the whole database behind `client` to `out` (ADR 0032): one `repeatable read, read only`
 * transaction — every table of the public schema as of one snapshot, `mikro_orm_migrations`
 * included as the migration level —, a JSON header, then each table's rows with `COPY … TO STDOUT`,
 * gzip-compressed on the way. `out` is ended; the client is left open and out of any transaction.
 */
const BATCH = 256 * 1024;

/**
 * COPY sends one message per row: gzip gets them copied into 256 KiB batches — one deflate call on
 * the thread pool per batch, not per row (6× faster), and the copy the parser's reused buffer needs.
 */
function batcher(write: (chunk: Buffer) => boolean) {
  let buffer = Buffer.allocUnsafe(BATCH);
  let used = 0;
  const flush = (): boolean => {
    if (!used) return true;
    const full = buffer.subarray(0, used);
    buffer = Buffer.allocUnsafe(BATCH);
    used = 0;
    return write(full);
  };
  return {
    flush,
    add(chunk: Buffer): boolean {
      let ok = true;
      if (chunk.length > BATCH - used) ok = flush();
      if (chunk.length >= BATCH) return write(Buffer.from(chunk)) && ok;
      chunk.copy(buffer, used);
      used += chunk.length;
      return ok;
    },
  };
}

/** Parents first, so that a restore may load the file in its order; alphabetical if the foreign keys form a cycle. */
async function inLoadOrder<T extends { name: string }>(client: Client, tables: T[]): Promise<T[]> {
  try {
    const order = dependencyOrder(
      tables.map((t) => t.name),
      await foreignKeys(client),
    );
    return order.map((name) => tables.find((t) => t.name === name)!);
  } catch {
    return tables;
  }
}

export async function writeBackup(
  client: Client,
  out: Writable,
  appVersion = process.env['npm_package_version'] ?? '0.0.0',
): Promise<BackupSummary> {
  let bytes = 0;
  const gzip = createGzip({ level: zlib.Z_BEST_SPEED });
  gzip.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (!out.write(chunk)) {
      gzip.pause();
      out.once('drain', () => gzip.resume());
    }
  });
  const finished = new Promise<void>((resolve, reject) => {
    gzip.once('end', () => out.end(resolve));
    gzip.once('error', reject);
    out.once('error', reject);
  });
  const batch = batcher((chunk) => gzip.write(chunk));
  await client.query(SESSION_SETTINGS);
  await client.query('begin isolation level repeatable read, read only');
  try {
    const tables = await inLoadOrder(client, await publicTables(client));
    const counts = await rowCounts(
      client,
      tables.map((t) => t.name),
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion,
      serverVersion: (await client.query<{ v: string }>('select current_setting($1) as v', ['server_version'])).rows[0].v,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(
        client,
        tables.map((t) => t.name),
      ),
      tables: tables.map((t) => ({ ...t, rows: counts.get(t.name) ?? 0 })),
      sequences: await sequences(client),
    };
    gzip.write(`${JSON.stringify(header)}\n`);
    for (const table of header.tables) {
      const rows = await copyOut(
        client,
        `copy ${quoteIdent(table.name)} (${columnList(table.columns)}) to stdout`,
        (chunk) => batch.add(chunk),
        (resume) => gzip.once('drain', resume),
      );
      batch.flush();
      if (rows !== table.rows) throw new Error(`table ${table.name}: ${rows} rows copied, ${table.rows} counted in the same snapshot`);
      gzip.write(END_OF_TABLE);
    }
    await client.query('commit');
    gzip.end();
    if (!gzip.writableFinished) await once(gzip, 'finish');
    await finished;
    return { header, bytes };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    gzip.destroy();
    out.destroy();
    throw e;
  }
}
