import { createServer } from 'node:net';

import { expect, test } from '@playwright/test';

import { adminUrl, output, run, sql, urlOf } from './processes';

/*
 * Issue 15, « done when »: SIGTERM under load. The built app (`node dist/api/main.js`) on a database of its own, 16
 * clients updating action statuses with their versions (each write tagged by its comment) and 4 reading the
 * chronogram; SIGTERM in the middle. Every write answered 2xx is in change_history (once); the other requests got
 * 409, 503 (`shutting_down` with Connection: close, or `database_unavailable`) or a closed connection — none a 500;
 * the process exits 0 within its grace and a margin (ADR 0031).
 */

test.describe.configure({ timeout: 180_000 });

const ADMIN = { email: 'lead@shutdown.example', password: 'une phrase de passe pour l’arrêt' };
const WRITERS = 16;
const READERS = 4;
const GRACE_MS = 10_000;
/** the database, the schedulers and the embedded-free exit after the drain: generous on a shared 2-core machine */
const EXIT_MARGIN_MS = 20_000;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

async function healthy(base: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer on ${base}`);
}

/** Signs in; the headers a browser sends on reads and on writes (session cookie, anti-CSRF token). */
async function signIn(base: string): Promise<{ read: Record<string, string>; write: Record<string, string> }> {
  const cookie = (res: Response, name: string) => {
    const c = res.headers.getSetCookie().find((x) => x.startsWith(`${name}=`));
    return c ? decodeURIComponent(c.split(';')[0].slice(name.length + 1)) : null;
  };
  const me = await fetch(`${base}/api/auth/me`);
  const xsrf = cookie(me, 'XSRF-TOKEN') as string;
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${encodeURIComponent(xsrf)}`, 'x-xsrf-token': xsrf },
    body: JSON.stringify(ADMIN),
  });
  expect(res.status).toBe(200);
  const session = cookie(res, 'jalons_session');
  const token = cookie(res, 'XSRF-TOKEN') ?? xsrf;
  return {
    read: { cookie: `jalons_session=${session}` },
    write: {
      cookie: `jalons_session=${session}; XSRF-TOKEN=${encodeURIComponent(token)}`,
      'x-xsrf-token': token,
      'content-type': 'application/json',
    },
  };
}

type Answer = number | 'closed';

test('SIGTERM under load: the accepted writes are all in the database, the others got 503 or a closed connection, and the process exits 0', async () => {
  const db = `shutdown_${Date.now()}`;
  await sql(adminUrl(), `create database ${db}`);
  const url = urlOf(db);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = run(['dist/api/main.js'], {
    DATABASE_URL: url,
    PORT: String(port),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
  });
  const exited = output(app);
  try {
    await healthy(base);
    // the first administrator, made project lead: a writer of every action
    await sql(url, `update account set role = 'lead' where email = '${ADMIN.email}'`);
    const auth = await signIn(base);
    const [{ id: roadmapId }] = await sql<{ id: string }>(url, 'select id from roadmap limit 1');
    const actions = await sql<{ id: string; version: number }>(url, `select id, version from action order by id limit ${WRITERS}`);
    expect(actions).toHaveLength(WRITERS);

    const writes: { tag: string; answer: Answer; error?: string; connection?: string | null }[] = [];
    const reads: { answer: Answer; error?: string }[] = [];
    const send = async (path: string, init: RequestInit) => {
      try {
        const res = await fetch(`${base}${path}`, init);
        const body = (await res.json().catch(() => ({}))) as { version?: number; error?: string };
        return { answer: res.status as Answer, body, connection: res.headers.get('connection') };
      } catch {
        return { answer: 'closed' as Answer, body: {}, connection: null };
      }
    };
    let stopped = false;
    const writer = async (k: number) => {
      const a = { ...actions[k] };
      for (let n = 0; ; n++) {
        const tag = `shutdown-${k}-${n}`;
        const r = await send(`/api/actions/${a.id}/status`, {
          method: 'PUT',
          headers: auth.write,
          body: JSON.stringify({ version: a.version, status: 'en_cours', progress: 5 + (n % 90), comment: tag }),
        });
        writes.push({ tag, answer: r.answer, error: r.body.error, connection: r.connection });
        if (r.answer === 200) a.version = r.body.version as number;
        else if (r.answer === 409) {
          const again = await send(`/api/actions/${a.id}`, { headers: auth.read });
          if (again.answer !== 200) return;
          a.version = again.body.version as number;
        } else if (stopped) return; // refused or closed: this instance is gone
      }
    };
    const reader = async () => {
      for (;;) {
        const r = await send(`/api/roadmaps/${roadmapId}/chronogram`, { headers: auth.read });
        reads.push({ answer: r.answer, error: r.body.error });
        if (r.answer !== 200 && stopped) return;
      }
    };
    const load = Promise.all([...Array.from({ length: WRITERS }, (_, k) => writer(k)), ...Array.from({ length: READERS }, reader)]);
    // under way: every writer has had writes accepted
    while (writes.filter((w) => w.answer === 200).length < WRITERS * 2) await new Promise((r) => setTimeout(r, 50));
    const before = writes.length;
    stopped = true;
    app.kill('SIGTERM');
    const deadline = new Promise<'late'>((r) => setTimeout(() => r('late'), GRACE_MS + EXIT_MARGIN_MS).unref());
    const outcome = await Promise.race([exited, deadline]);
    await load;

    expect(outcome).not.toBe('late');
    expect(outcome === 'late' ? null : outcome.code).toBe(0);
    // nothing but 2xx, 409, 503 or a closed connection; a 503 says why, and a refusal closes its connection
    const odd = [...writes, ...reads].filter((x) => ![200, 409, 503, 'closed'].includes(x.answer));
    expect(odd).toEqual([]);
    for (const w of writes.filter((x) => x.answer === 503)) expect(['shutting_down', 'database_unavailable']).toContain(w.error);
    const refused = writes.filter((x) => x.answer === 503 && x.error === 'shutting_down');
    expect(refused.every((x) => x.connection === 'close')).toBe(true);
    // the load went on across the signal: some requests met the stop
    expect(writes.length).toBeGreaterThan(before);

    const lines = await sql<{ comment: string; transactions: number }>(
      url,
      `select comment, count(distinct at)::int as transactions from change_history where comment like 'shutdown-%' group by comment`,
    );
    const inDatabase = new Map(lines.map((l) => [l.comment, l.transactions]));
    const accepted = writes.filter((w) => w.answer === 200);
    // every accepted write is there, once
    expect(accepted.filter((w) => inDatabase.get(w.tag) !== 1)).toEqual([]);
    // and nothing that was refused: a write there was answered 2xx, or its answer was lost (503 or closed)
    const answered = new Map(writes.map((w) => [w.tag, w.answer]));
    expect(lines.filter((l) => ![200, 503, 'closed'].includes(answered.get(l.comment) as Answer))).toEqual([]);
    expect(
      lines.filter((l) => answered.get(l.comment) === 503 && writes.find((w) => w.tag === l.comment)?.error === 'shutting_down'),
    ).toEqual([]);
  } finally {
    if (app.exitCode === null) app.kill('SIGKILL');
    await exited;
    await sql(adminUrl(), `drop database if exists ${db} with (force)`);
  }
});
