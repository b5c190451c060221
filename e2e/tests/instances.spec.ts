import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';
import { Client } from 'pg';

const ROOT = join(__dirname, '..', '..');
const adminUrl = () => process.env['E2E_DATABASE_URL'] as string;

function urlOf(db: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${db}`;
  return u.toString();
}

async function sql<T>(url: string, query: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(query)).rows as T[];
  } finally {
    await c.end();
  }
}

function run(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function output(child: ChildProcess): Promise<{ code: number | null; out: string }> {
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

async function healthy(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer on port ${port}`);
}

test.describe('on one PostgreSQL', () => {
  test('two instances started at once on an empty database both come up; migrations and seed applied once', async () => {
    const db = `twins_${Date.now()}`;
    await sql(adminUrl(), `create database ${db}`);
    const url = urlOf(db);
    const apps = [4101, 4102].map((port) => run(['dist/api/main.js'], { DATABASE_URL: url, PORT: String(port) }));
    try {
      await Promise.all([healthy(4101), healthy(4102)]);
      const [counts] = await sql<Record<string, string>>(url, `select (select count(*) from roadmap) roadmaps, (select count(*) from action) actions,
        (select count(*) from mikro_orm_migrations) migrations, (select count(distinct name) from mikro_orm_migrations) distinct_migrations`);
      expect(counts['roadmaps']).toBe('1');
      expect(counts['migrations']).toBe(counts['distinct_migrations']);
      expect(Number(counts['migrations'])).toBeGreaterThanOrEqual(2);
      const [a, b] = await Promise.all([4101, 4102].map(async (p) => (await fetch(`http://127.0.0.1:${p}/api/roadmaps`)).json()));
      expect(a).toEqual(b);
    } finally {
      for (const app of apps) app.kill('SIGTERM');
      await Promise.all(apps.map((app) => new Promise((r) => (app.exitCode !== null ? r(null) : app.once('exit', r)))));
      await sql(adminUrl(), `drop database if exists ${db} with (force)`);
    }
  });

  test('npm run seed is idempotent and roadmap:new instantiates the kit for another territory', async () => {
    const db = `cli_${Date.now()}`;
    await sql(adminUrl(), `create database ${db}`);
    const env = { DATABASE_URL: urlOf(db) };
    try {
      const first = await output(run(['dist/api/cli.js', 'seed'], env));
      expect(first.code).toBe(0);
      expect(first.out).toContain('Created roadmap brest-2026-2032');
      const before = await sql(urlOf(db), 'select count(*) n from action');
      const second = await output(run(['dist/api/cli.js', 'seed'], env));
      expect(second.code).toBe(0);
      expect(second.out).toContain('already present');
      expect(await sql(urlOf(db), 'select count(*) n from action')).toEqual(before);
      const quimper = await output(run(['dist/api/cli.js', 'roadmap:new', '--territory', 'Ville de Quimper', '--election', '2032-03-14'], env));
      expect(quimper.code).toBe(0);
      const rows = await sql<{ slug: string; start_date: string; end_date: string }>(urlOf(db), "select slug, start_date::text, end_date::text from roadmap where slug like 'ville-de-quimper%'");
      expect(rows).toEqual([{ slug: 'ville-de-quimper-2032-2038', start_date: '2031-03-14', end_date: '2038-03-13' }]);
      const bad = await output(run(['dist/api/cli.js', 'roadmap:new', '--territory', 'X', '--election', '2032-02-30'], env));
      expect(bad.code).toBe(2);
      expect(bad.out).toContain('--election YYYY-MM-DD');
    } finally {
      await sql(adminUrl(), `drop database if exists ${db} with (force)`);
    }
  });
});

test.describe('stopping', () => {
  test('SIGTERM lets the requests in flight finish, then stops the embedded PostgreSQL and exits 0', async () => {
    const { mkdtempSync, chmodSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dataDir = mkdtempSync(join(tmpdir(), 'jalons-stop-'));
    chmodSync(dataDir, 0o755);
    const app = run(['dist/api/main.js'], { PORT: '4103', DATA_DIR: dataDir, EMBEDDED_PG_PORT: '54498', SHUTDOWN_GRACE_MS: '2000' });
    const exited = output(app);
    await healthy(4103);
    const [roadmap] = await (await fetch('http://127.0.0.1:4103/api/roadmaps')).json();
    const inFlight = Array.from({ length: 12 }, (_, i) =>
      fetch(`http://127.0.0.1:4103/api/roadmaps/${roadmap.id}/chronogram?at=2026-11-${String(10 + i).padStart(2, '0')}`).then(
        (r) => r.status,
        (e: Error) => e.message,
      ),
    );
    app.kill('SIGTERM');
    const statuses = await Promise.all(inFlight);
    const { code, out } = await exited;
    expect(statuses).toEqual(Array(12).fill(200));
    expect(code).toBe(0);
    expect(out).toContain('PostgreSQL stopped');
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});
