import { MikroORM } from '@mikro-orm/postgresql';

import { AccountsQueries } from '../../src/app/accounts/accounts.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The administrator's account queries, one by one, on a fresh seeded Brest database. What a query
 * wrote is read back with independent SQL; a lock is shown by a second connection that cannot take it.
 */
describe('AccountsQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let q: AccountsQueries;
  let serial = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    q = new AccountsQueries(new Sql(orm.em.fork()));
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const em = () => orm.em.fork();
  const one = async <T>(query: string, params: unknown[] = []) => (await db.query<T>(query, params))[0];
  const newAccount = () => q.insert({ name: `Compte ${++serial}`, email: `compte${serial}@accounts.example`, role: 'owner' }, em());
  const functionsOf = async (accountId: string) =>
    (await db.query<{ id: string }>('select id from target_function where owner_id = $1 order by id', [accountId])).map((r) => r.id);

  it('lists every account, active first then by name, with the functions each owns and an open invitation', async () => {
    const off = await newAccount();
    await db.query('update account set active = false where id = $1', [off]);
    const invited = await newAccount();
    await db.query(
      `insert into account_token (id, token_hash, account_id, kind, created_at, expires_at)
       values (gen_random_uuid(), 'invited', $1, 'invitation', now(), now() + interval '2 days')`,
      [invited],
    );
    const rows = await q.list();
    expect(rows).toHaveLength(Number((await one<{ n: string }>('select count(*) as n from account')).n));
    expect(rows.at(-1)?.id).toBe(off);
    const order = await db.query<{ id: string }>('select id from account order by active desc, lower(name)');
    expect(rows.map((r) => r.id)).toEqual(order.map((r) => r.id));
    const lead = rows.find((r) => r.email === 'camille.legoff@brest.example')!;
    const central = await one<{ id: string; roadmap_id: string }>('select id, roadmap_id from target_function where central');
    expect(lead.functions).toEqual([expect.objectContaining({ id: central.id, roadmapId: central.roadmap_id })]);
    expect(rows.find((r) => r.id === invited)).toMatchObject({ has_password: false, invitation_expires_at: expect.any(String) });
    expect(lead.invitation_expires_at).toBeNull();
  });

  it('reads one account by id (undefined for an unknown id), in the transaction when given one', async () => {
    const id = await newAccount();
    expect(await q.byId(id)).toMatchObject({ id, name: `Compte ${serial}`, role: 'owner', active: true, version: 1, functions: [] });
    expect(await q.byId('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    const seen = await em().transactional(async (tx) => {
      const created = await q.insert({ name: 'Pas encore validé', email: 'uncommitted@accounts.example', role: 'elected' }, tx);
      return { inside: await q.byId(created, tx), outside: await q.byId(created) };
    });
    expect(seen.inside?.name).toBe('Pas encore validé');
    expect(seen.outside).toBeUndefined();
  });

  it('creates an account without a password, then finds it by its (lower-cased) e-mail', async () => {
    const id = await q.insert({ name: 'Awen Le Gall', email: 'awen.legall@accounts.example', role: 'elected' }, em());
    expect(await one('select name, role, active, password_hash, version from account where id = $1', [id])).toEqual({
      name: 'Awen Le Gall',
      role: 'elected',
      active: true,
      password_hash: null,
      version: 1,
    });
    expect(await q.idByEmail('awen.legall@accounts.example', em())).toBe(id);
    expect(await q.idByEmail('personne@accounts.example', em())).toBeUndefined();
  });

  it('serialises account changes: while a transaction holds the accounts lock, no other can take it', async () => {
    const free = async () => (await one<{ ok: boolean }>(`select pg_try_advisory_xact_lock(hashtext('jalons:accounts')) as ok`)).ok;
    const held = await em().transactional(async (tx) => {
      await q.lockAll(tx);
      return free();
    });
    expect(held).toBe(false);
    expect(await free()).toBe(true);
  });

  it('reads an account’s version, name, role, activity and anonymisation with its row locked until the transaction ends', async () => {
    const id = await newAccount();
    const lockedElsewhere = () =>
      db.query('select 1 from account where id = $1 for update nowait', [id]).then(
        () => false,
        (e: { code?: string }) => e.code === '55P03', // lock_not_available
      );
    const seen = await em().transactional(async (tx) => ({ state: await q.lockState(id, tx), locked: await lockedElsewhere() }));
    const name = (await db.query<{ name: string }>('select name from account where id = $1', [id]))[0].name;
    expect(seen).toEqual({ state: { version: 1, name, role: 'owner', active: true, anonymised: false }, locked: true });
    expect(await lockedElsewhere()).toBe(false);
    await db.query('update account set anonymised_at = now(), active = false where id = $1', [id]);
    expect(await q.lockState(id, em())).toEqual({ version: 1, name, role: 'owner', active: false, anonymised: true });
    expect(await q.lockState('00000000-0000-4000-8000-000000000000', em())).toBeUndefined();
  });

  it('counts the other active administrators', async () => {
    const admins = async () => Number((await one<{ n: string }>(`select count(*) as n from account where role = 'admin' and active`)).n);
    const before = await admins();
    const admin = await q.insert({ name: 'Admin', email: 'admin@accounts.example', role: 'admin' }, em());
    expect(await q.otherActiveAdmins(admin, em())).toBe(before);
    expect(await q.otherActiveAdmins('00000000-0000-4000-8000-000000000000', em())).toBe(before + 1);
  });

  it('updates the name (kept when null), role and activity, and moves the version', async () => {
    const id = await newAccount();
    await q.update(id, { name: null, role: 'elected', active: false }, em());
    expect(await one('select name, role, active, version from account where id = $1', [id])).toEqual({
      name: `Compte ${serial}`,
      role: 'elected',
      active: false,
      version: 2,
    });
    await q.update(id, { name: 'Renommé', role: 'owner', active: true }, em());
    expect(await one('select name, version from account where id = $1', [id])).toEqual({ name: 'Renommé', version: 3 });
  });

  it('keeps only the function ids that exist', async () => {
    const [a, b] = (await db.query<{ id: string }>('select id from target_function order by id limit 2')).map((r) => r.id);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await q.existingFunctions([a, unknown, b], em())).sort()).toEqual([a, b]);
    expect(await q.existingFunctions([unknown], em())).toEqual([]);
  });

  it('makes an account own exactly the functions given, taken from their owners, and names the roadmaps touched once', async () => {
    const [f1, f2] = await db.query<{ id: string; owner_id: string | null; roadmap_id: string }>(
      'select id, owner_id, roadmap_id from target_function where owner_id is not null and not central order by id limit 2',
    );
    const id = await newAccount();
    expect(await q.setOwnedFunctions(id, [f1.id, f2.id], em())).toEqual([f1.roadmap_id]);
    expect(await functionsOf(id)).toEqual([f1.id, f2.id]);
    expect(await functionsOf(f1.owner_id!)).not.toContain(f1.id);
    expect(await q.setOwnedFunctions(id, [f1.id, f2.id], em())).toEqual([]); // nothing changed hands
    expect(await q.setOwnedFunctions(id, [f2.id], em())).toEqual([f2.roadmap_id]);
    expect(await one('select owner_id from target_function where id = $1', [f1.id])).toEqual({ owner_id: null });
    expect(await q.setOwnedFunctions(id, [], em())).toEqual([f2.roadmap_id]);
    expect(await functionsOf(id)).toEqual([]);
  });

  it('gives the roadmaps named a new revision', async () => {
    const revision = async () => await one<{ id: string; revision: number }>('select id, revision from roadmap limit 1');
    const before = await revision();
    await q.bumpRevisions([before.id], em());
    expect((await revision()).revision).toBe(before.revision + 1);
  });
});
