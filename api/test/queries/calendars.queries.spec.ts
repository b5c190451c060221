import { MikroORM } from '@mikro-orm/postgresql';

import { CalendarsQueries } from '../../src/app/calendars/calendars.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The calendar feeds' queries, one by one, on a fresh seeded Brest database. Expected figures
 * are read from the tables with independent SQL.
 */
describe('CalendarsQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let q: CalendarsQueries;
  let lead: { id: string; name: string };
  let roadmap: { id: string; slug: string; territory: string; mandate_label: string };
  let serial = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    q = new CalendarsQueries(new Sql(orm.em.fork()));
    [lead] = await db.query(`select id, name from account where email = 'camille.legoff@brest.example'`);
    [roadmap] = await db.query('select id, slug, territory, mandate_label from roadmap');
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const count = async (query: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(query, params))[0].n);
  const feedOf = (accountId: string, hash = `feed-${++serial}`) =>
    q.insert({ tokenHash: hash, accountId, scope: 'roadmap', targetId: roadmap.id, label: `Flux ${serial}` });
  const account = async () =>
    (
      await db.query<{ id: string }>(
        `insert into account (id, created_at, updated_at, name, email, role, active, version)
         values (gen_random_uuid(), now(), now(), 'Abonné', $1, 'elected', true, 1) returning id`,
        [`abonne${++serial}@calendars.example`],
      )
    )[0].id;

  it('stores a feed under its token hash and returns it as listed (ISO instants, not revoked)', async () => {
    const feed = await feedOf(lead.id, 'stored-hash');
    expect(feed).toEqual({
      id: expect.any(String),
      scope: 'roadmap',
      targetId: roadmap.id,
      label: `Flux ${serial}`,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      revokedAt: null,
    });
    expect(await db.query('select account_id from calendar_feed where token_hash = $1', ['stored-hash'])).toEqual([
      { account_id: lead.id },
    ]);
  });

  it('names the target of each scope, and nothing for an unknown target', async () => {
    const central = (await db.query<{ id: string; name: string }>('select id, name from target_function where central'))[0];
    expect(await q.targetLabel('person', lead.id)).toBe(`Échéances de ${lead.name}`);
    expect(await q.targetLabel('function', central.id)).toBe(`${central.name} — ${roadmap.territory}`);
    expect(await q.targetLabel('roadmap', roadmap.id)).toBe(`${roadmap.territory} — ${roadmap.mandate_label}`);
    expect(await q.targetLabel('function', roadmap.id)).toBeUndefined();
  });

  it('lists an account’s own feeds, live first and newest first', async () => {
    const owner = await account();
    const older = await feedOf(owner);
    const revoked = await feedOf(owner);
    const newer = await feedOf(owner);
    await db.query(`update calendar_feed set created_at = now() - interval '1 day' where id = $1`, [older.id]);
    await q.revoke(revoked.id, owner, false);
    await feedOf(await account());
    expect((await q.ofAccount(owner)).map((f) => f.id)).toEqual([newer.id, older.id, revoked.id]);
  });

  it('revokes a feed for its owner or an administrator only, keeping the first revocation’s instant', async () => {
    const owner = await account();
    const feed = await feedOf(owner);
    expect(await q.revoke(feed.id, lead.id, false)).toBe(false);
    expect(await q.revoke(feed.id, owner, false)).toBe(true);
    const [first] = await db.query<{ revoked_at: Date }>('select revoked_at from calendar_feed where id = $1', [feed.id]);
    expect(first.revoked_at).toBeInstanceOf(Date);
    expect(await q.revoke(feed.id, lead.id, true)).toBe(true);
    expect(await db.query('select revoked_at from calendar_feed where id = $1', [feed.id])).toEqual([first]);
    expect(await q.revoke('00000000-0000-4000-8000-000000000000', owner, true)).toBe(false);
  });

  it('opens a live feed by its token hash; not a revoked one, nor one of a deactivated account', async () => {
    const owner = await account();
    await feedOf(owner, 'live-hash');
    expect(await q.byToken('live-hash')).toEqual({ scope: 'roadmap', target_id: roadmap.id, label: `Flux ${serial}` });
    const revoked = await feedOf(owner, 'revoked-hash');
    await q.revoke(revoked.id, owner, false);
    expect(await q.byToken('revoked-hash')).toBeUndefined();
    await db.query('update account set active = false where id = $1', [owner]);
    expect(await q.byToken('live-hash')).toBeUndefined();
    expect(await q.byToken('unknown-hash')).toBeUndefined();
  });

  it('publishes a roadmap’s dated items (abandoned actions left out), by day', async () => {
    const events = await q.events('roadmap', roadmap.id);
    const actions = await count(`select count(*) as n from action where roadmap_id = $1 and status <> 'abandonnee'`, [roadmap.id]);
    const milestones = await count('select count(*) as n from milestone where roadmap_id = $1', [roadmap.id]);
    expect(events.filter((e) => e.kind === 'action')).toHaveLength(actions);
    expect(events.filter((e) => e.kind === 'milestone')).toHaveLength(milestones);
    expect(events.map((e) => e.day)).toEqual(events.map((e) => e.day).sort());
    expect(events[0]).toMatchObject({
      function_name: expect.any(String),
      territory: roadmap.territory,
      roadmap_slug: roadmap.slug,
      day: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
    });
  });

  it('publishes a function’s items, and a person’s: the items they own, or those without an owner of a function they own', async () => {
    const central = (await db.query<{ id: string }>('select id from target_function where central'))[0].id;
    const ofFunction = await q.events('function', central);
    expect(ofFunction).toHaveLength(
      (await count(`select count(*) as n from action where function_id = $1 and status <> 'abandonnee'`, [central])) +
        (await count('select count(*) as n from milestone where function_id = $1', [central])),
    );
    // a milestone the lead owns in a function they do not own is theirs; its function's owner's no more
    const [given] = await db.query<{ id: string }>(
      `update milestone set owner_id = $1 where id = (select m.id from milestone m join target_function f on f.id = m.function_id
        where f.owner_id is distinct from $1 order by m.id limit 1) returning id`,
      [lead.id],
    );
    const ofPerson = await q.events('person', lead.id);
    expect(ofPerson.map((e) => e.id)).toContain(given.id);
    const expected =
      (await count(
        `select count(*) as n from action a join target_function f on f.id = a.function_id
          where coalesce(a.owner_id, f.owner_id) = $1 and a.status <> 'abandonnee'`,
        [lead.id],
      )) +
      (await count(
        'select count(*) as n from milestone m join target_function f on f.id = m.function_id where coalesce(m.owner_id, f.owner_id) = $1',
        [lead.id],
      ));
    expect(ofPerson).toHaveLength(expected);
    expect(expected).toBeGreaterThan(0);
  });
});
