import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { todayInParis } from '@jalons/domain';

import { prepareDatabase } from '../src/seed/prepare-database';
import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { startStoppableDatabase } from './outage-db';
import type { StoppableDatabase } from './outage-db';

/*
 * Issue 15, « done when »: 16 clients updating action statuses with their versions (re-reading on 409) and 4 reading
 * the chronogram, on a PostgreSQL of the test's own that is stopped (`pg_ctl stop -m fast`) in the middle of the load
 * and started again. What is asserted:
 * - every answer is 2xx, 304, 409 or 503; a 503 carries Retry-After and the one error shape (`database_unavailable`);
 * - every write answered 2xx is in change_history exactly once (one transaction's lines, tagged by its comment);
 * - every write found in change_history was answered 2xx or 503: a 503 may hide a committed write (the connection
 *   failed during COMMIT, or the read after the commit failed) — that is the only ambiguity allowed, and such a
 *   write is there once at most;
 * - the service answers normally again within the 5 s of the database coming back (polled, not timed).
 */

const WRITERS = 16;
const READERS = 4;
const RECOVERY_BOUND_MS = 5000;

interface Outcome {
  tag: string;
  status: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a condition of the load (polled; the test's own timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await pause(50);
}

describe('a database outage under load', () => {
  let db: StoppableDatabase;
  let app: NestExpressApplication;
  let agent: TestAgent;
  let roadmapId: string;
  let actions: { id: string }[];

  beforeAll(async () => {
    db = await startStoppableDatabase();
    await prepareDatabase(db.url, { seed: true, seedsDir: join(__dirname, '..', '..', 'seeds') });
    ({ app } = await createTestApp(db.url));
    await app.listen(0, '127.0.0.1');
    agent = await signIn(app, db, 'lead');
    [{ id: roadmapId }] = await db.query<{ id: string }>('select id from roadmap order by created_at limit 1');
    actions = await db.query<{ id: string }>('select id from action where roadmap_id = $1 order by id limit $2', [roadmapId, WRITERS * 2]);
    expect(actions).toHaveLength(WRITERS * 2);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const odd: string[] = [];
  /** Checks a 503's headers and body; any other 5xx is recorded as a failure of the test. */
  const check = (res: { status: number; headers: Record<string, string>; body: { error?: string; message?: string } }, what: string) => {
    if (
      res.status >= 500 &&
      (res.status !== 503 || !res.headers['retry-after'] || res.body.error !== 'database_unavailable' || !res.body.message)
    ) {
      odd.push(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };

  it('answers 503 with Retry-After meanwhile, loses and doubles no accepted write, and recovers once the database is back', async () => {
    const outcomes: Outcome[] = [];
    let stopAt = Number.POSITIVE_INFINITY;
    const writer = async (k: number) => {
      const mine = [actions[2 * k], actions[2 * k + 1]];
      const versions = new Map<string, number>();
      const reread = async (id: string) => {
        for (;;) {
          const res = await agent.get(`/api/actions/${id}`);
          check(res, 'GET action');
          if (res.status === 200) return versions.set(id, res.body.version);
          await pause(100);
        }
      };
      for (const a of mine) await reread(a.id);
      for (let n = 0; Date.now() < stopAt; n++) {
        const a = mine[n % 2];
        const tag = `outage-${k}-${n}`;
        const res = await agent
          .put(`/api/actions/${a.id}/status`)
          .send({ version: versions.get(a.id), status: 'en_cours', progress: 5 + (n % 90), comment: tag });
        check(res, 'PUT status');
        outcomes.push({ tag, status: res.status });
        if (res.status === 200) versions.set(a.id, res.body.version);
        else if (res.status === 409) await reread(a.id);
        // a 503'd write may have committed: sent again with the same version, it then gets a 409 and a re-read
        else if (res.status === 503) await pause(100);
        else odd.push(`PUT status: ${res.status} ${JSON.stringify(res.body)}`);
      }
    };
    const reads: number[] = [];
    const reader = async () => {
      while (Date.now() < stopAt) {
        const res = await agent.get(`/api/roadmaps/${roadmapId}/chronogram?at=${todayInParis()}`);
        check(res, 'GET chronogram');
        reads.push(res.status);
        if (res.status !== 200) await pause(100);
      }
    };
    const load = Promise.all([...Array.from({ length: WRITERS }, (_, k) => writer(k)), ...Array.from({ length: READERS }, reader)]);

    // under way: every writer has had a write accepted
    await until(() => outcomes.filter((o) => o.status === 200).length >= WRITERS);
    await db.stop();
    const health = await agent.get('/api/health');
    const ready = await agent.get('/api/health/ready');
    // the writers keep sending: a few writes met the outage
    const met = outcomes.length;
    await until(() => outcomes.slice(met).filter((o) => o.status === 503).length >= WRITERS / 2);
    await db.start();
    // back: the first normal answer of the readiness probe, polled until the bound
    const back = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - back <= RECOVERY_BOUND_MS) {
      recovered = (await agent.get('/api/health/ready')).status === 200;
      if (!recovered) await pause(50);
    }
    const firstWriteAfter = outcomes.length;
    await until(() => outcomes.slice(firstWriteAfter).filter((o) => o.status === 200).length >= WRITERS);
    stopAt = Date.now();
    await load;

    expect(odd).toEqual([]);
    // the probes said the database was down while it was
    expect([health.status, health.body.error, health.body.database]).toEqual([503, 'database_unavailable', undefined]);
    expect(ready.status).toBe(503);
    expect(recovered).toBe(true);
    const statuses = new Set(outcomes.map((o) => o.status));
    expect([...statuses].every((s) => [200, 409, 503].includes(s))).toBe(true);
    expect(statuses.has(503)).toBe(true); // the outage was met
    expect(outcomes.slice(firstWriteAfter).filter((o) => o.status === 200).length).toBeGreaterThan(0);
    expect(reads.every((s) => [200, 304, 503].includes(s))).toBe(true);

    const lines = await db.query<{ comment: string; transactions: number; items: number }>(
      `select comment, count(distinct at)::int as transactions, count(distinct item_id)::int as items
         from change_history where comment like 'outage-%' group by comment`,
    );
    const inDatabase = new Map(lines.map((l) => [l.comment, l]));
    const answered = new Map(outcomes.map((o) => [o.tag, o.status]));
    const accepted = outcomes.filter((o) => o.status === 200);
    expect(accepted.length).toBeGreaterThan(WRITERS);
    // every accepted write once: one transaction's lines, on one item
    expect(accepted.filter((o) => inDatabase.get(o.tag)?.transactions !== 1 || inDatabase.get(o.tag)?.items !== 1)).toEqual([]);
    // nothing else but writes answered 503 (possibly committed), each once
    expect(lines.filter((l) => answered.get(l.comment) !== 200 && answered.get(l.comment) !== 503)).toEqual([]);
    expect(lines.filter((l) => l.transactions !== 1)).toEqual([]);
  }, 120_000);
});
