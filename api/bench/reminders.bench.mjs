// npm run bench:reminders — the reminder job's selection at scale.
// 20 roadmaps × 10 functions × 500 actions = 100,000 actions (every status, spread over the
// mandate), 100 milestones each. Prints the p50 of the job's own selection (its code path, timed
// inside `node dist/api/cli.js reminders --repeat`), the p50 of a hand-written SQL query that
// selects the same rows, and their ratio (target ≤ 1.5).
import { spawnSync } from 'node:child_process';

import pg from 'pg';

import { buildRoadmap, p50, startApi, startDatabase, stopApi } from './bench-env.mjs';

const ROADMAPS = 20;
const FUNCTIONS = 10;
const ACTIONS_PER_FUNCTION = 500;
const MILESTONES = 100;
const RUNS = 21;
const DAY = '2027-06-15';

// the default rules, written out: 14, 7 and 1 days before, on the day, every 7 days late, to the
// project lead from 7 days late; the same columns as the job's selection
const RAW_SQL = `
select coalesce(a.owner_id, f.owner_id) as account_id, a.roadmap_id, 'action' as item_type, a.id as item_id,
       case when a.due_date > $1::date then 'before' when a.due_date = $1::date then 'due' else 'overdue' end as rule,
       a.due_date::text as due_date, a.due_date - $1::date as days_left, a.title
  from action a join target_function f on f.id = a.function_id join account p on p.id = coalesce(a.owner_id, f.owner_id) and p.active
 where a.status not in ('terminee', 'abandonnee')
   and (a.due_date - $1::date in (14, 7, 1, 0) or (a.due_date < $1::date and ($1::date - a.due_date) % 7 = 0))
union all
select r.project_lead_id, a.roadmap_id, 'action', a.id, 'escalation', a.due_date::text, a.due_date - $1::date, a.title
  from action a join roadmap r on r.id = a.roadmap_id join account p on p.id = r.project_lead_id and p.active
 where a.status not in ('terminee', 'abandonnee') and a.due_date <= $1::date - 7 and ($1::date - a.due_date) % 7 = 0
union all
select f.owner_id, m.roadmap_id, 'milestone', m.id,
       case when m.milestone_date > $1::date then 'before' when m.milestone_date = $1::date then 'due' else 'overdue' end,
       m.milestone_date::text, m.milestone_date - $1::date, m.title
  from milestone m join target_function f on f.id = m.function_id join account p on p.id = f.owner_id and p.active
 where m.achieved_on is null
   and (m.milestone_date - $1::date in (14, 7, 1, 0) or (m.milestone_date < $1::date and ($1::date - m.milestone_date) % 7 = 0))
union all
select r.project_lead_id, m.roadmap_id, 'milestone', m.id, 'escalation', m.milestone_date::text, m.milestone_date - $1::date, m.title
  from milestone m join roadmap r on r.id = m.roadmap_id join account p on p.id = r.project_lead_id and p.active
 where m.achieved_on is null and m.milestone_date <= $1::date - 7 and ($1::date - m.milestone_date) % 7 = 0
 order by 1, 7, 3, 4`;

async function main() {
  const db = await startDatabase('jalons_reminders_bench');
  const client = new pg.Client({ connectionString: db.url });
  try {
    // the API applies the migrations on start
    await stopApi(await startApi(db.url, { REMINDERS_ENABLED: 'false' }));
    await client.connect();
    for (let i = 1; i <= ROADMAPS; i++) {
      await buildRoadmap(client, {
        slug: `bench-${i}`,
        functions: FUNCTIONS,
        actionsPerFunction: ACTIONS_PER_FUNCTION,
        milestones: MILESTONES,
        spread: 5 + (i % 7),
      });
    }
    const [{ actions, milestones, open }] = (
      await client.query(
        `select (select count(*) from action)::int actions, (select count(*) from milestone)::int milestones, (select count(*) from action where status not in ('terminee', 'abandonnee'))::int open`,
      )
    ).rows;

    const job = spawnSync(process.execPath, ['dist/api/cli.js', 'reminders', '--date', DAY, '--repeat', String(RUNS)], {
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn', REMINDERS_ENABLED: 'false' },
      encoding: 'utf8',
    });
    const m = /selection \S+: (\d+) reminders, p50 ([\d.]+) ms/.exec(job.stdout);
    if (job.status !== 0 || !m) throw new Error(`the job's selection did not run: ${job.stdout}${job.stderr}`);
    const jobRows = Number(m[1]);
    const jobP50 = Number(m[2]);

    const times = [];
    let rawRows = 0;
    for (let i = 0; i < RUNS + 3; i++) {
      const t0 = performance.now();
      rawRows = (await client.query(RAW_SQL, [DAY])).rowCount;
      if (i >= 3) times.push(performance.now() - t0);
    }
    if (rawRows !== jobRows) throw new Error(`the raw SQL selects ${rawRows} rows, the job ${jobRows}: not the same selection`);
    const raw = p50(times);
    console.log(
      `data: ${ROADMAPS} roadmaps, ${actions} actions (${open} open), ${milestones} milestones; day ${DAY}: ${jobRows} reminders due`,
    );
    console.log(`job's selection   p50 ${jobP50.toFixed(1)} ms (${RUNS} runs)`);
    console.log(`raw SQL           p50 ${raw.toFixed(1)} ms (${RUNS} runs after 3 warm-up)`);
    console.log(`ratio ${(jobP50 / raw).toFixed(2)} (target ≤ 1.5)`);
  } finally {
    await client.end().catch(() => undefined);
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
