import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { ActionQueries } from '../../src/app/actions/actions.queries';
import { ChronogramQueries } from '../../src/app/chronogram/chronogram.queries';
import { MilestoneQueries } from '../../src/app/milestones/milestones.queries';
import { PlanningQueries } from '../../src/app/planning/planning.queries';
import { RoadmapQueries } from '../../src/app/roadmaps/roadmaps.queries';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The provenance column and filter of the item queries, and the phases' purpose, on the seeded Brest
 * roadmap (a fresh database for this file). Expected values come from independent SQL on the tables.
 */
describe('provenance and purpose in the read queries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let em: EntityManager;
  let sql: Sql;
  let roadmapId: string;
  let localActionId: string;
  let localMilestoneId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    em = orm.em.fork();
    sql = new Sql(em);
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    // one item of each type added in the app: no provenance
    [{ id: localActionId }] = await db.query<{ id: string }>(
      `insert into action (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, start_date, due_date)
       select gen_random_uuid(), now(), now(), roadmap_id, function_id, phase_id, 'Ajout local', start_date, due_date
         from action where roadmap_id = $1 order by id limit 1 returning id`,
      [roadmapId],
    );
    [{ id: localMilestoneId }] = await db.query<{ id: string }>(
      `insert into milestone (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, milestone_date)
       select gen_random_uuid(), now(), now(), roadmap_id, function_id, phase_id, 'Jalon local', milestone_date
         from milestone where roadmap_id = $1 order by id limit 1 returning id`,
      [roadmapId],
    );
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  /** id → {kind, reference} (null for an item added in the app), read straight from a table */
  const provenances = async (table: 'action' | 'milestone') =>
    new Map(
      (
        await db.query<{ id: string; provenance: string | null; provenance_ref: string | null }>(
          `select id, provenance, provenance_ref from ${table} where roadmap_id = $1`,
          [roadmapId],
        )
      ).map((r) => [r.id, r.provenance === null ? null : { kind: r.provenance, reference: r.provenance_ref }]),
    );
  const idsWhere = async (table: 'action' | 'milestone', where: string) =>
    (await db.query<{ id: string }>(`select id from ${table} where roadmap_id = $1 and ${where} order by id`, [roadmapId])).map(
      (r) => r.id,
    );
  const sorted = (rows: ReadonlyArray<{ id: string }>) => rows.map((r) => r.id).sort();

  it('ActionQueries: each action with its provenance as {kind, reference}, null for one added in the app; filtered by provenance', async () => {
    const q = new ActionQueries(sql);
    const expected = await provenances('action');
    const all = await q.list(roadmapId, {});
    expect(all).toHaveLength(expected.size);
    for (const row of all) expect(row.provenance).toEqual(expected.get(row.id));
    expect((await q.byId(localActionId))?.provenance).toBeNull();
    expect(sorted(await q.list(roadmapId, { provenance: 'pratique' }))).toEqual(await idsWhere('action', `provenance = 'pratique'`));
    expect(sorted(await q.list(roadmapId, { provenance: 'locale' }))).toEqual([localActionId]);
    expect(sorted(await q.list(roadmapId, { provenance: 'etude', status: ['terminee'] }))).toEqual(
      await idsWhere('action', `provenance = 'etude' and status = 'terminee'`),
    );
  });

  it('MilestoneQueries: each milestone with its provenance; filtered by provenance', async () => {
    const q = new MilestoneQueries(sql);
    const expected = await provenances('milestone');
    const all = await q.list(roadmapId, {});
    for (const row of all) expect(row.provenance).toEqual(expected.get(row.id));
    expect(sorted(await q.list(roadmapId, { provenance: 'locale' }))).toEqual([localMilestoneId]);
    expect(sorted(await q.list(roadmapId, { provenance: 'exemple' }))).toEqual(await idsWhere('milestone', `provenance = 'exemple'`));
  });

  it('ChronogramQueries: the bars and the milestones with their provenance', async () => {
    const q = new ChronogramQueries(sql);
    const [actions, milestones] = [await provenances('action'), await provenances('milestone')];
    const bars = await q.bars(roadmapId);
    expect(bars.filter((b) => b.provenance?.kind === 'pratique').every((b) => !!b.provenance?.reference)).toBe(true);
    for (const b of bars) expect(b.provenance).toEqual(actions.get(b.id));
    for (const m of await q.milestones(roadmapId)) expect(m.provenance).toEqual(milestones.get(m.id));
  });

  it('RoadmapQueries and PlanningQueries: the phases with their purpose', async () => {
    const expected = await db.query<{ id: string; purpose: string }>(
      'select id, purpose from phase where roadmap_id = $1 order by position',
      [roadmapId],
    );
    expect(expected.every((p) => p.purpose.length > 40)).toBe(true);
    expect((await new RoadmapQueries(sql).phases(roadmapId)).map((p) => ({ id: p.id, purpose: p.purpose }))).toEqual(expected);
    expect((await new PlanningQueries(sql).phases(roadmapId)).map((p) => ({ id: p.id, purpose: p.purpose }))).toEqual(expected);
  });
});
