import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { PastStateQueries } from '../../src/app/roadmaps/past-state.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The queries of a read at a past day (ADR 0020), on the seeded Brest database: the history lines after
 * a day (cut at midnight in Europe/Paris, not UTC), the items with their ids, the Corbeille's items as
 * their deletion kept them. Expected figures are read with independent SQL.
 */
describe('past-state queries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let q: PastStateQueries;
  let roadmapId: string;
  let em: EntityManager;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    em = orm.em.fork();
    q = new PastStateQueries(new Sql(em));
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('reads every line of the replayed fields, or those after a day, each with its day in Europe/Paris, oldest first per item', async () => {
    const all = await q.linesAfter(roadmapId, null);
    const [{ n }] = await db.query<{ n: number }>(
      `select count(*)::int as n from change_history where roadmap_id = $1 and field in ('created', 'deleted', 'restored', 'status', 'progress', 'start', 'due', 'date', 'achievedOn', 'title', 'function', 'phase', 'volet')`,
      [roadmapId],
    );
    expect(all).toHaveLength(n);
    // the seed writes its lines at 10:00 in Paris: the day is the seed's
    expect(all).toContainEqual(expect.objectContaining({ day: '2025-06-02', field: 'progress', from_value: '20' }));
    for (let i = 1; i < all.length; i++) {
      if (all[i].item_id === all[i - 1].item_id) expect(all[i].day >= all[i - 1].day).toBe(true);
    }
    const after = await q.linesAfter(roadmapId, '2026-06-30');
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((l) => l.day > '2026-06-30')).toBe(true);
    expect(after).toHaveLength(all.filter((l) => l.day > '2026-06-30').length);
  });

  it('cuts a day at midnight in Paris: a line at 23:30 Paris time (21:30 UTC in summer) belongs to its Paris day', async () => {
    const [{ id }] = await db.query<{ id: string }>('select id from action where roadmap_id = $1 limit 1', [roadmapId]);
    await db.query(
      `insert into change_history (id, roadmap_id, item_type, item_id, at, field, from_value, to_value)
       values (gen_random_uuid(), $1, 'action', $2, '2026-07-14T21:30:00Z', 'title', 'Avant', 'Après'),
              (gen_random_uuid(), $1, 'action', $2, '2026-07-14T22:30:00Z', 'description', 'a', 'b')`,
      [roadmapId, id],
    );
    const on14 = await q.linesAfter(roadmapId, '2026-07-13');
    expect(on14).toContainEqual(expect.objectContaining({ item_id: id, day: '2026-07-14', field: 'title' }));
    expect((await q.linesAfter(roadmapId, '2026-07-14')).some((l) => l.item_id === id && l.field === 'title')).toBe(false);
    // a field the replay does not walk back is not read
    expect(on14.some((l) => l.field === 'description')).toBe(false);
  });

  it('reads the actions and milestones with their ids and what a replay changes', async () => {
    const light = await q.progress(roadmapId);
    const stored = await db.query<Record<string, unknown>>(
      `select id, function_id as "functionId", phase_id as "phaseId", title, volet, to_char(start_date, 'YYYY-MM-DD') as start,
              to_char(due_date, 'YYYY-MM-DD') as due, status, progress from action where roadmap_id = $1`,
      [roadmapId],
    );
    expect(light).toHaveLength(stored.length);
    expect(light).toEqual(expect.arrayContaining(stored));
    const dates = await q.milestoneDates(roadmapId);
    const milestones = await db.query<Record<string, unknown>>(
      `select id, function_id as "functionId", phase_id as "phaseId", title, to_char(milestone_date, 'YYYY-MM-DD') as date,
              to_char(achieved_on, 'YYYY-MM-DD') as "achievedOn" from milestone where roadmap_id = $1`,
      [roadmapId],
    );
    expect(dates).toHaveLength(milestones.length);
    expect(dates).toEqual(expect.arrayContaining(milestones));
    expect(dates.filter((x) => x.achievedOn).length).toBeGreaterThan(0);
  });

  it('reads the Corbeille’s actions and milestones deleted after a day, as their snapshot kept them', async () => {
    const [action] = await db.query<{ id: string; title: string; status: string; progress: number; due_date: string }>(
      `select id, title, status, progress, to_char(due_date, 'YYYY-MM-DD') as due_date from action where roadmap_id = $1 and status = 'terminee' limit 1`,
      [roadmapId],
    );
    const [milestone] = await db.query<{ id: string }>(
      'select id from milestone where roadmap_id = $1 and achieved_on is not null limit 1',
      [roadmapId],
    );
    const [pred] = await db.query<{ id: string }>('select id from action where roadmap_id = $1 and id <> $2 limit 1', [
      roadmapId,
      action.id,
    ]);
    for (const [type, table, item] of [
      ['action', 'action', action.id],
      ['milestone', 'milestone', milestone.id],
    ] as const) {
      await db.query(
        `insert into deleted_item (roadmap_id, item_type, item_id, title, function_id, snapshot, deleted_at)
         select i.roadmap_id, $1, i.id, i.title, i.function_id,
                jsonb_build_object('row', to_jsonb(i), 'functionName', 'F', 'predecessors', jsonb_build_array($3::text), 'successors', '[]'::jsonb),
                '2026-10-01T08:00:00Z'
           from ${table} i where i.id = $2`,
        [type, item, pred.id],
      );
    }
    const deleted = await q.deletedActions(roadmapId, '2026-09-30');
    expect(deleted).toEqual([
      expect.objectContaining({
        id: action.id,
        title: action.title,
        status: action.status,
        progress: action.progress,
        due: action.due_date,
        predecessorIds: [pred.id],
      }),
    ]);
    expect(await q.deletedMilestones(roadmapId, '2026-09-30')).toEqual([
      expect.objectContaining({ id: milestone.id, achievedOn: expect.any(String) }),
    ]);
    expect(await q.deletedActions(roadmapId, '2026-10-01')).toEqual([]);
    expect(await q.deletedMilestones(roadmapId, null)).toHaveLength(1);
  });
});
