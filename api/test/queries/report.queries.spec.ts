import { MikroORM } from '@mikro-orm/postgresql';

import { ReportQueries } from '../../src/app/report/report.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The council report's own queries on the seeded Brest database, with history lines written here at
 * chosen instants: Paris days at their edges (23:30 UTC on 30 June is already 1 July in Paris).
 */
describe('report queries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let q: ReportQueries;
  let roadmapId: string;
  let actorId: string;
  let a: string;
  let b: string;
  let c: string;

  const line = (itemId: string, at: string, field: string, to: string | null, comment: string | null) =>
    db.query(
      `insert into change_history (id, roadmap_id, item_type, item_id, actor_id, at, field, from_value, to_value, comment)
       values (gen_random_uuid(), $1, 'action', $2, $3, $4, $5, null, $6, $7)`,
      [roadmapId, itemId, actorId, at, field, to, comment],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    q = new ReportQueries(new Sql(orm.em.fork()));
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    [{ id: actorId }] = await db.query<{ id: string }>(`select id from account where email = 'camille.legoff@brest.example'`);
    // three actions of our own (no seeded history line of theirs to weigh in)
    const fn = (
      await db.query<{ id: string; phase: string }>(
        `select f.id, (select id from phase where roadmap_id = $1 order by position limit 1) as phase from target_function f where f.roadmap_id = $1 limit 1`,
        [roadmapId],
      )
    )[0];
    const made = await db.query<{ id: string }>(
      `insert into action (id, created_at, updated_at, roadmap_id, function_id, phase_id, title, description, start_date, due_date, status, progress, version)
       select gen_random_uuid(), now(), now(), $1, $2, $3, 'Action de requête ' || g, '', '2026-01-01', '2026-06-30', 'en_cours', 10, 1
       from generate_series(1, 3) g returning id`,
      [roadmapId, fn.id, fn.phase],
    );
    [a, b, c] = made.map((r) => r.id);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('lastComments: each item’s latest comment by the end of the Paris day, its day and author; the kit’s note and blanks left out', async () => {
    await line(a, '2026-05-02T08:00:00Z', 'created', 'a_lancer 0 %', 'Créée depuis le kit (spld)');
    await line(a, '2026-06-10T08:00:00Z', 'progress', '20', 'Premier point.');
    await line(a, '2026-06-30T21:30:00Z', 'progress', '30', 'Le 30 juin au soir, heure de Paris.');
    await line(a, '2026-06-30T22:30:00Z', 'progress', '40', 'Déjà le 1er juillet à Paris.');
    await line(b, '2026-05-02T08:00:00Z', 'created', 'a_lancer 0 %', 'Créée depuis le kit (spld)');
    await line(b, '2026-06-12T08:00:00Z', 'status', 'en_cours', '   ');
    const rows = await q.lastComments([a, b, c], '2026-06-30');
    expect(rows).toEqual([{ item_id: a, comment: 'Le 30 juin au soir, heure de Paris.', on: '2026-06-30', by: 'Camille Le Goff' }]);
    const later = await q.lastComments([a], '2026-07-01');
    expect(later.map((r) => [r.comment, r.on])).toEqual([['Déjà le 1er juillet à Paris.', '2026-07-01']]);
    expect(await q.lastComments([], '2026-07-01')).toEqual([]);
  });

  it('actionsDone: actions set to « terminée » within the Paris days asked, with the latest such day; creation lines not counted', async () => {
    await line(b, '2026-03-31T22:30:00Z', 'status', 'terminee', null); // 1 April in Paris
    await line(b, '2026-04-20T08:00:00Z', 'status', 'en_cours', null);
    await line(b, '2026-04-25T08:00:00Z', 'status', 'terminee', null);
    await line(c, '2026-03-31T21:30:00Z', 'status', 'terminee', null); // still 31 March in Paris
    await line(c, '2026-04-10T08:00:00Z', 'created', 'terminee 100 %', null);
    const rows = await q.actionsDone(roadmapId, '2026-04-01', '2026-04-30');
    expect(rows.filter((r) => [a, b, c].includes(r.id))).toEqual([{ id: b, achieved_on: '2026-04-25' }]);
    const first = await q.actionsDone(roadmapId, '2026-04-01', '2026-04-01');
    expect(first.filter((r) => [a, b, c].includes(r.id))).toEqual([{ id: b, achieved_on: '2026-04-01' }]);
    const march = await q.actionsDone(roadmapId, '2026-03-31', '2026-03-31');
    expect(march.filter((r) => [a, b, c].includes(r.id))).toEqual([{ id: c, achieved_on: '2026-03-31' }]);
  });
});
