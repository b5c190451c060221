// npm run bench:import — the spreadsheet round trip at scale.
// One roadmap of 10 functions × 250 actions = 2,500 actions, exported as XLSX by the API, every
// action's title edited with exceljs (2,500 updates, 2,500 history lines). Prints the p50 of the
// import's dry run and of its apply (HTTP, as the web page calls them), the p50 of exceljs reading the
// same file and of one raw SQL statement writing the same rows (the titles, the versions and the
// history lines), and the ratio of each to their sum (target ≤ 3).
import ExcelJS from 'exceljs';
import pg from 'pg';

import { buildRoadmap, fmt, p50, startApi, startDatabase, stopApi } from './bench-env.mjs';

const FUNCTIONS = 10;
const ACTIONS_PER_FUNCTION = 250;
const RUNS = 7;

const cookieOf = (res, name) => {
  const c = res.headers.getSetCookie().find((x) => x.startsWith(`${name}=`));
  return c ? c.split(';')[0].slice(name.length + 1) : null;
};

/** The benchmark's administrator made project lead (the import is the lead's), signed in again with an XSRF token. */
async function signInAsLead(base, client) {
  await client.query(`update account set role = 'lead' where email = 'bench@bench.example'`);
  const me = await fetch(`${base}/api/auth/me`);
  const xsrf = cookieOf(me, 'XSRF-TOKEN');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${xsrf}`, 'x-xsrf-token': decodeURIComponent(xsrf) },
    body: JSON.stringify({ email: 'bench@bench.example', password: 'bench-password-2026' }),
  });
  if (!res.ok) throw new Error(`signing in answered ${res.status}`);
  const token = cookieOf(res, 'XSRF-TOKEN');
  return { cookie: `jalons_session=${cookieOf(res, 'jalons_session')}; XSRF-TOKEN=${token}`, 'x-xsrf-token': decodeURIComponent(token) };
}

/** The roadmap's export with every action's title changed (the suffix alternates, so each run changes every row). */
async function editedExport(base, headers, roadmapId, run) {
  const res = await fetch(`${base}/api/roadmaps/${roadmapId}/export?format=xlsx`, { headers });
  if (!res.ok) throw new Error(`export answered ${res.status}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()));
  const sheet = book.getWorksheet('Actions');
  const title = (sheet.getRow(1).values ?? []).indexOf('Action');
  sheet.eachRow((row, n) => {
    if (n > 1) row.getCell(title).value = `${String(row.getCell(title).value).replace(/ \(run \d+\)$/, '')} (run ${run})`;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(base, headers, roadmapId, body, dryRun) {
  const form = new FormData();
  form.append('file', new Blob([body]), 'bench.xlsx');
  const t0 = performance.now();
  const res = await fetch(`${base}/api/roadmaps/${roadmapId}/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers,
    body: form,
  });
  const plan = await res.json();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`import answered ${res.status}: ${JSON.stringify(plan).slice(0, 400)}`);
  if (plan.updates.length !== FUNCTIONS * ACTIONS_PER_FUNCTION) throw new Error(`the plan has ${plan.updates.length} updates`);
  return ms;
}

/** The same writes as one hand-written statement: the titles, versions +1, one history line each. */
const RAW_SQL = `
with v as (select unnest($1::uuid[]) as id, unnest($2::text[]) as title),
     u as (update action a set title = v.title, version = a.version + 1, updated_at = now()
             from v where a.id = v.id returning a.id, a.roadmap_id, v.title)
insert into change_history (id, roadmap_id, item_type, item_id, actor_id, at, field, from_value, to_value, comment)
select gen_random_uuid(), u.roadmap_id, 'action', u.id, null, now(), 'title', null, u.title, 'import bench.xlsx' from u`;

async function main() {
  const db = await startDatabase('jalons_import_bench');
  const client = new pg.Client({ connectionString: db.url });
  let api;
  try {
    api = await startApi(db.url, { REMINDERS_ENABLED: 'false' });
    await client.connect();
    const { id, counts } = await buildRoadmap(client, {
      slug: 'bench-import',
      functions: FUNCTIONS,
      actionsPerFunction: ACTIONS_PER_FUNCTION,
      milestones: 0,
      spread: 3,
    });
    const headers = await signInAsLead(api.base, client);

    const dry = [];
    const apply = [];
    const read = [];
    let file;
    for (let run = 1; run <= RUNS; run++) {
      file = await editedExport(api.base, headers, id, run);
      dry.push(await upload(api.base, headers, id, file, true));
      apply.push(await upload(api.base, headers, id, file, false));
    }
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await new ExcelJS.Workbook().xlsx.load(file);
      read.push(performance.now() - t0);
    }
    const { rows } = await client.query('select id::text, title from action where roadmap_id = $1', [id]);
    const raw = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await client.query(RAW_SQL, [rows.map((r) => r.id), rows.map((r) => `${r.title} (raw ${i})`)]);
      raw.push(performance.now() - t0);
    }
    const base = p50(read) + p50(raw);
    console.log(`roadmap: ${counts.actions} actions, file ${(file.length / 1024).toFixed(0)} Kio, ${RUNS} runs each`);
    console.log(`dry run      p50 ${p50(dry).toFixed(0)} ms   [${fmt(dry)}]`);
    console.log(`apply        p50 ${p50(apply).toFixed(0)} ms   [${fmt(apply)}]`);
    console.log(`exceljs read p50 ${p50(read).toFixed(0)} ms   [${fmt(read)}]`);
    console.log(`raw SQL      p50 ${p50(raw).toFixed(0)} ms   [${fmt(raw)}]`);
    console.log(`ratio dry run / (read + SQL) = ${(p50(dry) / base).toFixed(2)} (target ≤ 3)`);
    console.log(`ratio apply   / (read + SQL) = ${(p50(apply) / base).toFixed(2)} (target ≤ 3)`);
  } finally {
    await client.end().catch(() => undefined);
    if (api) await stopApi(api);
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
