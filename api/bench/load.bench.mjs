// npm run bench:load — writes under load (issue 14, ADR 0029). On a throw-away PostgreSQL (embedded, or a new database
// on DATABASE_URL's server) with a roadmap of 1,000 actions, the built API started:
//   1. over HTTP: 16 clients update action statuses with their versions (a 409 re-reads the action and retries)
//      while 4 clients read the chronogram (with the ETag they last got, as the web app does), for BENCH_SECONDS (30);
//   2. raw SQL (pg): 16 clients run the transaction the API runs for a status update (lock the action's row, bump the
//      roadmap's revision, update with the version check, the history lines), with the same 4 chronogram readers;
// and prints writes/s, p50 and p95 of each, and the ratio of the p95s (target ≤ 3).
import { performance } from 'node:perf_hooks';

import pg from 'pg';

import { buildRoadmap, parisToday, startApi, startDatabase, stopApi } from './bench-env.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WRITERS = 16;
const READERS = 4;
const FUNCTIONS = 20;
const ACTIONS_PER_FUNCTION = 50;
const MILESTONES = 100;
/** bench-env.mjs's administrator: made the project lead here (who may update any action) */
const BENCH_ACCOUNT = { email: 'bench@bench.example', password: 'bench-password-2026' };

const percentile = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const cookieOf = (res, name) => {
  const c = res.headers.getSetCookie().find((x) => x.startsWith(`${name}=`));
  return c ? decodeURIComponent(c.split(';')[0].slice(name.length + 1)) : null;
};

/** Signs in and keeps what a browser echoes on writes: the session cookie and its anti-CSRF token. */
async function signIn(base) {
  const me = await fetch(`${base}/api/auth/me`);
  await me.arrayBuffer();
  const xsrf = cookieOf(me, 'XSRF-TOKEN');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${encodeURIComponent(xsrf)}`, 'x-xsrf-token': xsrf },
    body: JSON.stringify(BENCH_ACCOUNT),
  });
  if (!res.ok) throw new Error(`signing in answered ${res.status}`);
  await res.arrayBuffer();
  const session = cookieOf(res, 'jalons_session');
  const token = cookieOf(res, 'XSRF-TOKEN') ?? xsrf;
  return {
    read: { cookie: `jalons_session=${session}` },
    write: {
      cookie: `jalons_session=${session}; XSRF-TOKEN=${encodeURIComponent(token)}`,
      'x-xsrf-token': token,
      'content-type': 'application/json',
    },
  };
}

/** The next status update of an action: « en cours » with another progress, so every write changes something. */
const nextProgress = (p) => (p % 90) + 7;

/** Runs `loop(i)` on `n` clients until the deadline; each loop returns when its client is done. */
const clients = (n, loop) => Promise.all(Array.from({ length: n }, (_, i) => loop(i)));

/** The chronogram readers: GET with the last ETag (304 when nothing changed), as the web app's interceptor does. */
function chronogramReaders(base, headers, roadmapId, until) {
  const url = `${base}/api/roadmaps/${roadmapId}/chronogram?at=${parisToday()}`;
  const stats = { reads: 0, notModified: 0, ms: [] };
  const done = clients(READERS, async () => {
    let etag = null;
    while (performance.now() < until) {
      const t0 = performance.now();
      const res = await fetch(url, { headers: etag ? { ...headers, 'if-none-match': etag } : headers });
      await res.arrayBuffer();
      if (res.status !== 200 && res.status !== 304) throw new Error(`chronogram answered ${res.status}`);
      stats.ms.push(performance.now() - t0);
      stats.reads++;
      if (res.status === 304) stats.notModified++;
      etag = res.headers.get('etag') ?? etag;
    }
  });
  return { stats, done };
}

/** Phase 1: 16 clients PUT /api/actions/:id/status with the version they hold; a 409 re-reads the action and retries. */
async function apiWrites(base, auth, slices, until) {
  const ms = [];
  let conflicts = 0;
  await clients(WRITERS, async (k) => {
    const mine = slices[k].map((a) => ({ ...a }));
    for (let n = 0; performance.now() < until; n++) {
      const a = mine[n % mine.length];
      const progress = nextProgress(a.progress);
      for (;;) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/actions/${a.id}/status`, {
          method: 'PUT',
          headers: auth.write,
          body: JSON.stringify({ version: a.version, status: 'en_cours', progress }),
        });
        const body = await res.json();
        if (res.status === 200) {
          ms.push(performance.now() - t0);
          a.version = body.version;
          a.progress = progress;
          break;
        }
        if (res.status !== 409) throw new Error(`status update answered ${res.status}: ${JSON.stringify(body)}`);
        conflicts++;
        const again = await fetch(`${base}/api/actions/${a.id}`, { headers: auth.read });
        a.version = (await again.json()).version;
      }
    }
  });
  return { ms, conflicts };
}

/**
 * The API's transaction for a status update, in SQL (ActionsService.updateStatus, recordChanges, the unit of work's flush):
 * the action's row locked and its version checked, the roadmap's revision bumped, the action updated with the version
 * check, one history line per changed field. Returns false on a version conflict (rolled back).
 */
