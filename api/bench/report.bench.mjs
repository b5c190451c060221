// npm run bench:report — the council report (PDF) of a large roadmap over HTTP versus the uncached chronogram of
// the same roadmap. Builds a roadmap of 10 functions × 250 actions and 250 milestones (with dependencies) in a
// throw-away embedded PostgreSQL (or DATABASE_URL's server, in a new database), starts the built API on it with
// the chronogram cache off, then alternates N report downloads and N chronogram reads for the same day and prints
// both p50s and their ratio (target ≤ 5, ADR 0021).
import http from 'node:http';
import { performance } from 'node:perf_hooks';

import pg from 'pg';

import { buildRoadmap, fmt, p50, parisToday, startApi, startDatabase, stopApi } from './bench-env.mjs';

const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const FUNCTIONS = 10;
const ACTIONS_PER_FUNCTION = 250;
const MILESTONES = 250;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Today in Europe/Paris, the day both reads are asked for (the report's default). */
const today = parisToday();

/** GET the body as bytes (node:http with keep-alive); the JSON is parsed, as a client of the API does. */
function get(url, headers, json) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          try {
            resolve({ status: res.statusCode, type: res.headers['content-type'], body: json ? JSON.parse(body.toString('utf8')) : body });
          } catch (e) {
            reject(e);
          }
        });
      })
      .on('error', reject);
  });
}

async function timed(url, headers, json) {
  const t = performance.now();
  const res = await get(url, headers, json);
  const dt = performance.now() - t;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${json ? JSON.stringify(res.body) : res.body.toString('utf8')}`);
  return { dt, res };
}

async function main() {
  const db = await startDatabase('jalons_bench_report');
  let api;
  const client = new pg.Client({ connectionString: db.url });
  try {
    // the API applies the migrations on start; the large roadmap is written after
    api = await startApi(db.url, { CHRONOGRAM_CACHE_SIZE: '0' });
    await client.connect();
    const { id, counts } = await buildRoadmap(client, {
      slug: 'bench-report',
      functions: FUNCTIONS,
      actionsPerFunction: ACTIONS_PER_FUNCTION,
      milestones: MILESTONES,
      spread: 9,
      at: today,
    });
    const chronogram = `${api.base}/api/roadmaps/${id}/chronogram?at=${today}`;
    const report = `${api.base}/api/roadmaps/${id}/report?at=${today}`;
    const times = { report: [], chronogram: [] };
    let pdfBytes = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const r = await timed(report, api.headers, false);
      const c = await timed(chronogram, api.headers, true);
      if (i === 0) {
        if (r.res.type !== 'application/pdf') throw new Error(`the report came as ${r.res.type}`);
        if (c.res.body.actions.length !== Number(counts.actions)) throw new Error('the chronogram did not return every action');
        pdfBytes = r.res.body.length;
      }
      if (i >= WARMUP) {
        times.report.push(r.dt);
        times.chronogram.push(c.dt);
      }
    }
    const report50 = p50(times.report);
    const chrono50 = p50(times.chronogram);
    console.log(
      `roadmap: ${FUNCTIONS} functions, ${counts.actions} actions, ${counts.milestones} milestones, ${counts.deps} dependencies; report of ${today}: ${(pdfBytes / 1024).toFixed(0)} KiB PDF`,
    );
    console.log(`chronogram over HTTP, uncached  p50 ${chrono50.toFixed(1)} ms  (${RUNS} runs after ${WARMUP} warm-up, alternated)`);
    console.log(`report PDF over HTTP            p50 ${report50.toFixed(1)} ms   ratio ${(report50 / chrono50).toFixed(2)}  (target ≤ 5)`);
    if (process.env.BENCH_VERBOSE) console.log(`report runs: ${fmt(times.report)}\nchronogram runs: ${fmt(times.chronogram)}`);
  } finally {
    await client.end().catch(() => undefined);
    agent.destroy();
    if (api) await stopApi(api);
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
