import { MikroORM } from '@mikro-orm/postgresql';

import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { SummaryQueries } from '../../src/app/summaries/summaries.queries';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The summaries feature's queries, one by one, on the seeded Brest database: each person's choice,
 * who is still owed the month's summary, and what a summary says (moves, late items, milestones to come).
 */
describe('summaries queries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let q: SummaryQueries;
  let roadmapId: string;
  const people: Record<'elected' | 'owner' | 'inactive' | 'optedOut', string> = { elected: '', owner: '', inactive: '', optedOut: '' };

  const account = async (email: string, role: string, active = true) =>
    (
      await db.query<{ id: string }>(
        `insert into account (id, created_at, updated_at, name, email, role, active, version) values (gen_random_uuid(), now(), now(), $1, $2, $3, $4, 1) returning id`,
        [email.split('@')[0], email, role, active],
      )
    )[0].id;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    q = new SummaryQueries(new Sql(orm.em.fork()));
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    await db.query(`update account set role = 'owner', monthly_summary = null where role = 'elected'`);
    people.elected = await account('elue@test.example', 'elected');
    people.owner = await account('responsable@test.example', 'owner');
    people.inactive = await account('parti@test.example', 'elected', false);
    people.optedOut = await account('non-merci@test.example', 'elected');
    await db.query(`update account set monthly_summary = false where id = $1`, [people.optedOut]);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('reads and writes a person’s choice, the role deciding until they choose', async () => {
    expect(await q.enabled(people.elected)).toBe(true);
    expect(await q.enabled(people.owner)).toBe(false);
    expect(await q.enabled(people.optedOut)).toBe(false);
    await q.setEnabled(people.owner, true);
    expect(await q.enabled(people.owner)).toBe(true);
    await q.setEnabled(people.owner, false);
    expect(await q.enabled(people.owner)).toBe(false);
    expect(await db.query(`select monthly_summary from account where id = $1`, [people.owner])).toEqual([{ monthly_summary: false }]);
    expect(await q.enabled('00000000-0000-4000-8000-000000000000')).toBe(false);
  });

  it('lists who is still owed a month’s summary: active readers who receive it, open roadmaps, none already in the outbox', async () => {
    await q.setEnabled(people.owner, true);
    const ids = async (month: string) => (await q.pending(month)).map((r) => [r.account_id, r.roadmap_id]);
    // by roadmap, then by name: « elue » before « responsable »
    expect(await ids('2026-12')).toEqual([
      [people.elected, roadmapId],
      [people.owner, roadmapId],
    ]);
    await db.query(
      `insert into outbox (id, key, account_id, kind, to_address, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
       values (gen_random_uuid(), $1, $2, 'summary', 'elue@test.example', 's', 't', 'h', 'sent', 1, now(), now())`,
      [`summary:${people.elected}:${roadmapId}:2026-12`, people.elected],
    );
    expect(await ids('2026-12')).toEqual([[people.owner, roadmapId]]);
    expect(await ids('2027-01')).toHaveLength(2); // another month: owed again
    await db.query(`update roadmap set closed_at = now() where id = $1`, [roadmapId]);
    expect(await ids('2027-01')).toEqual([]);
    await db.query(`update roadmap set closed_at = null where id = $1`, [roadmapId]);
    await db.query('delete from outbox');
  });

  it('finds last month’s moves in Europe/Paris days: the latest status of each action, milestones reached', async () => {
    const [a, b] = await db.query<{ id: string; title: string }>(`select id, title from action where roadmap_id = $1 order by id limit 2`, [
      roadmapId,
    ]);
    const [m] = await db.query<{ id: string; title: string }>(`select id, title from milestone where roadmap_id = $1 order by id limit 1`, [
      roadmapId,
    ]);
    const line = (type: string, id: string, at: string, field: string, to: string | null) =>
      db.query(
        `insert into change_history (id, roadmap_id, item_type, item_id, at, field, to_value) values (gen_random_uuid(), $1, $2, $3, $4, $5, $6)`,
        [roadmapId, type, id, at, field, to],
      );
    await line('action', a.id, '2031-10-31T23:30:00Z', 'status', 'en_cours'); // 1 November 00:30 in Paris
    await line('action', a.id, '2031-11-10T09:00:00Z', 'status', 'terminee');
    await line('action', a.id, '2031-11-11T09:00:00Z', 'progress', '100'); // not a status
    await line('action', b.id, '2031-11-30T23:30:00Z', 'status', 'bloquee'); // 1 December in Paris
    await line('milestone', m.id, '2031-11-20T09:00:00Z', 'achievedOn', '2031-11-19');
    await line('milestone', m.id, '2031-11-05T09:00:00Z', 'achievedOn', null); // un-reached earlier: not a move
    await line('action', '00000000-0000-4000-8000-000000000000', '2031-11-12T09:00:00Z', 'status', 'terminee'); // deleted since
    expect(await q.moved(roadmapId, '2031-11-01', '2031-11-30')).toEqual([
      { item_type: 'action', item_id: a.id, title: a.title, function_name: expect.any(String), to_value: 'terminee', day: '2031-11-10' },
      {
        item_type: 'milestone',
        item_id: m.id,
        title: m.title,
        function_name: expect.any(String),
        to_value: '2031-11-19',
        day: '2031-11-20',
      },
    ]);
    expect((await q.moved(roadmapId, '2031-12-01', '2031-12-31')).map((r) => [r.item_id, r.to_value])).toEqual([[b.id, 'bloquee']]);
  });

  it('lists what is late on a day with its owner (the item’s, else its function’s), and the milestones to come', async () => {
    const [act] = await db.query<{ id: string; function_id: string }>(
      `select id, function_id from action where roadmap_id = $1 and start_date <= '2031-06-01' order by id limit 1`,
      [roadmapId],
    );
    const [ms] = await db.query<{ id: string }>(`select id from milestone where roadmap_id = $1 order by id desc limit 1`, [roadmapId]);
    await db.query(`update action set status = 'terminee', progress = 100`);
    await db.query(`update milestone set achieved_on = milestone_date`);
    await db.query(`update action set status = 'en_cours', due_date = '2031-06-01', owner_id = $2 where id = $1`, [act.id, people.owner]);
    await db.query(`update milestone set milestone_date = '2031-06-10', achieved_on = null, owner_id = null where id = $1`, [ms.id]);
    const late = await q.late(roadmapId, '2031-06-15');
    expect(late.map((r) => [r.item_type, r.item_id, r.date, r.owner_name])).toEqual([
      ['action', act.id, '2031-06-01', 'responsable'],
      ['milestone', ms.id, '2031-06-10', expect.anything()],
    ]);
    const fnOwner = await db.query<{ name: string | null }>(
      `select o.name from milestone m join target_function f on f.id = m.function_id left join account o on o.id = f.owner_id where m.id = $1`,
      [ms.id],
    );
    expect(late[1].owner_name).toBe(fnOwner[0].name);
    expect(await q.late(roadmapId, '2031-06-01')).toEqual([]); // due that day: not late yet
    expect((await q.nextMilestones(roadmapId, '2031-06-01', '2031-07-31')).map((r) => r.item_id)).toEqual([ms.id]);
    expect(await q.nextMilestones(roadmapId, '2031-06-11', '2031-07-31')).toEqual([]);
    await db.query(`update action set status = 'abandonnee' where id = $1`, [act.id]);
    expect((await q.late(roadmapId, '2031-06-15')).map((r) => r.item_id)).toEqual([ms.id]);
  });
});
