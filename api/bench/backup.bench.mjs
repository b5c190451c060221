// npm run bench:backup — backups that restore (issue 15, ADR 0032). On a throw-away PostgreSQL (embedded, or new
// databases on DATABASE_URL's server): the seeded instance plus a roadmap of 2,500 items (2,400 actions, 100 milestones)
// with 20,000 history lines, then, RUNS times each, alternating, over one connection:
//   backup  — writeBackup (repeatable-read snapshot, header, every table, gzip to a file) vs a plain
//             `COPY table TO STDOUT` of the same tables into memory;
//   restore — the rows of the backup loaded into the migrated, empty schema of another database (the file read twice:
//             the check of the whole file, then verifyBackup's load: truncate, COPY FROM STDIN, sequences, one
//             transaction) vs a plain truncate + `COPY table FROM STDIN` of what the plain COPY read;
// and once, the whole restore through the built CLI (`node dist/api/cli.js restore --in`, migrations included).
// Prints the medians and the ratios (target ≤ 2).
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

import pg from 'pg';

import { buildRoadmap, p50, fmt, startApi, startDatabase, stopApi } from './bench-env.mjs';

// the backup's own code, from its TypeScript sources (it imports only node: and pg), so that both sides share the connection
const require = createRequire(import.meta.url);
require('@swc-node/register');
const { writeBackup } = require('../src/app/backup/write-backup.ts');
const { verifyBackup, loadBackup } = require('../src/app/backup/restore-backup.ts');
const { copyIn, copyOut } = require('../src/app/backup/copy-stream.ts');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const HISTORY = 20_000;
const run = promisify(execFile);

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

async function addHistory(client, roadmapId) {
  await client.query(
    `insert into change_history (id, roadmap_id, item_type, item_id, actor_id, at, field, from_value, to_value, comment)
     select gen_random_uuid(), $1, 'action', a.id, null, now() - (g || ' minutes')::interval, 'status', 'a_lancer', 'en_cours',
            case when g % 3 = 0 then 'Point d''étape n° ' || g || E' : relance du prestataire\\tet de l''équipe « données »' end
       from generate_series(1, $2) g
       join (select id, row_number() over (order by id) n from action where roadmap_id = $1) a on a.n = 1 + g % 2400`,
    [roadmapId, HISTORY],
  );
}

/** The plain copy: every table of the header, `COPY … TO STDOUT` into memory. */
async function plainOut(client, tables) {
  const data = new Map();
  await client.query('begin isolation level repeatable read, read only');
  for (const t of tables) {
    const chunks = [];
    await copyOut(
      client,
      `copy ${quote(t.name)} (${t.columns.map((c) => quote(c.name)).join(', ')}) to stdout`,
      (c) => chunks.push(Buffer.from(c)) > 0,
    );
    data.set(t.name, chunks);
  }
  await client.query('commit');
  return data;
}

/** The plain load: truncate, then `COPY … FROM STDIN` of what plainOut read, in one transaction. */
async function plainIn(client, tables, data) {
  await client.query('begin');
  await client.query(`truncate ${tables.map((t) => quote(t.name)).join(', ')}`);
  for (const t of tables) {
    const copy = copyIn(client, `copy ${quote(t.name)} (${t.columns.map((c) => quote(c.name)).join(', ')}) from stdin`);
    for (const chunk of data.get(t.name)) await copy.write(chunk);
    await copy.end();
  }
  await client.query('commit');
}

const time = async (work) => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};

async function createDatabase(client, url, name) {
  await client.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function main() {
  const db = await startDatabase('jalons_bench_backup');
  const dir = mkdtempSync(join(tmpdir(), 'jalons-bench-backup-'));
  const file = join(dir, 'bench.backup.gz');
  const source = new pg.Client({ connectionString: db.url });
  let targetClient = null;
  try {
    const api = await startApi(db.url); // migrations and the Brest seed, as an instance has them
    await stopApi(api);
    await source.connect();
    const { id, counts } = await buildRoadmap(source, {
      slug: 'bench-backup',
      functions: 24,
      actionsPerFunction: 100,
      milestones: 100,
      spread: 7,
    });
    await addHistory(source, id);
    await source.query('analyze');
    const {
      rows: [{ history }],
    } = await source.query('select count(*)::int as history from change_history where roadmap_id = $1', [id]);
    console.log(
      `roadmap: ${counts.actions} actions + ${counts.milestones} milestones, ${history} history lines (plus the seeded Brest roadmap)`,
    );

    // the target: the built CLI's whole restore into an empty database (migrations included), timed once
    const targetUrl = await createDatabase(source, db.url, `jalons_bench_backup_target_${Date.now()}`);
    await writeBackup(source, createWriteStream(file));
    const cli = await time(() =>
      run(process.execPath, ['dist/api/cli.js', 'restore', '--in', file], {
        env: { ...process.env, DATABASE_URL: targetUrl, LOG_LEVEL: 'error' },
      }).then((r) => console.log(`CLI: ${r.stdout.trim()}`)),
    );
    targetClient = new pg.Client({ connectionString: targetUrl });
    await targetClient.connect();

    const backup = [];
    const out = [];
    const load = [];
    const check = [];
    const plain = [];
    let header;
    for (let i = 0; i < RUNS; i++) {
      backup.push(await time(async () => ({ header } = await writeBackup(source, createWriteStream(file)))));
      let data;
      out.push(await time(async () => (data = await plainOut(source, header.tables))));
      check.push(await time(() => verifyBackup(file)));
      load.push(await time(() => loadBackup(targetClient, file, header)));
      plain.push(await time(() => plainIn(targetClient, header.tables, data)));
    }
    const rows = header.tables.reduce((n, t) => n + t.rows, 0);
    const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
    const restore = load.map((l, i) => l + check[i]);
    console.log(`backup: ${header.tables.length} tables, ${rows} rows, ${mb} MiB gzip; ${RUNS} runs each, ms (p50):`);
    console.log(`  backup (snapshot, header, COPY TO STDOUT, gzip, file) ${fmt(backup)}  p50 ${p50(backup).toFixed(0)}`);
    console.log(`  plain COPY TO STDOUT of the same tables               ${fmt(out)}  p50 ${p50(out).toFixed(0)}`);
    console.log(`  restore: check of the whole file                      ${fmt(check)}  p50 ${p50(check).toFixed(0)}`);
    console.log(`  restore: load (truncate, COPY FROM STDIN, sequences)  ${fmt(load)}  p50 ${p50(load).toFixed(0)}`);
    console.log(`  plain truncate + COPY FROM STDIN of the same tables   ${fmt(plain)}  p50 ${p50(plain).toFixed(0)}`);
    console.log(`  whole restore through the CLI (node start, migrations, check, load): ${cli.toFixed(0)} ms, once`);
    console.log(`ratio backup / plain COPY TO:          ${(p50(backup) / p50(out)).toFixed(2)}  (target ≤ 2)`);
    console.log(`ratio restore (check + load) / plain COPY FROM: ${(p50(restore) / p50(plain)).toFixed(2)}  (target ≤ 2)`);
    console.log(`ratio restore load alone / plain COPY FROM:     ${(p50(load) / p50(plain)).toFixed(2)}`);
  } finally {
    await targetClient?.end().catch(() => undefined);
    await source.end().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
