import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { adminUrl, output, run, sql, urlOf } from './processes';
import { DEMO, DEMO_PASSWORD } from './session';

/** Waits for /api/health (a first start initialises PostgreSQL: up to two minutes on a busy machine). */
async function healthy(port: number): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer on port ${port}`);
}

// several processes, each starting (and sometimes initialising) PostgreSQL: more time than a page test
test.describe.configure({ timeout: 180_000 });

const ADMIN = { email: 'admin@twins.example', password: 'une phrase de passe pour les jumeaux' };

/** Signs in over plain HTTP; returns the session cookie (`jalons_session=…`). */
async function signIn(port: number, email: string, password: string): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const cookie = (res: Response, name: string) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${name}=`))!
      .split(';')[0];
  const xsrf = cookie(await fetch(`${base}/api/auth/me`), 'XSRF-TOKEN');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: xsrf, 'x-xsrf-token': decodeURIComponent(xsrf.split('=')[1]) },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return cookie(res, 'jalons_session');
}

test.describe('on one PostgreSQL', () => {
  test('two instances started at once on an empty database both come up; migrations and seed applied once', async () => {
    const db = `twins_${Date.now()}`;
    await sql(adminUrl(), `create database ${db}`);
    const url = urlOf(db);
    const apps = [4101, 4102].map((port) =>
      run(['dist/api/main.js'], { DATABASE_URL: url, PORT: String(port), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }),
    );
    const outputs = apps.map(output);
    try {
      await Promise.all([healthy(4101), healthy(4102)]);
      const [counts] = await sql<Record<string, string>>(
        url,
        `select (select count(*) from roadmap) roadmaps, (select count(*) from action) actions,
        (select count(*) from mikro_orm_migrations) migrations, (select count(distinct name) from mikro_orm_migrations) distinct_migrations`,
      );
      expect(counts['roadmaps']).toBe('1');
      expect(counts['migrations']).toBe(counts['distinct_migrations']);
      expect(Number(counts['migrations'])).toBeGreaterThanOrEqual(2);
      // one first administrator, and no demo account on a real database
      const accounts = await sql<{ email: string; role: string }>(url, `select email, role from account where password_hash is not null`);
      expect(accounts).toEqual([{ email: ADMIN.email, role: 'admin' }]);
      // a session opened on one instance is valid on the other
      const session = await signIn(4101, ADMIN.email, ADMIN.password);
      const [a, b] = await Promise.all(
        [4101, 4102].map(async (p) => (await fetch(`http://127.0.0.1:${p}/api/roadmaps`, { headers: { cookie: session } })).json()),
      );
      expect(a).toHaveLength(1);
      expect(a).toEqual(b);
    } finally {
      for (const app of apps) app.kill('SIGTERM');
      await Promise.all(apps.map((app) => new Promise((r) => (app.exitCode !== null ? r(null) : app.once('exit', r)))));
      await sql(adminUrl(), `drop database if exists ${db} with (force)`);
    }
    // at LOG_LEVEL=warn (processes.ts) neither start printed its information lines, even those written before the app
    // existed (migrations, seed, accounts): an operator who asked for warnings gets warnings
    for (const { out } of await Promise.all(outputs)) expect(out).not.toMatch(/Applied migrations|seeded the roadmap|Jalons is running/);
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
      const quimper = await output(
        run(['dist/api/cli.js', 'roadmap:new', '--territory', 'Ville de Quimper', '--election', '2032-03-14'], env),
      );
      expect(quimper.code).toBe(0);
      const rows = await sql<{ slug: string; start_date: string; end_date: string }>(
        urlOf(db),
        "select slug, start_date::text, end_date::text from roadmap where slug like 'ville-de-quimper%'",
      );
      expect(rows).toEqual([{ slug: 'ville-de-quimper-2032-2038', start_date: '2031-03-14', end_date: '2038-03-13' }]);
      const bad = await output(run(['dist/api/cli.js', 'roadmap:new', '--territory', 'X', '--election', '2032-02-30'], env));
      expect(bad.code).toBe(2);
      expect(bad.out).toContain('--election YYYY-MM-DD');
      // the first administrator by CLI: no password on the command line, a one-time link instead
      const invite = await output(
        run(['dist/api/cli.js', 'admin:invite', '--email', 'Marie.Dupont@Quimper.example', '--name', 'Marie Dupont'], {
          ...env,
          PUBLIC_URL: 'https://jalons.quimper.example',
        }),
      );
      expect(invite.code).toBe(0);
      expect(invite.out).toMatch(/https:\/\/jalons\.quimper\.example\/invitation\?token=[\w-]{43}/);
      const admins = await sql<{ email: string; role: string; password_hash: string | null; tokens: string }>(
        urlOf(db),
        `select email, role, password_hash, (select count(*) from account_token t where t.account_id = a.id and t.kind = 'invitation' and t.used_at is null) tokens from account a where role = 'admin'`,
      );
      expect(admins).toEqual([{ email: 'marie.dupont@quimper.example', role: 'admin', password_hash: null, tokens: '1' }]);
    } finally {
      await sql(adminUrl(), `drop database if exists ${db} with (force)`);
    }
  });
});

