import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { PersonsQueries } from '../../src/app/accounts/persons.queries';
import { ActionQueries } from '../../src/app/actions/actions.queries';
import { ChronogramQueries } from '../../src/app/chronogram/chronogram.queries';
import { HistoryQueries } from '../../src/app/history/history.queries';
import { MilestoneQueries } from '../../src/app/milestones/milestones.queries';
import { PublicQueries } from '../../src/app/public/public.queries';
import { RoadmapQueries } from '../../src/app/roadmaps/roadmaps.queries';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The read side's queries, one by one, on the seeded Brest roadmap (a fresh database for this file).
 * Expected figures are read from the tables with independent SQL, never from the code under test.
 */
describe('read-side queries on the seeded Brest roadmap', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let em: EntityManager;
  let sql: Sql;
  let roadmapId: string;
  let centralId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    em = orm.em.fork();
    sql = new Sql(em);
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    [{ id: centralId }] = await db.query<{ id: string }>('select id from target_function where roadmap_id = $1 and central', [roadmapId]);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const count = async (query: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(query, params))[0].n);

  describe('RoadmapQueries', () => {
    const q = () => new RoadmapQueries(sql);

    it('lists the roadmaps and reads one by id (undefined for an unknown id)', async () => {
      expect((await q().all()).map((r) => r.slug)).toEqual(['brest-2026-2032']);
      expect((await q().byId(roadmapId))?.territory).toBe('Ville et Métropole de Brest');
      expect(await q().byId('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('reads the revision, which a write moves', async () => {
      const before = await q().revision(roadmapId);
      await db.query('update roadmap set revision = revision + 1 where id = $1', [roadmapId]);
      expect(await q().revision(roadmapId)).toBe((before ?? 0) + 1);
    });

    it('reads the four phases in order, the functions in order (or one), every action’s progress and every milestone’s date', async () => {
      expect((await q().phases(roadmapId)).map((p) => p.position)).toEqual([1, 2, 3, 4]);
      const functions = await q().functions(roadmapId);
      expect(functions).toHaveLength(11);
      expect(functions.map((f) => f.position)).toEqual([...functions.map((f) => f.position)].sort((a, b) => a - b));
      expect((await q().functions(roadmapId, centralId)).map((f) => f.central)).toEqual([true]);
      const progress = await q().progress(roadmapId);
      expect(progress).toHaveLength(await count('select count(*) n from action where roadmap_id = $1', [roadmapId]));
      expect(progress[0]).toEqual(
        expect.objectContaining({ functionId: expect.any(String), phaseId: expect.any(String), start: expect.any(String) }),
      );
      expect(await q().milestoneDates(roadmapId)).toHaveLength(
        await count('select count(*) n from milestone where roadmap_id = $1', [roadmapId]),
      );
    });

    it('changes the settings under the row lock, moving version and revision', async () => {
      const [{ version, revision }] = await db.query<{ version: number; revision: number }>(
        'select version, revision from roadmap where id = $1',
        [roadmapId],
      );
      await em.transactional(async (tx) => {
        expect(await q().lockVersion(roadmapId, tx)).toBe(version);
        await q().updateSettings(roadmapId, true, null, tx);
      });
      const [after] = await db.query<{ version: number; revision: number; public_page: boolean }>(
        'select version, revision, public_page from roadmap where id = $1',
        [roadmapId],
      );
      expect(after).toEqual({ version: version + 1, revision: revision + 1, public_page: true });
    });
  });

  describe('ActionQueries and MilestoneQueries', () => {
    it('filters actions by function, status and due date, each criterion narrowing the list', async () => {
      const q = new ActionQueries(sql);
      const all = await q.list(roadmapId, {});
      expect(all).toHaveLength(await count('select count(*) n from action where roadmap_id = $1', [roadmapId]));
      const central = await q.list(roadmapId, { functionId: centralId });
      expect(central.length).toBe(await count('select count(*) n from action where function_id = $1', [centralId]));
      expect(central.every((a) => a.function_id === centralId)).toBe(true);
      const dueBefore = await q.list(roadmapId, { dueBefore: '2026-12-31' });
      expect(dueBefore.length).toBe(
        await count(`select count(*) n from action where roadmap_id = $1 and due_date <= '2026-12-31'`, [roadmapId]),
      );
      expect(await q.list(roadmapId, { status: ['bloquee'] })).toHaveLength(
        await count(`select count(*) n from action where roadmap_id = $1 and status = 'bloquee'`, [roadmapId]),
      );
    });

    it('reads an action with its predecessors and its ISO instant', async () => {
      const [dep] = await db.query<{ successor_id: string; predecessor_id: string }>(
        'select successor_id, predecessor_id from action_dependency limit 1',
      );
      const row = await new ActionQueries(sql).byId(dep.successor_id);
      expect(row?.predecessor_ids).toContain(dep.predecessor_id);
      expect(row?.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('locks and lists the actions that follow one, inside the transaction', async () => {
      const [dep] = await db.query<{ successor_id: string; predecessor_id: string }>(
        'select successor_id, predecessor_id from action_dependency order by predecessor_id limit 1',
      );
      const expected = await db.query<{ successor_id: string }>(
        'select successor_id from action_dependency where predecessor_id = $1 order by successor_id',
        [dep.predecessor_id],
      );
      await em.transactional(async (tx) => {
        const ids = await new ActionQueries(sql).lockSuccessors(dep.predecessor_id, tx);
        expect(ids).toEqual(expected.map((r) => r.successor_id));
        // held until the end of the transaction: another connection cannot take the row meanwhile
        await expect(db.query('select id from action where id = $1 for update nowait', [dep.successor_id])).rejects.toThrow(/lock/);
      });
    });

    it('filters milestones by achievement and date, and reads one by id', async () => {
      const q = new MilestoneQueries(sql);
      const achieved = await q.list(roadmapId, { achieved: true });
      const open = await q.list(roadmapId, { achieved: false });
      expect(achieved.every((m) => m.achieved_on !== null)).toBe(true);
      expect(open.every((m) => m.achieved_on === null)).toBe(true);
      expect(achieved.length + open.length).toBe(await count('select count(*) n from milestone where roadmap_id = $1', [roadmapId]));
      expect(await q.list(roadmapId, { dueAfter: '2031-01-01' })).toHaveLength(
        await count(`select count(*) n from milestone where roadmap_id = $1 and milestone_date >= '2031-01-01'`, [roadmapId]),
      );
      expect((await q.byId(open[0].id))?.title).toBe(open[0].title);
    });
  });

  describe('ChronogramQueries', () => {
    it('reads the bars (all, or one function’s), every milestone, and the persons the chronogram names', async () => {
      const q = new ChronogramQueries(sql);
      expect(await q.bars(roadmapId)).toHaveLength(await count('select count(*) n from action where roadmap_id = $1', [roadmapId]));
      const central = await q.bars(roadmapId, centralId);
      expect(central.every((a) => a.functionId === centralId)).toBe(true);
      expect(central.length).toBe(await count('select count(*) n from action where function_id = $1', [centralId]));
      expect(await q.milestones(roadmapId)).toHaveLength(
        await count('select count(*) n from milestone where roadmap_id = $1', [roadmapId]),
      );
      const persons = await q.persons(roadmapId);
      const [{ project_lead_id }] = await db.query<{ project_lead_id: string }>('select project_lead_id from roadmap where id = $1', [
        roadmapId,
      ]);
      expect(persons.map((p) => p.id)).toContain(project_lead_id);
      const [{ owner_id }] = await db.query<{ owner_id: string }>('select owner_id from target_function where id = $1', [centralId]);
      expect((await q.persons(roadmapId, centralId)).map((p) => p.id)).toEqual(expect.arrayContaining([project_lead_id, owner_id]));
    });
  });

  describe('HistoryQueries, PersonsQueries, PublicQueries', () => {
    it('reads an item’s history oldest first, and the roadmap’s latest changes newest first with their item’s title', async () => {
      const [action] = await db.query<{ id: string; title: string }>('select id, title from action where roadmap_id = $1 limit 1', [
        roadmapId,
      ]);
      await db.query(
        `insert into change_history (id, roadmap_id, item_type, item_id, at, field, from_value, to_value)
         values (gen_random_uuid(), $1, 'action', $2, now() + interval '1 minute', 'status', 'a_lancer', 'en_cours'),
                (gen_random_uuid(), $1, 'action', $2, now() + interval '2 minutes', 'progress', '0', '10')`,
        [roadmapId, action.id],
      );
      const q = new HistoryQueries(sql);
      expect((await q.ofItem('action', action.id)).slice(-2).map((h) => h.field)).toEqual(['status', 'progress']);
      const [latest] = await q.recent(roadmapId, 1);
      expect(latest).toEqual(expect.objectContaining({ field: 'progress', item_title: action.title }));
    });

    it('reads active persons and persons by id', async () => {
      const q = new PersonsQueries(sql);
      const active = await q.active();
      expect(active.length).toBe(await count('select count(*) n from account where active'));
      expect((await q.byIds([active[0].id])).map((p) => p.email)).toEqual([active[0].email]);
    });

    it('finds a roadmap by slug only while its public page is open', async () => {
      const q = new PublicQueries(sql);
      await db.query('update roadmap set public_page = false where id = $1', [roadmapId]);
      expect(await q.openId('brest-2026-2032')).toBeUndefined();
      expect(await q.open()).toEqual([]);
      await db.query('update roadmap set public_page = true where id = $1', [roadmapId]);
      expect(await q.openId('brest-2026-2032')).toBe(roadmapId);
      expect((await q.open()).map((r) => r.slug)).toEqual(['brest-2026-2032']);
    });
  });
});
