// npm run bench:api — the chronogram of a large roadmap over HTTP versus the raw SQL reading the same rows.
// Builds a roadmap of 10 functions × 250 actions and 250 milestones (with dependencies) in a throw-away
// embedded PostgreSQL (or DATABASE_URL's server, in a new database), starts the built API on it, then
// prints the p50 of GET /api/roadmaps/:id/chronogram, the p50 of the raw SQL, and their ratio.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

import pg from 'pg';

import { buildRoadmap, p50, parisToday, startApi, startDatabase, stopApi } from './bench-env.mjs';

// dates stay 'YYYY-MM-DD' strings, as in the API's connection
pg.types.setTypeParser(1082, (v) => v);

const WARMUP = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const FUNCTIONS = 10;
const ACTIONS_PER_FUNCTION = 250;
const MILESTONES = 250;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET and parse a JSON body, as a client of the API does (node:http with keep-alive). */
function getJson(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
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
    pool.query('select id, code, name, description, position, start_date, end_date from phase where roadmap_id = $1 order by position', [
      id,
    ]),
    pool.query(
      'select id, code, name, family, central, description, volets, owner_id, color, position from target_function where roadmap_id = $1 order by position',
      [id],
    ),
    pool.query(
      `select a.id, a.function_id, a.phase_id, a.kit_key, a.title, a.volet, a.start_date, a.due_date, a.status, a.progress, a.owner_id, a.version,
                  coalesce((select array_agg(d.predecessor_id::text order by d.predecessor_id) from action_dependency d where d.successor_id = a.id), '{}') predecessor_ids
                  from action a join target_function f on f.id = a.function_id where a.roadmap_id = $1 order by f.position, a.start_date, a.due_date, a.title, a.id`,
      [id],
    ),
    pool.query(
      `select m.id, m.function_id, m.phase_id, m.kit_key, m.title, m.milestone_date, m.achieved_on, m.version
                  from milestone m join target_function f on f.id = m.function_id where m.roadmap_id = $1 order by f.position, m.milestone_date, m.title, m.id`,
      [id],
    ),
    pool.query(
      `select p.id, p.name, p.email from account p where p.id in (select owner_id from action where roadmap_id = $1
                  union select owner_id from target_function where roadmap_id = $1 union select project_lead_id from roadmap where id = $1) order by p.name`,
      [id],
    ),
  ]);
}

/** p50 of the chronogram over HTTP and of the raw SQL, the two alternated so a busy machine weighs on both alike. */
async function measure(url, headers, pool, id, counts) {
  let bytes = 0;
  const http = [];
  const sql = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    let t = performance.now();
    const { status, body } = await getJson(url, headers);
    const dt = performance.now() - t;
    if (status !== 200) throw new Error(`chronogram answered ${status}: ${JSON.stringify(body)}`);
    if (i === 0) {
      // the wire's bars are a table in groups by function and phase (ADR 0034): one row per action
      const rows = body.actions.groups.reduce((n, g) => n + g.rows.length, 0);
      if (rows !== Number(counts.actions)) throw new Error('the chronogram did not return every action');
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
    const { id, counts } = await buildRoadmap(client, {
      slug: 'bench',
      functions: FUNCTIONS,
      actionsPerFunction: ACTIONS_PER_FUNCTION,
      milestones: MILESTONES,
      spread: 9,
    });
    const path = `/api/roadmaps/${id}/chronogram?at=${parisToday()}`; // today: a past day would replay the history
    const warm = await measure(`${api.base}${path}`, api.headers, pool, id, counts);
    await stopApi(api);
    // the same, with the chronogram cache off: every read goes to the database
    api = await startApi(db.url, { CHRONOGRAM_CACHE_SIZE: '0' });
    const cold = await measure(`${api.base}${path}`, api.headers, pool, id, counts);
    console.log(
      `roadmap: ${FUNCTIONS} functions, ${counts.actions} actions, ${counts.milestones} milestones, ${counts.deps} dependencies; chronogram ${(warm.bytes / 1024).toFixed(0)} KiB`,
    );
    console.log(
      `raw SQL, same rows and columns  p50 ${warm.sql.toFixed(1)} ms | ${cold.sql.toFixed(1)} ms  (${RUNS} runs after ${WARMUP} warm-up, alternated with the HTTP calls)`,
    );
    console.log(
      `chronogram over HTTP, cached    p50 ${warm.http.toFixed(1)} ms   ratio ${(warm.http / warm.sql).toFixed(2)}  (target ≤ 2)`,
    );
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
