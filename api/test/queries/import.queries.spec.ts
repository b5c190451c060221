import { MikroORM } from '@mikro-orm/postgresql';

import { ImportQueries } from '../../src/app/import/import.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/** What an import reads of a roadmap, in its transaction, and the locks it takes before applying. */
describe('ImportQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let queries: ImportQueries;
  let roadmapId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    queries = new ImportQueries(new Sql(orm.em.fork()));
    [{ id: roadmapId }] = await db.query<{ id: string }>('select id from roadmap');
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('reads the roadmap, its phases in order, functions, persons, actions with predecessors and milestones, dates as days', async () => {
    await orm.em.fork().transactional(async (tx) => {
      const roadmap = await queries.roadmap(roadmapId, tx);
      expect(roadmap).toEqual({ id: roadmapId, start_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), end_date: expect.any(String) });
      expect(await queries.roadmap('00000000-0000-4000-8000-000000000000', tx)).toBeUndefined();
      const phases = await queries.phases(roadmapId, tx);
      expect(phases.map((p) => p.start_date)).toEqual([...phases.map((p) => p.start_date)].sort());
      const functions = await queries.functions(roadmapId, tx);
      expect(functions.filter((f) => f.central)).toHaveLength(1);
      expect(functions.find((f) => f.central)!.volets.map((v) => v.code)).toEqual(['strategique', 'metiers', 'technique']);
      expect((await queries.persons(tx)).length).toBeGreaterThan(0);
      const actions = await queries.actions(roadmapId, tx);
      const [{ n }] = await db.query<{ n: string }>('select count(*) n from action where roadmap_id = $1', [roadmapId]);
      expect(actions).toHaveLength(Number(n));
      const [edge] = await db.query<{ p: string; s: string }>('select predecessor_id p, successor_id s from action_dependency limit 1');
      expect(actions.find((a) => a.id === edge.s)!.predecessor_ids).toContain(edge.p);
      expect(actions[0]).toMatchObject({ version: expect.any(Number), start_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      const milestones = await queries.milestones(roadmapId, tx);
      expect(milestones[0]).toMatchObject({ milestone_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), version: expect.any(Number) });
      expect(Object.keys(milestones[0])).toContain('owner_id');
    });
  });

  it('locks the rows the file names until the commit: another writer waits', async () => {
    const [a] = await db.query<{ id: string }>('select id from action where roadmap_id = $1 order by id limit 1', [roadmapId]);
    const [m] = await db.query<{ id: string }>('select id from milestone where roadmap_id = $1 order by id limit 1', [roadmapId]);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = orm.em.fork().transactional(async (tx) => {
      await queries.lock(roadmapId, [a.id], [m.id], tx);
      locked();
      await held;
    });
    await isLocked;
    const probe = await db.query<{ n: string }>(
      `select count(*) n from pg_locks l join pg_class c on c.oid = l.relation where c.relname in ('action', 'milestone') and l.mode = 'RowShareLock'`,
    );
    expect(Number(probe[0].n)).toBeGreaterThanOrEqual(2);
    await db.query(`set lock_timeout = '200ms'`);
    await expect(db.query('select id from action where id = $1 for update', [a.id])).rejects.toThrow(/lock timeout/);
    await expect(db.query('select id from milestone where id = $1 for update', [m.id])).rejects.toThrow(/lock timeout/);
    release();
    await holder;
    await expect(db.query('select id from action where id = $1 for update', [a.id])).resolves.toHaveLength(1);
    await db.query(`set lock_timeout = 0`);
  });
});
