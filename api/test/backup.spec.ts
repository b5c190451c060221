import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';

import type { NestExpressApplication } from '@nestjs/platform-express';

import { BackupScheduler, backupTo, restoreFrom } from '../src/app/backup';
import { RemindersService } from '../src/app/reminders/reminders.service';
import { createTestApp } from './app';
import { ensureAccount, signIn } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'api', 'cli.js');
const AT = '2027-03-28';

/** Every table of the public schema (the test's own list, from information_schema) with its row count and a hash of its ordered rows. */
async function fingerprint(db: TestDatabase): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ n: number; h: string }>(
      `select count(*)::int as n, coalesce(md5(string_agg(t::text, ',' order by t::text)), '-') as h from "${name}" t`,
    );
    out[name] = `${row.n} ${row.h}`;
  }
  for (const s of await db.query<{ name: string; v: string }>(
    `select sequencename as name, coalesce(last_value::text, 'unused') as v from pg_sequences where schemaname = 'public'`,
  ))
    out[`sequence ${s.name}`] = s.v;
  return out;
}

const rows = (print: Record<string, string>, table: string) => Number(print[table]?.split(' ')[0]);

async function chronogramOf(app: NestExpressApplication, db: TestDatabase): Promise<unknown> {
  const agent = await signIn(app, db, 'lead');
  const roadmaps = (await agent.get('/api/roadmaps').expect(200)).body as Array<{ id: string }>;
  return (await agent.get(`/api/roadmaps/${roadmaps[0].id}/chronogram?at=${AT}`).expect(200)).body;
}

/** Rewrites a backup's header (the first line of its gzip). */
function withHeader(file: string, out: string, change: (h: Record<string, unknown>) => void): void {
  const raw = gunzipSync(readFileSync(file));
  const eol = raw.indexOf(0x0a);
  const header = JSON.parse(raw.subarray(0, eol).toString()) as Record<string, unknown>;
  change(header);
  writeFileSync(out, gzipSync(Buffer.concat([Buffer.from(JSON.stringify(header)), raw.subarray(eol)])));
}

