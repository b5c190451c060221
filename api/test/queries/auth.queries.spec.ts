import { MikroORM } from '@mikro-orm/postgresql';

import { AuthQueries } from '../../src/app/auth/auth.queries';
import { SessionsQueries } from '../../src/app/auth/sessions.queries';
import { ThrottleQueries } from '../../src/app/auth/throttle.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * Sign-in's queries, one by one, on a fresh seeded database: credentials and one-time links
 * (AuthQueries), sessions (SessionsQueries), sign-in counters (ThrottleQueries). Each test makes
 * its own account, and reads what a query did with independent SQL.
 */
describe('auth queries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let auth: AuthQueries;
  let sessions: SessionsQueries;
  let throttle: ThrottleQueries;
  let serial = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    const sql = new Sql(orm.em.fork());
    [auth, sessions, throttle] = [new AuthQueries(sql), new SessionsQueries(sql), new ThrottleQueries(sql)];
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  /** A new account (active, no password unless given); its id and e-mail. */
  const account = async (options: { active?: boolean; password?: string } = {}) => {
    const email = `compte${++serial}@auth.example`;
    const [{ id }] = await db.query<{ id: string }>(
      `insert into account (id, created_at, updated_at, name, email, role, active, password_hash, version)
       values (gen_random_uuid(), now(), now(), $1, $2, 'owner', $3, $4, 1) returning id`,
      [`Compte ${serial}`, email, options.active ?? true, options.password ?? null],
    );
    return { id, email };
  };
  const one = async <T>(query: string, params: unknown[] = []) => (await db.query<T>(query, params))[0];

  describe('AuthQueries: credentials', () => {
    it('finds an account by e-mail, active or not, with its password hash', async () => {
      const a = await account({ password: 'hash-a' });
      const off = await account({ active: false });
      expect(await auth.credentialsByEmail(a.email)).toEqual({ id: a.id, active: true, password_hash: 'hash-a' });
      expect(await auth.credentialsByEmail(off.email)).toEqual({ id: off.id, active: false, password_hash: null });
      expect(await auth.credentialsByEmail('personne@auth.example')).toBeUndefined();
    });

    it('reads a password hash: null without a password, undefined without an account', async () => {
      const a = await account({ password: 'hash-b' });
      const b = await account();
      expect(await auth.passwordHash(a.id)).toBe('hash-b');
      expect(await auth.passwordHash(b.id)).toBeNull();
      expect(await auth.passwordHash('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('changes a password keeping the version, or from a link with a new version', async () => {
      const a = await account();
      await auth.setPassword(a.id, 'changed');
      expect(await one('select password_hash, version from account where id = $1', [a.id])).toEqual({
        password_hash: 'changed',
        version: 1,
      });
      await orm.em.fork().transactional((tx) => auth.setPasswordFromLink(a.id, 'from-link', tx));
      expect(await one('select password_hash, version from account where id = $1', [a.id])).toEqual({
        password_hash: 'from-link',
        version: 2,
      });
    });

    it('finds the active account of an e-mail only (a reset goes to nobody else)', async () => {
      const a = await account();
      const off = await account({ active: false });
      expect(await auth.activeByEmail(a.email)).toEqual({ id: a.id, name: expect.stringMatching(/^Compte/), email: a.email });
      expect(await auth.activeByEmail(off.email)).toBeUndefined();
    });
  });

  describe('AuthQueries: one-time links', () => {
    const em = () => orm.em.fork();

    it('stores a token valid for its minutes and ends the earlier unused ones of that kind only', async () => {
      const a = await account();
      await auth.insertToken({ tokenHash: 'old-invitation', accountId: a.id, kind: 'invitation' }, 60, em());
      await auth.insertToken({ tokenHash: 'old-reset', accountId: a.id, kind: 'reset' }, 60, em());
      await auth.endUnusedTokens(a.id, 'invitation', em());
      const expiresAt = await auth.insertToken({ tokenHash: 'new-invitation', accountId: a.id, kind: 'invitation' }, 90, em());
      expect(Math.abs(expiresAt.getTime() - Date.now() - 90 * 60_000)).toBeLessThan(60_000);
      const rows = await db.query<{ token_hash: string; used: boolean }>(
        'select token_hash, used_at is not null as used from account_token where account_id = $1 order by token_hash',
        [a.id],
      );
      expect(rows).toEqual([
        { token_hash: 'new-invitation', used: false },
        { token_hash: 'old-invitation', used: true },
        { token_hash: 'old-reset', used: false },
      ]);
    });

    it('spends every unused token of the account, of both kinds, and no other account’s', async () => {
      const a = await account();
      const b = await account();
      await auth.insertToken({ tokenHash: 'spent-invitation', accountId: a.id, kind: 'invitation' }, 60, em());
      await auth.insertToken({ tokenHash: 'spent-reset', accountId: a.id, kind: 'reset' }, 60, em());
      await auth.insertToken({ tokenHash: 'spent-earlier', accountId: a.id, kind: 'reset' }, 60, em());
      await db.query(`update account_token set used_at = now() - interval '1 day' where token_hash = 'spent-earlier'`);
      await auth.insertToken({ tokenHash: 'someone-else', accountId: b.id, kind: 'reset' }, 60, em());
      await orm.em.fork().transactional((tx) => auth.spendTokens(a.id, tx));
      const rows = await db.query<{ token_hash: string; used_today: boolean | null }>(
        `select token_hash, used_at > now() - interval '1 hour' as used_today from account_token
          where account_id in ($1, $2) order by token_hash`,
        [a.id, b.id],
      );
      expect(rows).toEqual([
        { token_hash: 'someone-else', used_today: null },
        { token_hash: 'spent-earlier', used_today: false }, // its first use is kept
        { token_hash: 'spent-invitation', used_today: true },
        { token_hash: 'spent-reset', used_today: true },
      ]);
    });

    it('reads a token with its state (used, expired, account active) for its kind only, and marks it used', async () => {
      const a = await account();
      await auth.insertToken({ tokenHash: 'to-read', accountId: a.id, kind: 'reset' }, 30, em());
      await auth.insertToken({ tokenHash: 'expired', accountId: a.id, kind: 'reset' }, -1, em());
      const row = await auth.tokenByHash('to-read', 'reset', false, em());
      expect(row).toMatchObject({ account_id: a.id, email: a.email, used_at: null, expired: false, active: true });
      expect(await auth.tokenByHash('to-read', 'invitation', false, em())).toBeUndefined();
      expect(await auth.tokenByHash('expired', 'reset', false, em())).toMatchObject({ expired: true });
      await auth.markTokenUsed(row!.id, em());
      expect((await auth.tokenByHash('to-read', 'reset', false, em()))?.used_at).toEqual(expect.any(String));
    });

    it('locks the token row when asked, so a second redemption waits for the first to end', async () => {
      const a = await account();
      await auth.insertToken({ tokenHash: 'contended', accountId: a.id, kind: 'reset' }, 30, em());
      const lockedElsewhere = () =>
        db.query(`select 1 from account_token where token_hash = 'contended' for update nowait`).then(
          () => false,
          (e: { code?: string }) => e.code === '55P03', // lock_not_available
        );
      const seen = await orm.em.fork().transactional(async (tx) => {
        await auth.tokenByHash('contended', 'reset', false, tx);
        const unlocked = await lockedElsewhere();
        await auth.tokenByHash('contended', 'reset', true, tx);
        return { unlocked, locked: await lockedElsewhere() };
      });
      expect(seen).toEqual({ unlocked: false, locked: true });
      expect(await lockedElsewhere()).toBe(false); // released with the transaction
    });

    it('deletes the tokens expired for 30 days and keeps the others', async () => {
      const a = await account();
      await auth.insertToken({ tokenHash: 'ancient', accountId: a.id, kind: 'reset' }, -31 * 24 * 60, em());
      await auth.insertToken({ tokenHash: 'recent', accountId: a.id, kind: 'reset' }, -60, em());
      await auth.purgeTokens();
      const left = await db.query<{ token_hash: string }>('select token_hash from account_token where account_id = $1', [a.id]);
      expect(left).toEqual([{ token_hash: 'recent' }]);
    });
  });

  describe('AuthQueries: what the policies read', () => {
    it('finds the function of an action and of a milestone, nothing for an unknown item', async () => {
      const action = await one<{ id: string; function_id: string }>('select id, function_id from action limit 1');
      const milestone = await one<{ id: string; function_id: string }>('select id, function_id from milestone limit 1');
      expect(await auth.functionOfItem('action', action.id)).toBe(action.function_id);
      expect(await auth.functionOfItem('milestone', milestone.id)).toBe(milestone.function_id);
      expect(await auth.functionOfItem('milestone', action.id)).toBeUndefined();
    });

    it('reads the function of an indicator, or of a measurement’s indicator (undefined for an unknown id)', async () => {
      const fn = await one<{ id: string }>('select id from target_function limit 1');
      const ind = await one<{ id: string }>(
        `insert into indicator (function_id, name, unit, direction, baseline_on, baseline_value, target_on, target_value)
         values ($1, 'Indicateur', 'u', 'up', '2026-01-01', 0, '2027-01-01', 1) returning id`,
        [fn.id],
      );
      const m = await one<{ id: string }>(
        `insert into measurement (indicator_id, measured_on, value) values ($1, '2026-02-01', 0) returning id`,
        [ind.id],
      );
      expect(await auth.functionOfIndicator('indicator', ind.id)).toBe(fn.id);
      expect(await auth.functionOfIndicator('measurement', m.id)).toBe(fn.id);
      expect(await auth.functionOfIndicator('measurement', ind.id)).toBeUndefined();
      expect(await auth.functionOfIndicator('indicator', m.id)).toBeUndefined();
    });
  });

  describe('SessionsQueries', () => {
    /** A session of the account, seen `idle` minutes ago, ending `left` hours from now. */
    const session = async (accountId: string, tokenHash: string, idle = 0, left = 12) => {
      await sessions.insert({ tokenHash, accountId, csrfToken: `csrf-${tokenHash}` }, left);
      await db.query(`update session set last_seen_at = now() - make_interval(mins => $2) where token_hash = $1`, [tokenHash, idle]);
      return (await one<{ id: string }>('select id from session where token_hash = $1', [tokenHash])).id;
    };
    const hashesOf = async (accountId: string) =>
      (await db.query<{ token_hash: string }>('select token_hash from session where account_id = $1 order by token_hash', [accountId])).map(
        (r) => r.token_hash,
      );

    it('opens a session that its token hash finds, with the account and the functions it owns', async () => {
      const lead = await one<{ id: string; n: number }>(
        `select a.id, (select count(*)::int from target_function f where f.owner_id = a.id) as n from account a where email = 'camille.legoff@brest.example'`,
      );
      const id = await session(lead.id, 'camille-session');
      const row = await sessions.byToken('camille-session', 30);
      expect(row).toMatchObject({ session_id: id, csrf_token: 'csrf-camille-session', id: lead.id, role: 'lead', name: 'Camille Le Goff' });
      expect(row!.function_ids).toHaveLength(lead.n);
      expect(lead.n).toBeGreaterThan(0);
    });

    it('finds nobody behind an idle, an ended or a deactivated account’s session', async () => {
      const a = await account();
      await session(a.id, 'idle', 31);
      await session(a.id, 'ended', 0, -1);
      const off = await account({ active: false });
      await session(off.id, 'deactivated');
      for (const hash of ['idle', 'ended', 'deactivated']) expect(await sessions.byToken(hash, 30)).toBeUndefined();
      expect(await sessions.byToken('idle', 60)).toBeDefined(); // the idle limit is the caller's
    });

    it('records the sign-in on the account and the last request on the session', async () => {
      const a = await account();
      const id = await session(a.id, 'touched', 10);
      await sessions.markSignedIn(a.id);
      await sessions.touch(id);
      expect(await one(`select last_login_at > now() - interval '1 minute' as recent from account where id = $1`, [a.id])).toEqual({
        recent: true,
      });
      expect(await one(`select last_seen_at > now() - interval '1 minute' as recent from session where id = $1`, [id])).toEqual({
        recent: true,
      });
    });

    it('deletes one session, every session of an account but one, or them all', async () => {
      const a = await account();
      const first = await session(a.id, 'a1');
      await session(a.id, 'a2');
      await session(a.id, 'a3');
      const kept = await session(a.id, 'a4');
      await sessions.delete(first);
      expect(await hashesOf(a.id)).toEqual(['a2', 'a3', 'a4']);
      await sessions.deleteAllOf(a.id, kept);
      expect(await hashesOf(a.id)).toEqual(['a4']);
      await sessions.deleteAllOf(a.id, null);
      expect(await hashesOf(a.id)).toEqual([]);
    });

    it('deletes the ended sessions of one account, or of every account, and keeps the live ones', async () => {
      const [a, b] = [await account(), await account()];
      await session(a.id, 'a-live');
      await session(a.id, 'a-idle', 31);
      await session(b.id, 'b-live');
      await session(b.id, 'b-old', 0, -1);
      await sessions.deleteEndedOf(a.id, 30);
      expect([await hashesOf(a.id), await hashesOf(b.id)]).toEqual([['a-live'], ['b-live', 'b-old']]);
      await sessions.deleteEnded(30);
      expect([await hashesOf(a.id), await hashesOf(b.id)]).toEqual([['a-live'], ['b-live']]);
    });
  });

  describe('ThrottleQueries', () => {
    const attemptsOf = async (key: string) =>
      (await db.query<{ attempts: number }>('select attempts from login_throttle where key = $1', [key]))[0]?.attempts;

    it('counts the attempts under a key in its window, and starts again once the window is over', async () => {
      expect(await throttle.hit('email:a@t', 15)).toEqual({ attempts: 1, left: expect.any(Number) });
      const second = await throttle.hit('email:a@t', 15);
      expect(second.attempts).toBe(2);
      expect(second.left).toBeGreaterThan(14 * 60);
      expect(second.left).toBeLessThanOrEqual(15 * 60);
      expect((await throttle.hit('email:b@t', 15)).attempts).toBe(1);
      await db.query(`update login_throttle set window_started_at = now() - interval '16 minutes' where key = 'email:a@t'`);
      expect((await throttle.hit('email:a@t', 15)).attempts).toBe(1);
    });

    it('counts every one of many parallel attempts (one atomic upsert)', async () => {
      await Promise.all(Array.from({ length: 8 }, () => throttle.hit('ip:parallel', 15)));
      expect(await attemptsOf('ip:parallel')).toBe(8);
    });

    it('forgets a key, and gives one attempt back without going below zero', async () => {
      await throttle.hit('email:c@t', 15);
      await throttle.hit('email:c@t', 15);
      await throttle.giveBack('email:c@t');
      expect(await attemptsOf('email:c@t')).toBe(1);
      await throttle.giveBack('email:c@t');
      await throttle.giveBack('email:c@t');
      expect(await attemptsOf('email:c@t')).toBe(0);
      await throttle.clear('email:c@t');
      expect(await attemptsOf('email:c@t')).toBeUndefined();
    });

    it('forgets every key starting with a prefix, and only those (an account’s pairs with each address)', async () => {
      for (const key of ['email-ip:d@t|1.2.3.4', 'email-ip:d@t|::1', 'email-ip:d@t.fr|1.2.3.4', 'email:d@t']) await throttle.hit(key, 15);
      await throttle.clearStartingWith('email-ip:d@t|');
      expect(
        await Promise.all(['email-ip:d@t|1.2.3.4', 'email-ip:d@t|::1', 'email-ip:d@t.fr|1.2.3.4', 'email:d@t'].map(attemptsOf)),
      ).toEqual([undefined, undefined, 1, 1]);
    });

    it('deletes the counters whose window ended and keeps the current ones', async () => {
      await throttle.hit('purge:old', 15);
      await throttle.hit('purge:new', 15);
      await db.query(`update login_throttle set window_started_at = now() - interval '20 minutes' where key = 'purge:old'`);
      await throttle.purge(15);
      expect([await attemptsOf('purge:old'), await attemptsOf('purge:new')]).toEqual([undefined, 1]);
    });
  });
});
