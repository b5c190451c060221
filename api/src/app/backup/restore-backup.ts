import type { Client } from 'pg';

import { BackupError, MIGRATIONS_TABLE, SESSION_SETTINGS, columnList, quoteIdent } from './backup-format';
import type { BackupHeader } from './backup-format';
import { appliedMigrations, nonEmptyTables, publicTables, setSequence } from './backup.queries';
import { copyIn } from './copy-stream';
import type { CopyIn } from './copy-stream';
import { readBackup } from './read-backup';
import type { BackupPart } from './read-backup';

export interface RestoreOptions {
  /** the migrations this code knows, in order */
  knownMigrations: string[];
  /** applies the migrations up to `to` (all when undefined); returns those applied */
  migrate(to?: string): Promise<string[]>;
}

export interface RestoreReport {
  header: BackupHeader;
  rows: number;
  /** migrations applied after the load, bringing the backup up to this code's level */
  migrated: string[];
  ms: { check: number; schema: number; load: number; upgrade: number };
}

/** The header alone (the file is closed after it). */
export async function readHeader(file: string): Promise<BackupHeader> {
  for await (const part of readBackup(file)) return part as BackupHeader;
  throw new BackupError(`${file} is empty or not a Jalons backup. Nothing was changed.`);
}

/** Refuses a backup from a newer migration level than this code knows. */
export function checkLevel(file: string, header: BackupHeader, known: string[]): void {
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length)
    throw new BackupError(
      `${file} was taken at migration level ${header.migrations.at(-1)}, newer than this version of Jalons knows ` +
        `(its latest is ${known.at(-1) ?? 'none'}; unknown: ${unknown.join(', ')}). Restore it with Jalons ${header.appVersion} or later. Nothing was changed.`,
    );
}

/** Refuses a database that holds anything: a table with rows, or a migration applied. */
export async function checkEmpty(client: Client): Promise<void> {
  const names = (await publicTables(client)).map((t) => t.name);
  const migrations = await appliedMigrations(client, names);
  const filled = (await nonEmptyTables(client, names)).filter((t) => t !== MIGRATIONS_TABLE);
  if (migrations.length || filled.length)
    throw new BackupError(
      `The database is not empty (${migrations.length} migrations applied; rows in ${filled.length ? filled.slice(0, 5).join(', ') + (filled.length > 5 ? '…' : '') : 'no table'}): ` +
        'a backup is restored only into an empty database — create a new one (or point DATA_DIR at an empty folder) and restore there. Nothing was changed.',
    );
}

/** Reads the whole file once, before anything is written: a damaged or truncated file is refused whole. */
export async function verifyBackup(file: string): Promise<BackupHeader> {
  let header: BackupHeader | null = null;
  let lines = 0;
  for await (const part of readBackup(file)) {
    if (!header) {
      header = part as BackupHeader;
      continue;
    }
    const p = part as BackupPart;
    if ('chunk' in p) {
      for (let i = p.chunk.indexOf(0x0a); i >= 0; i = p.chunk.indexOf(0x0a, i + 1)) lines++;
      continue;
    }
    const table = header.tables[p.table];
    if (lines !== table.rows)
      throw new BackupError(
        `${file} is damaged: table ${table.name} holds ${lines} rows, its header says ${table.rows}. Nothing was changed.`,
      );
    lines = 0;
  }
  if (!header) throw new BackupError(`${file} is empty or not a Jalons backup. Nothing was changed.`);
  return header;
}

/** The restored tables must have the backup's columns with the backup's types, once migrated to its level. */
async function checkColumns(client: Client, header: BackupHeader): Promise<void> {
  const target = new Map((await publicTables(client)).map((t) => [t.name, new Map(t.columns.map((c) => [c.name, c.type]))]));
  for (const table of header.tables) {
    const columns = target.get(table.name);
    if (!columns) throw new BackupError(`Table ${table.name} of the backup does not exist at migration level ${header.migrations.at(-1)}.`);
    for (const c of table.columns)
      if (columns.get(c.name) !== c.type)
        throw new BackupError(`Column ${table.name}.${c.name} is ${columns.get(c.name) ?? 'missing'} here, ${c.type} in the backup.`);
  }
}

/**
 * Loads the rows of a verified backup into the migrated, empty schema in one transaction: what the
 * migrations wrote is replaced by the backup's rows (the migrations table too), tables in the
 * backup's order — parents first —, then the sequences. Returns the rows loaded.
 */
export async function loadBackup(client: Client, file: string, header: BackupHeader): Promise<number> {
  await client.query(SESSION_SETTINGS);
  await client.query('begin');
  let copy: CopyIn | null = null;
  let total = 0;
  try {
    await client.query('set constraints all deferred');
    if (header.tables.length) await client.query(`truncate ${header.tables.map((t) => quoteIdent(t.name)).join(', ')}`);
    let first = true;
    for await (const part of readBackup(file)) {
      if (first) {
        first = false;
        continue;
      }
      const p = part as BackupPart;
      const table = header.tables[p.table];
      copy ??= copyIn(client, `copy ${quoteIdent(table.name)} (${columnList(table.columns)}) from stdin`);
      if ('chunk' in p) {
        await copy.write(p.chunk);
        continue;
      }
      const rows = await copy.end();
      copy = null;
      if (rows !== table.rows) throw new BackupError(`Table ${table.name}: ${rows} rows loaded, the backup announces ${table.rows}.`);
      total += rows;
    }
    for (const s of header.sequences) await setSequence(client, s);
    await client.query('commit');
    return total;
  } catch (e) {
    await copy?.fail('restore stopped');
    await client.query('rollback').catch(() => undefined);
    throw e;
  }
}

/**
 * Restores `file` into the empty database behind `client` (ADR 0032): refuses a newer migration
 * level, a non-empty database and a damaged file before writing anything; then builds the schema
 * of the backup's level with the migrations, loads the rows, and migrates up to this code's level.
 */
export async function restoreBackup(client: Client, file: string, options: RestoreOptions): Promise<RestoreReport> {
  const t0 = performance.now();
  const first = await readHeader(file);
  checkLevel(file, first, options.knownMigrations);
  await checkEmpty(client);
  const header = await verifyBackup(file);
  const t1 = performance.now();
  await options.migrate(header.migrations.at(-1));
  await checkColumns(client, header);
  const t2 = performance.now();
  const rows = await loadBackup(client, file, header);
  const t3 = performance.now();
  const migrated = await options.migrate();
  const t4 = performance.now();
  return { header, rows, migrated, ms: { check: t1 - t0, schema: t2 - t1, load: t3 - t2, upgrade: t4 - t3 } };
}
