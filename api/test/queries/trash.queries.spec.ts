import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { AuthQueries } from '../../src/app/auth/auth.queries';
import { TrashQueries } from '../../src/app/trash/trash.queries';
import type { TrashEntryRow } from '../../src/app/trash/trash.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The Corbeille's queries, one by one, on a fresh seeded Brest database; what they write is read
 * back with independent SQL. Each test works on its own actions (dependency-free unless it adds some).
 */
describe('TrashQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let q: TrashQueries;
  let auth: AuthQueries;
  let roadmapId: string;
  let lead: { id: string; name: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    const sql = new Sql(orm.em.fork());
    q = new TrashQueries(sql);
    auth = new AuthQueries(sql);
    [{ id: roadmapId }] = await db.query<{ id: string }>('select id from roadmap');
    [lead] = await db.query(`select id, name from account where email = 'camille.legoff@brest.example'`);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  /** runs `work` in a transaction that is rolled back, unless `commit` */
  async function inTx<T>(work: (tx: EntityManager) => Promise<T>, commit = true): Promise<T> {
    const em = orm.em.fork();
    if (commit) return em.transactional(work);
    await em.begin();
    try {
      return await work(em);
    } finally {
      await em.rollback();
    }
  }

  let serial = 0;
  /** a fresh action of the first function, copied from a seeded one */
  async function newAction(): Promise<{ id: string; title: string; function_id: string }> {
    const [row] = await db.query<{ id: string; title: string; function_id: string }>(
      `insert into action (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, description, start_date, due_date, status, progress, owner_id, version)
       select gen_random_uuid(), now(), now(), roadmap_id, function_id, phase_id, $1, 'description', start_date, due_date, 'en_cours', 40, owner_id, 3
       from action where roadmap_id = $2 order by kit_key limit 1
       returning id, title, function_id`,
      [`Action ${++serial}`, roadmapId],
    );
    return row;
  }
  const link = (p: string, s: string) => db.query('insert into action_dependency (predecessor_id, successor_id) values ($1, $2)', [p, s]);

  it('keeps an action’s row, its function’s name and its arrows both ways; nothing for an unknown item', async () => {
    const [p, x, s] = [await newAction(), await newAction(), await newAction()];
    await link(p.id, x.id);
    await link(x.id, s.id);
    expect(await inTx((tx) => q.keep('action', x.id, lead.id, tx))).toBe(true);
    const [kept] = await db.query<{
      title: string;
      function_id: string;
      deleted_by: string;
      roadmap_id: string;
      snapshot: TrashEntryRow['snapshot'];
    }>(`select title, function_id, deleted_by, roadmap_id, snapshot from deleted_item where item_id = $1`, [x.id]);
    const [fn] = await db.query<{ name: string }>('select name from target_function where id = $1', [x.function_id]);
    expect(kept).toMatchObject({ title: x.title, function_id: x.function_id, deleted_by: lead.id, roadmap_id: roadmapId });
    expect(kept.snapshot).toMatchObject({ functionName: fn.name, predecessors: [p.id], successors: [s.id] });
    expect(kept.snapshot.row).toMatchObject({
      id: x.id,
      title: x.title,
      status: 'en_cours',
      progress: 40,
      version: 3,
      description: 'description',
    });
    expect(await inTx((tx) => q.keep('milestone', x.id, null, tx))).toBe(false);
  });

  it('keeps a milestone without arrows, and an unknown actor as nobody', async () => {
    const [m] = await db.query<{ id: string }>('select id from milestone where roadmap_id = $1 order by kit_key limit 1', [roadmapId]);
    await inTx((tx) => q.keep('milestone', m.id, '00000000-0000-4000-8000-000000000000', tx));
    const [kept] = await db.query<{ deleted_by: string | null; snapshot: TrashEntryRow['snapshot'] }>(
      'select deleted_by, snapshot from deleted_item where item_id = $1',
      [m.id],
    );
    expect(kept.deleted_by).toBeNull();
    expect(kept.snapshot).toMatchObject({ predecessors: [], successors: [], row: { id: m.id } });
    await db.query('delete from deleted_item where item_id = $1', [m.id]);
  });

  it('lists the roadmap’s entries of the last 90 days, newest first, the function’s kept name when it is gone', async () => {
    const [a, b, c] = [await newAction(), await newAction(), await newAction()];
    for (const x of [a, b, c]) await inTx((tx) => q.keep('action', x.id, lead.id, tx));
    await db.query(`update deleted_item set deleted_at = now() - interval '2 days' where item_id = $1`, [a.id]);
    await db.query(`update deleted_item set deleted_at = now() - interval '1 day' where item_id = $1`, [b.id]);
    await db.query(`update deleted_item set deleted_at = now() - interval '91 days' where item_id = $1`, [c.id]);
    await db.query(`update deleted_item set function_id = gen_random_uuid() where item_id = $1`, [b.id]);
    const rows = await q.list(roadmapId);
    const ids = rows.map((r) => r.item_id);
    expect(ids).not.toContain(c.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    const [fn] = await db.query<{ name: string }>('select name from target_function where id = $1', [b.function_id]);
    expect(rows.find((r) => r.item_id === b.id)).toMatchObject({ function_name: fn.name, function_exists: false, deleted_by: lead.id });
    const rowA = rows.find((r) => r.item_id === a.id)!;
    expect(rowA).toMatchObject({ item_type: 'action', title: a.title, function_id: a.function_id, function_exists: true });
    expect(new Date(rowA.expires_at).getTime() - new Date(rowA.deleted_at).getTime()).toBe(90 * 86_400_000);
    expect(rowA.deleted_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await q.list('00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('finds the roadmap of a restorable entry, takes it locked, and ignores entries older than 90 days', async () => {
    const [x, old] = [await newAction(), await newAction()];
    await inTx((tx) => q.keep('action', x.id, null, tx));
    await inTx((tx) => q.keep('action', old.id, null, tx));
    await db.query(`update deleted_item set deleted_at = now() - interval '91 days' where item_id = $1`, [old.id]);
    expect(await q.roadmapOf('action', x.id)).toBe(roadmapId);
    expect(await q.roadmapOf('milestone', x.id)).toBeUndefined();
    expect(await q.roadmapOf('action', old.id)).toBeUndefined();
    const taken = await inTx((tx) => q.take('action', x.id, tx), false);
    expect(taken).toMatchObject({ roadmap_id: roadmapId, item_type: 'action', item_id: x.id, title: x.title, function_id: x.function_id });
    expect(taken!.snapshot.row['id']).toBe(x.id);
    expect(await inTx((tx) => q.take('action', old.id, tx), false)).toBeUndefined();
  });

  it('purges, in one statement, the entries older than 90 days only', async () => {
    const [young, old] = [await newAction(), await newAction()];
    await inTx((tx) => q.keep('action', young.id, null, tx));
    await inTx((tx) => q.keep('action', old.id, null, tx));
    await db.query(`update deleted_item set deleted_at = now() - interval '89 days' where item_id = $1`, [young.id]);
    await db.query(`update deleted_item set deleted_at = now() - interval '91 days' where item_id = $1`, [old.id]);
    const expected = Number(
      (await db.query<{ n: string }>(`select count(*) n from deleted_item where deleted_at <= now() - interval '90 days'`))[0].n,
    );
    expect(await inTx((tx) => q.purge(tx))).toBe(expected);
    expect((await db.query<{ item_id: string }>('select item_id from deleted_item')).map((r) => r.item_id)).toEqual(
      expect.arrayContaining([young.id]),
    );
    expect(await db.query('select 1 from deleted_item where item_id = $1', [old.id])).toEqual([]);
    expect(await q.purge()).toBe(0);
  });

  it('puts a row back from its snapshot with the same id and every column, then ends the entry', async () => {
    const x = await newAction();
    const [original] = await db.query<Record<string, unknown>>('select * from action where id = $1', [x.id]);
    await inTx((tx) => q.keep('action', x.id, null, tx));
    await db.query('delete from action where id = $1', [x.id]);
    const entry = (await inTx((tx) => q.take('action', x.id, tx), false))!;
    await inTx(async (tx) => {
      await q.reinsert('action', { ...entry.snapshot.row, version: 4 }, tx);
      await q.remove(entry.id, tx);
    });
    const [back] = await db.query<Record<string, unknown>>('select * from action where id = $1', [x.id]);
    expect(back).toEqual({ ...original, version: 4 });
    expect(await db.query('select 1 from deleted_item where id = $1', [entry.id])).toEqual([]);
  });

  it('reads which ids are accounts, which actions of the roadmap still exist (locked), the roadmap’s arrows, and adds one', async () => {
    const [p, s] = [await newAction(), await newAction()];
    const gone = '00000000-0000-4000-8000-000000000000';
    expect(await inTx((tx) => q.accounts([lead.id, gone], tx), false)).toEqual(new Set([lead.id]));
    expect(await inTx((tx) => q.accounts([], tx), false)).toEqual(new Set());
    const found = await inTx((tx) => q.actions(roadmapId, [s.id, gone, p.id], 'update', tx), false);
    expect(found).toEqual([p, s].sort((a, b) => a.id.localeCompare(b.id)).map(({ id, title }) => ({ id, title })));
    expect(await inTx((tx) => q.actions('11111111-1111-4111-8111-111111111111', [p.id], 'share', tx), false)).toEqual([]);
    expect(await inTx((tx) => q.actions(roadmapId, [], 'share', tx), false)).toEqual([]);

    await inTx((tx) => q.addEdge(p.id, s.id, tx));
    const edges = await inTx((tx) => q.edges(roadmapId, tx), false);
    const expected = await db.query<{ p: string; s: string }>('select predecessor_id p, successor_id s from action_dependency');
    expect(edges).toContainEqual([p.id, s.id]);
    expect(edges).toHaveLength(expected.length);
  });

  it('gives the policies the function of a deleted item (AuthQueries.functionOfDeletedItem)', async () => {
    const x = await newAction();
    await inTx((tx) => q.keep('action', x.id, null, tx));
    expect(await auth.functionOfDeletedItem('action', x.id)).toBe(x.function_id);
    expect(await auth.functionOfDeletedItem('milestone', x.id)).toBeUndefined();
  });
});
