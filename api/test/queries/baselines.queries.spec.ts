import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { BaselineQueries } from '../../src/app/baselines/baselines.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The baselines feature's queries, one by one, on the seeded Brest database; what a query did is
 * read back with independent SQL, and the tables' checks are shown refusing what the API refuses.
 */
describe('baselines queries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let em: EntityManager;
  let q: BaselineQueries;
  let roadmapId: string;
  let accountId: string;

  const inTx = <T>(work: (tx: EntityManager) => Promise<T>) => em.transactional(work);
  const make = (label: string, decision: string | null = null) => inTx((tx) => q.create(roadmapId, label, decision, accountId, tx));

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    em = orm.em.fork();
    q = new BaselineQueries(new Sql(em));
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    [{ id: accountId }] = await db.query<{ id: string }>(`select id from account where email = 'camille.legoff@brest.example'`);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('creates baseline 1 then 2 with a copy of every action and milestone, and reads them back newest first', async () => {
    expect(await q.roadmapExists(roadmapId)).toBe(true);
    expect(await q.roadmapExists('00000000-0000-4000-8000-000000000000')).toBe(false);
    const one = await make('v1', 'Délibération du 25/06/2026');
    const two = await make('v2');
    const [{ a, m }] = await db.query<{ a: number; m: number }>(
      `select (select count(*)::int from action where roadmap_id = $1) as a, (select count(*)::int from milestone where roadmap_id = $1) as m`,
      [roadmapId],
    );
    const list = await q.list(roadmapId);
    expect(list.map((b) => [b.id, b.number, b.label, b.decision, b.actions, b.milestones, b.latest])).toEqual([
      [two, 2, 'v2', null, a, m, true],
      [one, 1, 'v1', 'Délibération du 25/06/2026', a, m, false],
    ]);
    expect(list[0]).toMatchObject({
      roadmap_id: roadmapId,
      decision_id: null,
      created_by_id: accountId,
      created_by_name: expect.any(String),
    });
    expect(list[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await q.one(one)).toEqual(list[1]);
    expect(await q.one('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('reads a baseline’s items and today’s plan in the same shape; a milestone has no start', async () => {
    const [latest] = await q.list(roadmapId);
    const [then, now] = await Promise.all([q.items(latest.id), q.current(roadmapId)]);
    expect(then).toEqual(now);
    const ms = now.find((i) => i.item_type === 'milestone');
    expect(ms).toMatchObject({ start: null, due: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect(now.find((i) => i.item_type === 'action')?.start).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('says whether an item is in the latest baseline of its roadmap only', async () => {
    const [{ id: actionId }] = await db.query<{ id: string }>('select id from action where roadmap_id = $1 limit 1', [roadmapId]);
    expect(await q.inLatest('action', actionId)).toBe(true);
    expect(await q.inLatest('milestone', actionId)).toBe(false);
    const [latest, before] = await q.list(roadmapId);
    await db.query(`delete from baseline_item where baseline_id = $1 and item_id = $2`, [latest.id, actionId]);
    expect(await q.inLatest('action', actionId)).toBe(false); // in v1 only: not the latest
    await inTx((tx) => q.remove(latest.id, tx));
    expect(await q.inLatest('action', actionId)).toBe(true); // v1 is the latest again
    expect((await q.list(roadmapId)).map((b) => [b.id, b.latest])).toEqual([[before.id, true]]);
  });

  it('lists the functions and phases in their order', async () => {
    const fns = await q.functions(roadmapId);
    const phases = await q.phases(roadmapId);
    expect(fns.length).toBeGreaterThanOrEqual(10);
    expect(phases).toHaveLength(4);
    const [{ names }] = await db.query<{ names: string[] }>(
      'select array_agg(name order by position) as names from phase where roadmap_id = $1',
      [roadmapId],
    );
    expect(phases.map((p) => p.name)).toEqual(names);
  });

  it('refuses in the table a second baseline of a number, an empty label, a milestone with a start', async () => {
    const [latest] = await q.list(roadmapId);
    await expect(
      db.query(`insert into baseline (roadmap_id, number, label) values ($1, $2, 'doublon')`, [roadmapId, latest.number]),
    ).rejects.toThrow(/baseline_roadmap_id_number_unique/);
    await expect(db.query(`insert into baseline (roadmap_id, number, label) values ($1, 99, '  ')`, [roadmapId])).rejects.toThrow(
      /baseline_label_check/,
    );
    await expect(
      db.query(
        `insert into baseline_item (baseline_id, item_type, item_id, function_id, title, start, due)
         values ($1, 'milestone', gen_random_uuid(), gen_random_uuid(), 't', '2026-01-01', '2026-01-02')`,
        [latest.id],
      ),
    ).rejects.toThrow(/baseline_item_start_check/);
  });
});
