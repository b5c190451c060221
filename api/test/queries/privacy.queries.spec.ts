import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { ExportQueries } from '../../src/app/privacy/export.queries';
import { PrivacyQueries, RETENTION_RULES } from '../../src/app/privacy/privacy.queries';
import type { SweptColumn } from '../../src/app/privacy/privacy.queries';
import { anonymisationPatterns } from '../../src/app/privacy/sweep-patterns';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The personal data queries, one by one, on a fresh seeded Brest database; what they did is read
 * back with independent SQL.
 */
describe('PrivacyQueries and ExportQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let q: PrivacyQueries;
  let x: ExportQueries;
  let roadmap: { id: string; slug: string };
  let serial = 0;
  const LABEL = 'Ancien·ne responsable';

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    const sql = new Sql(orm.em.fork());
    q = new PrivacyQueries(sql);
    x = new ExportQueries(sql);
    [roadmap] = await db.query('select id, slug from roadmap');
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const tx = <T>(work: (em: EntityManager) => Promise<T>) => orm.em.fork().transactional(work);
  const account = async (name: string, role = 'owner') =>
    (
      await db.query<{ id: string; email: string }>(
        `insert into account (id, created_at, updated_at, name, email, role, active, version)
         values (gen_random_uuid(), now() - interval '1 day', now(), $1, $2, $3, true, 1) returning id, email`,
        [name, `personne${++serial}@privacy.example`, role],
      )
    )[0];
  const count = async (query: string, params: unknown[] = []) => Number(Object.values((await db.query(query, params))[0])[0]);
  /** a Corbeille entry whose snapshot (jsonb) is `snapshot` */
  const trashed = async (snapshot: unknown) =>
    (
      await db.query<{ id: string }>(
        `insert into deleted_item (roadmap_id, item_type, item_id, title, function_id, snapshot)
         select $1, 'action', gen_random_uuid(), 'Supprimée', f.id, $2 from target_function f where f.roadmap_id = $1 limit 1 returning id`,
        [roadmap.id, JSON.stringify(snapshot)],
      )
    )[0].id;

  it('locks an account and reads its state; counts the other active administrators', async () => {
    const a = await account('Aude Lockée', 'admin');
    const row = await tx((em) => q.lockAccount(a.id, em));
    expect(row).toMatchObject({
      id: a.id,
      name: 'Aude Lockée',
      email: a.email,
      role: 'admin',
      active: true,
      version: 1,
      anonymised_at: null,
    });
    const admins = await count(`select count(*) from account where role = 'admin' and active and id <> $1`, [a.id]);
    expect(await tx((em) => q.otherActiveAdmins(a.id, em))).toBe(admins);
    expect(await tx((em) => q.lockAccount('00000000-0000-0000-0000-000000000001', em))).toBeUndefined();
  });

  it('cuts an account off: sessions, links, unread reminders, unsent mails and counters go, feeds are revoked', async () => {
    const a = await account('Coupé Dulien');
    const other = await account('Reste Là');
    for (const who of [a, other]) {
      await db.query(
        `insert into session (id, token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at)
         values (gen_random_uuid(), md5(random()::text), $1, 'c', now(), now(), now() + interval '1 hour')`,
        [who.id],
      );
      await db.query(
        `insert into calendar_feed (id, token_hash, account_id, scope, target_id, label, created_at) values (gen_random_uuid(), md5(random()::text), $1, 'roadmap', $2, 'Flux', now())`,
        [who.id, roadmap.id],
      );
      for (const status of ['pending', 'sent'])
        await db.query(
          `insert into outbox (id, key, account_id, kind, to_address, subject, text_body, html_body, status, next_attempt_at, created_at)
           values (gen_random_uuid(), md5(random()::text), $1, 'digest', $2, 's', 't', 'h', $3, now(), now())`,
          [who.id, who.email, status],
        );
      await db.query(`insert into login_throttle (key, attempts, window_started_at) values ($1, 1, now())`, [
        `email-ip:${who.email}|1.2.3.4`,
      ]);
    }
    await tx((em) => q.cutOff(a.id, a.email.toUpperCase(), em));
    expect(await count('select count(*) from session where account_id = $1', [a.id])).toBe(0);
    expect(await count('select count(*) from calendar_feed where account_id = $1 and revoked_at is null', [a.id])).toBe(0);
    expect(await count(`select count(*) from outbox where account_id = $1 and status = 'pending'`, [a.id])).toBe(0);
    expect(await count(`select count(*) from outbox where account_id = $1 and status = 'sent'`, [a.id])).toBe(1);
    expect(await count('select count(*) from login_throttle where key like $1', [`%${a.email}%`])).toBe(0);
    // the other person keeps everything
    expect(await count('select count(*) from session where account_id = $1', [other.id])).toBe(1);
    expect(await count('select count(*) from calendar_feed where account_id = $1 and revoked_at is null', [other.id])).toBe(1);
    expect(await count('select count(*) from outbox where account_id = $1', [other.id])).toBe(2);
    expect(await count('select count(*) from login_throttle where key like $1', [`%${other.email}%`])).toBe(1);
  });

  it('lists every text, varchar, array and jsonb column but the skipped tables', async () => {
    const columns = await tx((em) => q.sweptColumns(em));
    const names = columns.map((c) => `${c.table_name}.${c.column_name}:${c.kind}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'change_history.comment:text',
        'deleted_item.snapshot:jsonb',
        'roadmap.embed_origins:array',
        'outbox.to_address:text',
      ]),
    );
    expect(names.some((n) => n.startsWith('account.') || n.startsWith('mikro_orm_migrations.'))).toBe(false);
    expect(columns.find((c) => c.table_name === 'outbox' && c.column_name === 'to_address')?.max_length).toBe(320);
  });

  it('sweeps a name as whole words and an e-mail case-insensitively, in text, arrays and JSON', async () => {
    const person = { name: 'Marie Martin', email: 'marie.martin@privacy.example' };
    const [r] = await db.query<{ id: string }>(
      `insert into actor (id, roadmap_id, name, kind, referent, version, created_at, updated_at)
       values (gen_random_uuid(), $1, 'Acteur balayé', 'expert', 'Marie Martin, MARIE.MARTIN@privacy.example ; Anne-Marie Martin ; Marie Martinez',
               1, now(), now()) returning id`,
      [roadmap.id],
    );
    const trash = await trashed(['Marie Martin', { contact: 'Marie.Martin@Privacy.example', other: 'Anne-Marie Martin' }]);
    await db.query(`update roadmap set embed_origins = array['https://a.example', 'Marie Martin'] where id = $1`, [roadmap.id]);
    const sweep = (table: string, column: string, kind: SweptColumn['kind'], max: number | null = null) =>
      tx((em) =>
        q.sweep(
          { table_name: table, column_name: column, kind, max_length: max },
          anonymisationPatterns(person, kind === 'jsonb'),
          LABEL,
          em,
        ),
      );
    expect(await sweep('actor', 'referent', 'text', 300)).toBe(1);
    expect(await sweep('deleted_item', 'snapshot', 'jsonb')).toBe(1);
    expect(await sweep('roadmap', 'embed_origins', 'array')).toBe(1);
    expect(await sweep('actor', 'referent', 'text', 300)).toBe(0);
    const [after] = await db.query<{ referent: string }>('select referent from actor where id = $1', [r.id]);
    expect(after.referent).toBe(`${LABEL}, ${LABEL} ; Anne-Marie Martin ; Marie Martinez`);
    const [snap] = await db.query<{ snapshot: unknown }>('select snapshot from deleted_item where id = $1', [trash]);
    expect(snap.snapshot).toEqual([LABEL, { contact: LABEL, other: 'Anne-Marie Martin' }]);
    expect((await db.query<{ e: string[] }>('select embed_origins as e from roadmap where id = $1', [roadmap.id]))[0].e).toEqual([
      'https://a.example',
      LABEL,
    ]);
    await db.query(`update roadmap set embed_origins = '{}' where id = $1`, [roadmap.id]);
  });

  it('replaces a name shorter than three characters only where it is the whole value', async () => {
    const person = { name: 'Al', email: 'al@privacy.example' };
    const [r] = await db.query<{ id: string }>(
      `insert into actor (id, roadmap_id, name, kind, referent, version, created_at, updated_at)
       values (gen_random_uuid(), $1, 'Acteur court', 'expert', 'Al', 1, now(), now()) returning id`,
      [roadmap.id],
    );
    const [other] = await db.query<{ id: string }>(
      `insert into actor (id, roadmap_id, name, kind, referent, version, created_at, updated_at)
       values (gen_random_uuid(), $1, 'Acteur long', 'expert', 'Alain et Al, au total', 1, now(), now()) returning id`,
      [roadmap.id],
    );
    const trash = await trashed(['Al', 'Alain', 'total']);
    await tx((em) =>
      q.sweep(
        { table_name: 'deleted_item', column_name: 'snapshot', kind: 'jsonb', max_length: null },
        anonymisationPatterns(person, true),
        LABEL,
        em,
      ),
    );
    await tx((em) =>
      q.sweep(
        { table_name: 'actor', column_name: 'referent', kind: 'text', max_length: 300 },
        anonymisationPatterns(person, false),
        LABEL,
        em,
      ),
    );
    expect(await db.query('select referent from actor where id in ($1, $2) order by name', [r.id, other.id])).toEqual([
      { referent: LABEL },
      { referent: 'Alain et Al, au total' },
    ]);
    expect(await db.query('select snapshot from deleted_item where id = $1', [trash])).toEqual([{ snapshot: [LABEL, 'Alain', 'total'] }]);
  });

  it('relabels attendances, rewrites the account and moves every roadmap revision', async () => {
    const a = await account('Réécrit Compte');
    const [meeting] = await db.query<{ id: string }>('select id from meeting limit 1');
    if (meeting)
      await db.query(`insert into meeting_attendee (meeting_id, position, account_id, name) values ($1, 99, $2, 'Vieux Nom')`, [
        meeting.id,
        a.id,
      ]);
    const revisions = await count('select sum(revision) from roadmap');
    const roadmaps = await count('select count(*) from roadmap');
    await tx(async (em) => {
      await q.relabelAttendances(a.id, LABEL, em);
      await q.rewriteAccount(a.id, { name: LABEL, email: 'anonyme-x@anonyme.invalid' }, em);
      await q.bumpAllRevisions(em);
    });
    if (meeting) expect(await db.query('select name from meeting_attendee where account_id = $1', [a.id])).toEqual([{ name: LABEL }]);
    const [row] = await db.query(
      'select name, email, active, password_hash, digest, monthly_summary, version, anonymised_at is not null as anon from account where id = $1',
      [a.id],
    );
    expect(row).toEqual({
      name: LABEL,
      email: 'anonyme-x@anonyme.invalid',
      active: false,
      password_hash: null,
      digest: 'none',
      monthly_summary: false,
      version: 2,
      anon: true,
    });
    expect(await count('select sum(revision) from roadmap')).toBe(revisions + roadmaps);
  });

  it('purges by a retention rule, or only counts on a dry run', async () => {
    const a = await account('Purgé Ancien');
    const today = (await db.query<{ d: string }>(`select to_char(now() at time zone 'Europe/Paris', 'YYYY-MM-DD') as d`))[0].d;
    for (const age of [40, 20])
      await db.query(
        `insert into account_token (id, token_hash, account_id, kind, created_at, expires_at, used_at)
         values (gen_random_uuid(), md5(random()::text), $1, 'reset', now() - make_interval(days => $2), now() - make_interval(days => $2 - 1), now() - make_interval(days => $2))`,
        [a.id, age],
      );
    const rule = RETENTION_RULES.account_token(today, 30);
    const before = await count('select count(*) from account_token where account_id = $1', [a.id]);
    expect(await q.purge('account_token', rule, true)).toBe(1);
    expect(await count('select count(*) from account_token where account_id = $1', [a.id])).toBe(before);
    expect(await q.purge('account_token', rule, false)).toBe(1);
    expect(await db.query(`select (now() - used_at) > interval '30 days' as old from account_token where account_id = $1`, [a.id])).toEqual(
      [{ old: false }],
    );
  });

  it('exports an account without its secrets, and the lines it wrote', async () => {
    const [lead] = await db.query<{ id: string; email: string }>(
      `select id, email from account where email = 'camille.legoff@brest.example'`,
    );
    const account = await x.account(lead.id);
    expect(account).toMatchObject({ id: lead.id, email: lead.email, role: 'lead', digest: expect.any(String) });
    expect(Object.keys(account!)).not.toContain('passwordHash');
    const lines = await count('select count(*) from change_history where actor_id = $1', [lead.id]);
    const history = await x.history(lead.id);
    expect(history).toHaveLength(lines);
    if (history.length)
      expect(history[0]).toMatchObject({ roadmap: roadmap.slug, itemType: expect.any(String), field: expect.any(String) });
    const owned = await x.ownedFunctions(lead.id);
    expect(owned.length).toBe(await count('select count(*) from target_function where owner_id = $1', [lead.id]));
    const reads = [
      'sessions',
      'calendarFeeds',
      'notifications',
      'emails',
      'ownedActions',
      'ownedMilestones',
      'measurements',
      'evidence',
      'baselines',
      'meetings',
      'decisions',
    ] as const;
    for (const read of reads) expect(Array.isArray(await (x[read] as (id: string) => Promise<unknown>).call(x, lead.id))).toBe(true);
  });
});
