import { join } from 'node:path';

import { MikroORM } from '@mikro-orm/postgresql';

import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { MyItemsQueries } from '../../src/app/my-items/my-items.queries';
import { instantiate, KIT_FILE, loadKit, newRoadmapFile, writeRoadmap } from '../../src/app/roadmap-setup';
import { ensureAccount } from '../auth';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * « Mes échéances »' query on the seeded Brest roadmap plus a later one, with a person who owns
 * nothing until the test gives them items: the expected rows are set up by hand, never read back
 * through the code under test.
 */
describe('MyItemsQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let q: MyItemsQueries;
  let me: string;
  /** ids the person answers for, as set up below */
  let expected: string[];
  let later: { roadmapId: string; actionId: string };

  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  const first = async (query: string, params: unknown[]) => (await db.query<{ id: string }>(query, params))[0].id;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    q = new MyItemsQueries(new Sql(orm.em.fork()));
    const kit = loadKit(KIT_FILE(join(__dirname, '..', '..', '..', 'seeds')));
    const { roadmapId } = await writeRoadmap(orm.em.fork(), instantiate(kit, newRoadmapFile(kit, 'Ville de Quimper', '2032-03-14')));

    me = await ensureAccount(db, 'mine@test.example', 'owner');
    const other = await ensureAccount(db, 'other@test.example', 'owner');
    const brest = await first(`select id from roadmap where slug = 'brest-2026-2032'`, []);
    const own = await first(`select id from target_function where roadmap_id = $1 and code = 'innovation'`, [brest]);
    const notOwn = await first(`select id from target_function where roadmap_id = $1 and code = 'juridique'`, [brest]);
    // the person owns « innovation »: its actions nobody was named for, and its milestones, are theirs
    await db.query('update target_function set owner_id = $1 where id = $2', [me, own]);
    await db.query(`update action set owner_id = null, status = 'en_cours', progress = 10 where function_id = $1`, [own]);
    await db.query('update milestone set achieved_on = null, owner_id = null where function_id = $1', [own]);
    const actions = (await db.query<{ id: string }>('select id from action where function_id = $1 order by due_date, id', [own])).map(
      (r) => r.id,
    );
    const [done, abandoned, someoneElses] = actions;
    await db.query(`update action set status = 'terminee', progress = 100 where id = $1`, [done]);
    await db.query(`update action set status = 'abandonnee' where id = $1`, [abandoned]);
    await db.query('update action set owner_id = $1 where id = $2', [other, someoneElses]);
    // named on an action of a function they do not own
    const elsewhere = await first('select id from action where function_id = $1 order by id limit 1', [notOwn]);
    await db.query(`update action set owner_id = $1, status = 'bloquee' where id = $2`, [me, elsewhere]);
    const milestones = (await db.query<{ id: string }>('select id from milestone where function_id = $1 order by id', [own])).map(
      (r) => r.id,
    );
    await db.query(`update milestone set achieved_on = milestone_date where id = $1`, [milestones[0]]);
    await db.query(`update milestone set owner_id = $1 where id = $2`, [other, milestones[1]]);
    const milestoneElsewhere = await first('select id from milestone where function_id = $1 order by id limit 1', [notOwn]);
    await db.query(`update milestone set owner_id = $1, achieved_on = null where id = $2`, [me, milestoneElsewhere]);
    // and one action in the later roadmap
    const laterAction = await first('select id from action where roadmap_id = $1 order by due_date, id limit 1', [roadmapId]);
    await db.query(`update action set owner_id = $1 where id = $2`, [me, laterAction]);
    later = { roadmapId, actionId: laterAction };
    expected = [...actions.slice(3), elsewhere, ...milestones.slice(2), milestoneElsewhere, laterAction].sort();
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('reads the person’s open items only: no finished, abandoned, achieved nor someone else’s', async () => {
    const rows = await q.open(me);
    expect(ids(rows)).toEqual(expected);
    expect(rows.filter((r) => r.kind === 'milestone').every((r) => r.status === null && r.achieved_on === null)).toBe(true);
    expect(rows.filter((r) => r.function_name === 'Juridique').map((r) => r.kind)).toEqual(expect.arrayContaining(['action', 'milestone']));
    expect(await q.open(await ensureAccount(db, 'nobody@test.example', 'elected'))).toEqual([]);
  });

  it('groups by roadmap, newest mandate first, then by due day (the late ones first), actions before milestones on a day', async () => {
    const rows = await q.open(me);
    expect(rows[0]).toEqual(expect.objectContaining({ id: later.actionId, roadmap_id: later.roadmapId, territory: 'Ville de Quimper' }));
    const brest = rows.slice(1);
    expect(brest.every((r) => r.slug === 'brest-2026-2032')).toBe(true);
    const order = brest.map((r) => `${r.due} ${r.kind === 'action' ? 0 : 1}`);
    expect(order).toEqual([...order].sort());
    expect(rows[0].due).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(rows[0].roadmap_start < rows[0].roadmap_end).toBe(true);
  });

  it('keeps only what falls due by the day given, late ones included', async () => {
    const all = await q.open(me);
    const brest = all.filter((r) => r.slug === 'brest-2026-2032');
    const day = brest[Math.floor(brest.length / 2)].due;
    const rows = await q.open(me, day);
    expect(rows.length).toBeGreaterThan(0);
    expect(ids(rows)).toEqual(ids(all.filter((r) => r.due <= day)));
    expect(rows.length).toBeLessThan(all.length);
  });
});
