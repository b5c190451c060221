import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { PlanningQueries } from '../../src/app/planning/planning.queries';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';
import { nextMandate } from '../factories/next-mandate';

/*
 * Planning's queries, one by one, on the seeded Brest roadmap and a next mandate written by SQL (a fresh
 * database for this file). Expected figures come from independent SQL on the tables.
 */
describe('planning queries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let em: EntityManager;
  let q: PlanningQueries;
  let roadmapId: string;
  let targetId: string;
  const NOBODY = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    em = orm.em.fork();
    q = new PlanningQueries(new Sql(em));
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    targetId = await nextMandate(db);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params))[0];
  const count = async (sql: string, params: unknown[] = []) => Number((await one<{ n: string }>(sql, params)).n);

  it('roadmap: its dates, version and closing time (null while open; undefined for no roadmap), locked or not', async () => {
    const r = await q.roadmap(roadmapId, false);
    expect(r).toMatchObject({ slug: 'brest-2026-2032', start_date: '2025-03-01', end_date: '2032-03-14', closed_at: null });
    expect(r?.version).toBe((await one<{ version: number }>('select version from roadmap where id = $1', [roadmapId])).version);
    await em.transactional(async (tx) => expect((await q.roadmap(roadmapId, true, tx))?.id).toBe(roadmapId));
    expect(await q.roadmap(NOBODY, false)).toBeUndefined();
  });

  it('phases: the four, in their order, with their dates', async () => {
    const phases = await q.phases(roadmapId);
    expect(phases.map((p) => [p.code, p.start_date, p.end_date])).toEqual([
      ['pre-electorale', '2025-03-01', '2026-03-22'],
      ['post-electorale', '2026-03-23', '2026-12-31'],
      ['emergence', '2027-01-01', '2028-12-31'],
      ['maturation', '2029-01-01', '2032-03-14'],
    ]);
  });

  it('placedItems: every action by start then every milestone by date, with its phase (the same locked)', async () => {
    const items = await q.placedItems(roadmapId, false);
    expect(items.filter((i) => i.item_type === 'action')).toHaveLength(
      await count('select count(*) n from action where roadmap_id = $1', [roadmapId]),
    );
    expect(items.filter((i) => i.item_type === 'milestone')).toHaveLength(
      await count('select count(*) n from milestone where roadmap_id = $1', [roadmapId]),
    );
    const firstMilestone = items.findIndex((i) => i.item_type === 'milestone');
    expect(items.slice(firstMilestone).every((i) => i.item_type === 'milestone')).toBe(true);
    const actionDates = items.slice(0, firstMilestone).map((i) => i.date);
    expect(actionDates).toEqual([...actionDates].sort());
    const sample = items[0];
    expect(sample).toMatchObject(
      await one('select id, title, function_id, start_date::text as date, phase_id from action where id = $1', [sample.id]),
    );
    const locked = await em.transactional((tx) => q.placedItems(roadmapId, true, tx));
    expect(locked).toEqual(items);
  });

  it('setPhaseDates, moveItems, insertHistory, bumpVersion and bumpRevision write what they say', async () => {
    const [action] = await db.query<{ id: string; version: number }>('select id, version from action where roadmap_id = $1 limit 1', [
      roadmapId,
    ]);
    const [milestone] = await db.query<{ id: string; version: number }>('select id, version from milestone where roadmap_id = $1 limit 1', [
      roadmapId,
    ]);
    const post = await one<{ id: string }>(`select id from phase where roadmap_id = $1 and code = 'post-electorale'`, [roadmapId]);
    const before = await one<{ version: number; revision: number }>('select version, revision from roadmap where id = $1', [roadmapId]);
    const history = await count('select count(*) n from change_history');
    const version = await em.transactional(async (tx) => {
      await q.setPhaseDates(
        roadmapId,
        [
          { code: 'post-electorale', start: '2026-03-23', end: '2027-01-31' },
          { code: 'emergence', start: '2027-02-01', end: '2028-12-31' },
        ],
        tx,
      );
      await q.moveItems('action', [{ id: action.id, phaseId: post.id }], tx);
      await q.moveItems('milestone', [{ id: milestone.id, phaseId: post.id }], tx);
      await q.moveItems('action', [], tx);
      await q.insertHistory(
        roadmapId,
        [{ item_type: 'action', item_id: action.id, field: 'phase', from_value: 'A', to_value: 'B' }],
        'phases replanifiées',
        null,
        tx,
      );
      await q.bumpRevision(roadmapId, tx);
      return q.bumpVersion(roadmapId, tx);
    });
    expect((await q.phases(roadmapId)).map((p) => [p.code, p.start_date, p.end_date]).slice(1, 3)).toEqual([
      ['post-electorale', '2026-03-23', '2027-01-31'],
      ['emergence', '2027-02-01', '2028-12-31'],
    ]);
    expect(await one('select phase_id, version from action where id = $1', [action.id])).toEqual({
      phase_id: post.id,
      version: action.version + 1,
    });
    expect(await one('select phase_id, version from milestone where id = $1', [milestone.id])).toEqual({
      phase_id: post.id,
      version: milestone.version + 1,
    });
    expect(await count('select count(*) n from change_history')).toBe(history + 1);
    expect(
      await one(`select field, from_value, to_value, comment from change_history where item_id = $1 and field = 'phase'`, [action.id]),
    ).toEqual({ field: 'phase', from_value: 'A', to_value: 'B', comment: 'phases replanifiées' });
    expect(version).toBe(before.version + 1);
    expect(await one('select version, revision from roadmap where id = $1', [roadmapId])).toEqual({
      version: before.version + 1,
      revision: before.revision + 2,
    });
  });

  it('sourceActions and sourceMilestones: only the roadmap’s, with their function’s code and their provenance', async () => {
    const [a] = await db.query<{ id: string }>('select id from action where roadmap_id = $1 order by id limit 1', [roadmapId]);
    const [m] = await db.query<{ id: string }>('select id from milestone where roadmap_id = $1 order by id limit 1', [roadmapId]);
    const actions = await em.transactional((tx) => q.sourceActions(roadmapId, [a.id, NOBODY], tx));
    expect(actions).toEqual([
      await one(
        `select a.id, a.title, a.description, a.provenance, a.provenance_ref, a.volet, a.start_date::text start_date, a.due_date::text due_date, a.status, a.progress, a.owner_id, f.code function_code
           from action a join target_function f on f.id = a.function_id where a.id = $1`,
        [a.id],
      ),
    ]);
    expect(await q.sourceActions(targetId, [a.id])).toEqual([]);
    expect(await q.sourceActions(roadmapId, [])).toEqual([]);
    const milestones = await q.sourceMilestones(roadmapId, [m.id]);
    expect(milestones).toEqual([
      await one(
        `select m.id, m.title, m.description, m.provenance, m.provenance_ref, m.milestone_date::text milestone_date, m.achieved_on::text achieved_on, m.owner_id, f.code function_code
           from milestone m join target_function f on f.id = m.function_id where m.id = $1`,
        [m.id],
      ),
    ]);
    expect(await q.sourceMilestones(roadmapId, [])).toEqual([]);
  });

  it('dependenciesAmong: the arrows with both ends in the list', async () => {
    const d = await one<{ predecessor_id: string; successor_id: string }>(
      'select predecessor_id, successor_id from action_dependency limit 1',
    );
    expect(await q.dependenciesAmong([d.predecessor_id, d.successor_id])).toContainEqual(d);
    expect(await q.dependenciesAmong([d.predecessor_id])).not.toContainEqual(d);
    expect(await q.dependenciesAmong([])).toEqual([]);
  });

  it('alreadyCarried: the origins that have a copy in the target', async () => {
    const [a] = await db.query<{ id: string }>('select id from action where roadmap_id = $1 order by id limit 1', [roadmapId]);
    expect(await q.alreadyCarried(targetId, [a.id])).toEqual([]);
    await db.query(
      `insert into action (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, description, start_date, due_date, status, progress, version,
                           carried_from_id)
       select gen_random_uuid(), now(), now(), $1, (select id from target_function where roadmap_id = $1 limit 1),
              (select id from phase where roadmap_id = $1 order by position limit 1), title, '', '2031-03-01', '2031-04-01', 'a_lancer', 0, 1, id
         from action where id = $2`,
      [targetId, a.id],
    );
    expect(await q.alreadyCarried(targetId, [a.id, NOBODY])).toEqual([a.id]);
    expect(await q.alreadyCarried(roadmapId, [a.id])).toEqual([]);
    expect(await q.alreadyCarried(targetId, [])).toEqual([]);
  });

  it('functions: the roadmap’s, in their order', async () => {
    const fns = await q.functions(targetId);
    expect(fns.map((f) => f.code)).toEqual(
      (await db.query<{ code: string }>('select code from target_function where roadmap_id = $1 order by position', [roadmapId])).map(
        (f) => f.code,
      ),
    );
    expect(fns.filter((f) => f.central)).toHaveLength(1);
  });

  it('close: once, bumping version and revision; a second close keeps the first time', async () => {
    const before = await one<{ version: number; revision: number }>('select version, revision from roadmap where id = $1', [targetId]);
    const closed = await em.transactional((tx) => q.close(targetId, tx));
    expect(closed).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await one('select version, revision from roadmap where id = $1', [targetId])).toEqual({
      version: before.version + 1,
      revision: before.revision + 1,
    });
    expect(await em.transactional((tx) => q.close(targetId, tx))).toBe(closed);
    expect((await q.roadmap(targetId, false))?.closed_at).toBe(closed);
  });
});