async function rawStatusUpdate(pool, a, progress, actorId) {
  const c = await pool.connect();
  try {
    await c.query('begin');
    const {
      rows: [row],
    } = await c.query('select version, roadmap_id, status, progress from action where id = $1 for update', [a.id]);
    if (row.version !== a.version) {
      await c.query('rollback');
      return false;
    }
    await c.query('update roadmap set revision = revision + 1 where id = $1', [row.roadmap_id]);
    const updated = await c.query(
      `update action set status = $2, progress = $3, updated_at = now(), version = version + 1 where id = $1 and version = $4 returning version`,
      [a.id, 'en_cours', progress, a.version],
    );
    const lines = [['progress', String(row.progress), String(progress)]];
    if (row.status !== 'en_cours') lines.push(['status', row.status, 'en_cours']);
    const values = lines.map(
      (_, i) => `(gen_random_uuid(), $1, 'action', $2, $3, now(), $${4 + i * 3}, $${5 + i * 3}, $${6 + i * 3}, null)`,
    );
    await c.query(
      `insert into change_history (id, roadmap_id, item_type, item_id, actor_id, at, field, from_value, to_value, comment) values ${values.join(', ')}`,
      [row.roadmap_id, a.id, actorId, ...lines.flat()],
    );
    await c.query('commit');
    a.version = updated.rows[0].version;
    a.progress = progress;
    return true;
  } catch (e) {
    await c.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

/** Phase 2: the same writes as raw SQL transactions, 16 clients, one connection each. */
async function rawWrites(pool, slices, actorId, until) {
  const ms = [];
  let conflicts = 0;
  await clients(WRITERS, async (k) => {
    const mine = slices[k].map((a) => ({ ...a }));
    for (let n = 0; performance.now() < until; n++) {
      const a = mine[n % mine.length];
      const progress = nextProgress(a.progress);
      for (;;) {
        const t0 = performance.now();
        if (await rawStatusUpdate(pool, a, progress, actorId)) {
          ms.push(performance.now() - t0);
          break;
        }
        conflicts++;
        a.version = (await pool.query('select version from action where id = $1', [a.id])).rows[0].version;
      }
    }
  });
  return { ms, conflicts };
}

/** The actions each writer updates (its own slice: writers meet on the roadmap's revision, not on one action). */
async function slicesOf(client, roadmapId) {
  const { rows } = await client.query('select id, version, progress from action where roadmap_id = $1 order by id', [roadmapId]);
  return Array.from({ length: WRITERS }, (_, k) => rows.filter((_, i) => i % WRITERS === k));
}

const line = (label, r, seconds) =>
  `${label.padEnd(34)} ${(r.ms.length / seconds).toFixed(1).padStart(7)} writes/s   p50 ${percentile(r.ms, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(r.ms, 95).toFixed(1).padStart(6)} ms   (${r.ms.length} writes, ${r.conflicts} conflicts re-read)`;

const readLine = (s) =>
  `  chronogram readers (${READERS})             ${s.reads} reads, ${s.notModified} answered 304, p50 ${percentile(s.ms, 50).toFixed(1)} ms, p95 ${percentile(s.ms, 95).toFixed(1)} ms`;

async function main() {
  const db = await startDatabase('jalons_bench_load');
  let api;
  const client = new pg.Client({ connectionString: db.url });
  const pool = new pg.Pool({ connectionString: db.url, max: WRITERS });
  try {
    api = await startApi(db.url);
    await client.connect();
    const { id, counts } = await buildRoadmap(client, {
      slug: 'bench-load',
      functions: FUNCTIONS,
      actionsPerFunction: ACTIONS_PER_FUNCTION,
      milestones: MILESTONES,
      spread: 9,
    });
    // the benchmark's account becomes the project lead (the sessions read the role on every request)
    const {
      rows: [me],
    } = await client.query(`update account set role = 'lead' where email = $1 returning id`, [BENCH_ACCOUNT.email]);
    const auth = await signIn(api.base);
    console.log(
      `roadmap: ${FUNCTIONS} functions, ${counts.actions} actions, ${counts.milestones} milestones; ${WRITERS} writers, ${READERS} chronogram readers, ${SECONDS} s each`,
    );

    let until = performance.now() + SECONDS * 1000;
    let readers = chronogramReaders(api.base, auth.read, id, until);
    const viaApi = await apiWrites(api.base, auth, await slicesOf(client, id), until);
    await readers.done;
    const apiReads = readers.stats;

    until = performance.now() + SECONDS * 1000;
    readers = chronogramReaders(api.base, auth.read, id, until);
    const raw = await rawWrites(pool, await slicesOf(client, id), me.id, until);
    await readers.done;

    console.log(line('API  PUT /api/actions/:id/status', viaApi, SECONDS));
    console.log(readLine(apiReads));
    console.log(line('raw SQL, same transaction (pg)', raw, SECONDS));
    console.log(readLine(readers.stats));
    const ratio = percentile(viaApi.ms, 95) / percentile(raw.ms, 95);
    console.log(`p95 ratio API / raw SQL: ${ratio.toFixed(2)}  (target ≤ 3)`);
  } finally {
    await client.end().catch(() => undefined);
    await pool.end().catch(() => undefined);
    if (api) await stopApi(api);
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