test.describe('reminders from the command line', () => {
  test('a dry run sends nothing; a run killed in the middle of its sending and run again delivers every digest exactly once', async () => {
    const { SMTPServer } = await import('smtp-server');
    const db = `remind_${Date.now()}`;
    await sql(adminUrl(), `create database ${db}`);
    const delivered: string[] = [];
    let victim: ChildProcess | null = null;
    // a mail server that, on the second message, sees its client die before it could answer 250:
    // that message was never accepted (as with a real server), the others were
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          if (victim && delivered.length === 1) {
            victim.kill('SIGKILL');
            victim = null;
            callback(new Error('connection lost'));
            return;
          }
          delivered.push(session.envelope.rcptTo.map((r) => r.address).join(','));
          callback();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.server.address() as { port: number }).port;
    const env = { DATABASE_URL: urlOf(db), SMTP_URL: `smtp://127.0.0.1:${port}`, OUTBOX_LEASE_SECONDS: '5' };
    try {
      expect((await output(run(['dist/api/cli.js', 'seed'], env))).code).toBe(0);
      // a day with several people to remind
      let day = '';
      let people = 0;
      for (let d = 0; d < 21 && people < 3; d++) {
        day = new Date(Date.UTC(2026, 11, 1 + d)).toISOString().slice(0, 10);
        const dry = await output(run(['dist/api/cli.js', 'reminders', '--date', day, '--dry-run'], env));
        expect(dry.code).toBe(0);
        people = Number(/reminders for (\d+) people \(dry run/.exec(dry.out)?.[1] ?? 0);
      }
      expect(people).toBeGreaterThanOrEqual(3);
      expect(delivered).toEqual([]);
      expect(await sql(urlOf(db), 'select 1 from outbox')).toEqual([]);

      victim = run(['dist/api/cli.js', 'reminders', '--date', day], env);
      const killed = await output(victim);
      expect(killed.code).toBeNull(); // SIGKILL
      expect(delivered).toHaveLength(1);
      const left = await sql<{ status: string }>(urlOf(db), `select status from outbox where status <> 'sent'`);
      expect(left.length).toBeGreaterThanOrEqual(2);
      // once the dead run's lease is over, the next run delivers the rest, each once
      await new Promise((r) => setTimeout(r, 5500));
      const again = await output(run(['dist/api/cli.js', 'reminders', '--date', day], env));
      expect(again.code).toBe(0);
      expect(again.out).toMatch(/0 new, 0 digests recorded/);
      const digests = await sql<{ to_address: string; status: string }>(
        urlOf(db),
        'select to_address, status from outbox order by to_address',
      );
      expect(digests.every((d) => d.status === 'sent')).toBe(true);
      expect([...delivered].sort()).toEqual(digests.map((d) => d.to_address).sort());
      expect(new Set(delivered).size).toBe(delivered.length);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
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
    const app = run(['dist/api/main.js'], {
      PORT: '4103',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: '54498',
      SHUTDOWN_GRACE_MS: '2000',
      // the lines an operator reads while it stops are information lines
      LOG_LEVEL: 'log',
    });
    const exited = output(app);
    await healthy(4103);
    // the embedded database outside production: the demo accounts exist
    const session = await signIn(4103, DEMO.elected, DEMO_PASSWORD);
    const [roadmap] = await (await fetch('http://127.0.0.1:4103/api/roadmaps', { headers: { cookie: session } })).json();
    const inFlight = Array.from({ length: 12 }, (_, i) =>
      fetch(`http://127.0.0.1:4103/api/roadmaps/${roadmap.id}/chronogram?at=2026-11-${String(10 + i).padStart(2, '0')}`, {
        headers: { cookie: session },
      }).then(
        (r) => r.status,
        (e: Error) => e.message,
      ),
    );
    app.kill('SIGTERM');
    const statuses = await Promise.all(inFlight);
    const { code, out } = await exited;
    // sent just before the signal, received before it (200) or after it (503 shutting_down, or refused once the
    // server has closed): never a 500 (ADR 0031; the load case is shutdown.spec.ts)
    expect(statuses.filter((s) => s !== 200 && s !== 503 && s !== 'fetch failed')).toEqual([]);
    expect(code).toBe(0);
    // the database is stopped: its pid file is gone, and the operator reads it, in order (the logs are written synchronously)
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(out).toMatch(/PostgreSQL ready[\s\S]*SIGTERM: stopping[\s\S]*PostgreSQL stopped/);
  });
});