describe('backups that restore (issue 15, ADR 0032)', () => {
  let source: TestDatabase;
  let app: NestExpressApplication;
  let dir: string;
  let file: string;
  let sourcePrint: Record<string, string>;
  let sourceChronogram: unknown;
  const others: TestDatabase[] = [];
  const emptyDatabase = async () => {
    const db = await createTestDatabase({ migrate: false });
    others.push(db);
    return db;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jalons-backup-'));
    file = join(dir, 'instance.backup.gz');
    source = await createTestDatabase();
    ({ app } = await createTestApp(source.url));
    // some writes through the API: a status with its history line, an account with a password
    const lead = await signIn(app, source, 'lead');
    const roadmaps = (await lead.get('/api/roadmaps').expect(200)).body as Array<{ id: string }>;
    const [action] = await source.query<{ id: string; version: number }>(`select id, version from action order by id limit 1`);
    await lead
      .put(`/api/actions/${action.id}/status`)
      .send({ version: action.version, status: 'bloquee', progress: 40, comment: 'Attente du marché, l’équipe « data » relance' })
      .expect(200);
    await ensureAccount(source, 'nouvelle.personne@brest.example', 'owner', 'Nouvelle Personne\twith a tab\\ and a backslash');
    // reminders: an open action due soon, the job run for that day (notifications, digests in the outbox)
    await source.query(
      `update action set status = 'en_cours', progress = 30, start_date = '2027-01-04', due_date = '2027-04-04' where id = $1`,
      [action.id],
    );
    await app.get(RemindersService).run(AT, 'cli', { send: false });
    sourceChronogram = (await lead.get(`/api/roadmaps/${roadmaps[0].id}/chronogram?at=${AT}`).expect(200)).body;
    sourcePrint = await fingerprint(source);
    await backupTo(source.url, file);
  });

  afterAll(async () => {
    await app?.close();
    await source?.drop();
    for (const db of others) await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into an empty database every table row for row, the sequences, and the app answers the chronogram on it', async () => {
    expect(rows(sourcePrint, 'account')).toBeGreaterThan(5);
    expect(rows(sourcePrint, 'change_history')).toBeGreaterThan(0);
    expect(rows(sourcePrint, 'notification')).toBeGreaterThan(0);
    expect(rows(sourcePrint, 'outbox')).toBeGreaterThan(0);
    expect(rows(sourcePrint, 'mikro_orm_migrations')).toBeGreaterThan(10);
    const target = await emptyDatabase();
    const report = await restoreFrom(target.url, file);
    expect(report.migrated).toEqual([]);
    expect(await fingerprint(target)).toEqual(sourcePrint);
    const restored = await createTestApp(target.url);
    try {
      expect(await chronogramOf(restored.app, target)).toEqual(sourceChronogram);
    } finally {
      await restored.app.close();
    }
  });

  it('refuses a database that holds rows, or only the migrations, and changes nothing', async () => {
    const before = await fingerprint(source);
    await expect(restoreFrom(source.url, file)).rejects.toThrow(/not empty.*Nothing was changed/s);
    expect(await fingerprint(source)).toEqual(before);
    const migrated = await createTestDatabase({ seed: false });
    others.push(migrated);
    const bare = await fingerprint(migrated);
    await expect(restoreFrom(migrated.url, file)).rejects.toThrow(/not empty \(\d+ migrations applied/);
    expect(await fingerprint(migrated)).toEqual(bare);
  });

  it('refuses a backup from a newer migration level than the code knows, before touching the database', async () => {
    const newer = join(dir, 'newer.backup.gz');
    withHeader(file, newer, (h) => (h['migrations'] = [...(h['migrations'] as string[]), 'Migration29991231000000_future']));
    const target = await emptyDatabase();
    await expect(restoreFrom(target.url, newer)).rejects.toThrow(/Migration29991231000000_future, newer than this version of Jalons knows/);
    expect(await fingerprint(target)).toEqual({});
  });

  it('refuses a truncated, damaged or foreign file clearly, and writes nothing', async () => {
    const target = await emptyDatabase();
    const truncated = join(dir, 'truncated.backup.gz');
    writeFileSync(truncated, readFileSync(file));
    truncateSync(truncated, Math.floor(statSync(file).size * 0.6));
    await expect(restoreFrom(target.url, truncated)).rejects.toThrow(/truncated\. Nothing was changed/);
    const lying = join(dir, 'lying.backup.gz');
    withHeader(file, lying, (h) => ((h['tables'] as Array<{ name: string; rows: number }>).find((t) => t.name === 'action')!.rows += 1));
    await expect(restoreFrom(target.url, lying)).rejects.toThrow(/damaged: table action holds \d+ rows, its header says \d+/);
    const foreign = join(dir, 'notes.txt');
    writeFileSync(foreign, 'pas une sauvegarde\n');
    await expect(restoreFrom(target.url, foreign)).rejects.toThrow(/cannot be read as a Jalons backup/);
    expect(await fingerprint(target)).toEqual({});
  });

  it('backs up every day into BACKUP_DIR, keeping the BACKUP_KEEP newest and leaving other files alone', async () => {
    const daily = join(dir, 'daily');
    const scheduled = await createTestApp(source.url, { BACKUP_DIR: daily, BACKUP_KEEP: '2' });
    try {
      const scheduler = scheduled.app.get(BackupScheduler);
      const first = await scheduler.run(new Date('2026-12-01T01:15:00Z'));
      writeFileSync(join(daily, 'notes.txt'), 'kept');
      await scheduler.run(new Date('2026-12-02T01:15:00Z'));
      const last = await scheduler.run(new Date('2026-12-03T01:15:00Z'));
      expect(first).toBe(join(daily, 'jalons-20261201-011500.backup.gz'));
      expect(readdirSync(daily).sort()).toEqual(['jalons-20261202-011500.backup.gz', 'jalons-20261203-011500.backup.gz', 'notes.txt']);
      const target = await emptyDatabase();
      await restoreFrom(target.url, last!);
      expect(rows(await fingerprint(target), 'change_history')).toBe(rows(sourcePrint, 'change_history'));
    } finally {
      await scheduled.app.close();
    }
  });

  (existsSync(CLI) ? it : it.skip)('round-trips through the built CLI: backup --out, restore --in into another database', async () => {
    const out = join(dir, 'cli.backup.gz');
    const env = { ...process.env, LOG_LEVEL: 'error', SEEDS_DIR: join(ROOT, 'seeds') };
    const written = await run(process.execPath, [CLI, 'backup', '--out', out], { cwd: ROOT, env: { ...env, DATABASE_URL: source.url } });
    expect(written.stdout).toMatch(/^Wrote .*cli\.backup\.gz: \d+ tables, \d+ rows, migration level Migration\d+_\w+/);
    const target = await emptyDatabase();
    const restored = await run(process.execPath, [CLI, 'restore', '--in', out], { cwd: ROOT, env: { ...env, DATABASE_URL: target.url } });
    expect(restored.stdout).toMatch(/^Restored .*already at this version’s migration level/);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
    const again = await run(process.execPath, [CLI, 'restore', '--in', out], {
      cwd: ROOT,
      env: { ...env, DATABASE_URL: target.url },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Restore refused — The database is not empty/) });
  });
});
