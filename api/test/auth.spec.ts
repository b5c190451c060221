import { connect, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AccountView, ApiError, InvitationView, MeView } from '@jalons/contract';
import { Client } from 'pg';
import request from 'supertest';

import { AuthService } from '../src/app/auth/auth.service';
import { SessionsService } from '../src/app/auth/sessions.service';
import { createTestApp } from './app';
import { anonymous, BREST, ensureAccount, signIn, signInAs, TEST_PASSWORD, xsrfFrom } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { linkToken, startSmtp } from './smtp';
import type { TestSmtp } from './smtp';

describe('accounts, sign-in and sessions over HTTP', () => {
  let db: TestDatabase;
  let smtp: TestSmtp;
  let app: NestExpressApplication;
  let admin: TestAgent;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtp();
    ({ app } = await createTestApp(db.url, {
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://jalons.brest.example',
      LOGIN_MAX_FAILURES: '4',
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      RESET_MAX_REQUESTS_PER_IP: '1000', // every request of this spec comes from one address
    }));
    admin = await signIn(app, db, 'admin');
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await db?.drop();
  });

  const login = async (email: string, password: string, from?: TestAgent) =>
    (from ?? (await anonymous(app))).post('/api/auth/login').send({ email, password });

  describe('signing in', () => {
    it('signs in with e-mail (any case) and password: an httpOnly SameSite=Lax session cookie, and the account in /me', async () => {
      await ensureAccount(db, BREST.lead, 'lead');
      const agent = await anonymous(app);
      const res = await agent
        .post('/api/auth/login')
        .send({ email: '  Camille.LeGoff@Brest.example ', password: TEST_PASSWORD })
        .expect(200);
      const cookies = ([] as string[]).concat(res.headers['set-cookie']);
      const session = cookies.find((c) => c.startsWith('jalons_session='))!;
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Lax/);
      expect(session).not.toMatch(/Secure/); // PUBLIC_URL is http here
      expect(cookies.find((c) => c.startsWith('XSRF-TOKEN='))).not.toMatch(/HttpOnly/);
      const me = (await agent.get('/api/auth/me').expect(200)).body as MeView;
      expect(me).toMatchObject({ email: 'camille.legoff@brest.example', role: 'lead', name: 'Camille Le Goff' });
      // Camille owns the central function of Brest
      expect(me.functionIds).toHaveLength(1);
      // the stored token is a hash: the cookie's value is nowhere in the table
      const token = decodeURIComponent(session.split(';')[0].split('=')[1]);
      const rows = await db.query('select 1 from session where token_hash = $1', [token]);
      expect(rows).toHaveLength(0);
    });

    it('marks the cookies Secure when the app is served over HTTPS', async () => {
      const other = await createTestApp(db.url, { PUBLIC_URL: 'https://jalons.brest.example' });
      try {
        await ensureAccount(db, BREST.lead, 'lead');
        // a Secure cookie is not sent back over plain HTTP: the test sends it itself
        const xsrf = xsrfFrom(await request(other.app.getHttpServer()).get('/api/auth/me'))!;
        const res = await request(other.app.getHttpServer())
          .post('/api/auth/login')
          .set('Cookie', `XSRF-TOKEN=${xsrf}`)
          .set('X-XSRF-TOKEN', xsrf)
          .send({ email: BREST.lead, password: TEST_PASSWORD })
          .expect(200);
        const cookies = ([] as string[]).concat(res.headers['set-cookie']);
        expect(cookies.find((c) => c.startsWith('jalons_session='))).toMatch(/; Secure/);
        expect(cookies.find((c) => c.startsWith('XSRF-TOKEN='))).toMatch(/; Secure/);
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      } finally {
        await other.app.close();
      }
    });

    it('gives one answer to a wrong password, an unknown e-mail and an account without password, and opens no session', async () => {
      const before = await db.query<{ n: string }>('select count(*) n from session');
      const answers = [
        await login(BREST.elected, 'pas le bon mot de passe'), // exists, no password yet
        await login('personne@brest.example', TEST_PASSWORD),
        await login(BREST.owner, 'un autre mot de passe'),
      ];
      for (const res of answers) {
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ error: 'invalid_credentials', message: 'Adresse électronique ou mot de passe incorrect.' });
        expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).some((c) => c.startsWith('jalons_session='))).toBe(false);
      }
      expect(await db.query<{ n: string }>('select count(*) n from session')).toEqual(before);
    });

    it('answers 400 naming the field for a malformed e-mail', async () => {
      const res = await login('pas-une-adresse', 'x');
      expect(res.status).toBe(400);
      expect((res.body as ApiError).errors?.[0]).toMatchObject({ field: 'email' });
    });

    it('pauses an account after 4 attempts with a 429 and Retry-After, even with the right password, without blocking others', async () => {
      const email = 'throttle@test.example';
      await ensureAccount(db, email, 'elected');
      for (let i = 0; i < 4; i++) expect((await login(email, 'mauvais mot de passe')).status).toBe(401);
      const blocked = await login(email, TEST_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({ error: 'too_many_attempts' });
      expect(blocked.body.message).toMatch(/Réessayez dans \d+ minutes?/);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
      // another account from the same address still signs in
      await ensureAccount(db, 'other@test.example', 'elected');
      expect((await login('other@test.example', TEST_PASSWORD)).status).toBe(200);
      // once the window has passed, the right password works again
      // (the pause is the pair's, this address with this account: ADR 0007)
      await db.query(`update login_throttle set window_started_at = now() - interval '16 minutes' where key = $1 or starts_with(key, $2)`, [
        `email:${email}`,
        `email-ip:${email}|`,
      ]);
      expect((await login(email, TEST_PASSWORD)).status).toBe(200);
    });

    it('counts parallel guesses exactly: 10 at once on a 4-attempt limit let at most 4 through to the password check', async () => {
      const email = 'parallel@test.example';
      await ensureAccount(db, email, 'elected');
      const agent = await anonymous(app);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => agent.post('/api/auth/login').send({ email, password: 'devine' })),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(4);
      expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    });
  });

  describe('per-address throttling', () => {
    it('pauses an address after its limit, whichever accounts it tries', async () => {
      const other = await createTestApp(db.url, { LOGIN_MAX_FAILURES_PER_IP: '3' });
      try {
        await db.query(`delete from login_throttle where key like 'ip:%'`);
        const agent = await anonymous(other.app);
        for (const who of ['a@test.example', 'b@test.example', 'c@test.example']) {
          expect((await agent.post('/api/auth/login').send({ email: who, password: 'x' })).status).toBe(401);
        }
        const res = await agent.post('/api/auth/login').send({ email: 'd@test.example', password: 'x' });
        expect(res.status).toBe(429);
      } finally {
        await other.app.close();
        await db.query(`delete from login_throttle where key like 'ip:%'`);
      }
    });
  });

  describe('sessions', () => {
    it('ends a session after the idle limit and after its absolute end: 401 and nothing written', async () => {
      const lead = await signIn(app, db, 'lead');
      const me = (await lead.get('/api/auth/me').expect(200)).body as MeView;
      expect(new Date(me.sessionExpiresAt).getTime()).toBeGreaterThan(Date.now());
      await db.query(`update session set last_seen_at = now() - interval '241 minutes' where account_id = $1`, [me.id]);
      const res = await lead.get('/api/roadmaps');
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'unauthenticated' });

      const again = await signIn(app, db, 'lead');
      await again.get('/api/roadmaps').expect(200);
      await db.query(`update session set expires_at = now() - interval '1 second' where account_id = $1`, [me.id]);
      expect((await again.get('/api/roadmaps')).status).toBe(401);
    });

    it('purges ended sessions and spent counters, keeping the live ones', async () => {
      const lead = await signIn(app, db, 'lead');
      await db.query(
        `insert into session (id, token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at)
        select gen_random_uuid(), md5(random()::text), id, 'x', now() - interval '2 days', now() - interval '2 days', now() + interval '1 day' from account where email = $1`,
        [BREST.lead],
      );
      await db.query(
        `insert into login_throttle (key, attempts, window_started_at) values ('ip:old', 3, now() - interval '1 hour') on conflict do nothing`,
      );
      await app.get(SessionsService).purge(15);
      expect(await db.query(`select 1 from session where last_seen_at < now() - interval '1 day'`)).toHaveLength(0);
      expect(await db.query(`select 1 from login_throttle where key = 'ip:old'`)).toHaveLength(0);
      await lead.get('/api/roadmaps').expect(200);
    });

    it('signs out: the session is deleted and the cookie no longer opens anything', async () => {
      const lead = await signIn(app, db, 'lead');
      const count = async () =>
        Number(
          (
            await db.query<{ n: string }>(`select count(*) n from session s join account a on a.id = s.account_id where a.email = $1`, [
              BREST.lead,
            ])
          )[0].n,
        );
      const before = await count();
      await lead.post('/api/auth/logout').expect(204);
      expect(await count()).toBe(before - 1);
      expect((await lead.get('/api/roadmaps')).status).toBe(401);
    });
  });

  describe("GET /api/auth/session (the web app's first question)", () => {
    it('answers 200 with account null to nobody, with the XSRF-TOKEN cookie a sign-in then needs', async () => {
      const agent = request.agent(app.getHttpServer());
      const res = await agent.get('/api/auth/session').expect(200);
      expect(res.body).toEqual({ account: null });
      const token = xsrfFrom(res);
      expect(token).toMatch(/^[\w-]{20,}$/);
      // the anonymous token lets the sign-in through the CSRF check
      await ensureAccount(db, BREST.lead, 'lead');
      await agent.post('/api/auth/login').set('X-XSRF-TOKEN', token!).send({ email: BREST.lead, password: TEST_PASSWORD }).expect(200);
      const me = (await agent.get('/api/auth/me').expect(200)).body as MeView;
      expect((await agent.get('/api/auth/session').expect(200)).body).toEqual({ account: me });
    });

    it('answers account null once the session has ended, where /me answers 401', async () => {
      const lead = await signIn(app, db, 'lead');
      const me = (await lead.get('/api/auth/session').expect(200)).body as { account: MeView };
      expect(me.account.email).toBe(BREST.lead);
      expect(me.account.role).toBe('lead');
      await db.query(`update session set expires_at = now() - interval '1 second' where account_id = $1`, [me.account.id]);
      expect((await lead.get('/api/auth/session').expect(200)).body).toEqual({ account: null });
      expect((await lead.get('/api/auth/me')).status).toBe(401);
    });
  });

  describe('CSRF', () => {
    it('refuses a signed-in write without the X-XSRF-TOKEN header, or with a wrong one, and writes nothing', async () => {
      const lead = await signIn(app, db, 'lead');
      const [action] = await db.query<{ id: string; version: number }>(
        `select id, version from action where status = 'en_cours' order by title limit 1`,
      );
      const body = { version: action.version, status: 'en_cours', progress: 99 };
      // a bare agent holding the same cookies but not echoing the token, as another site's form would
      const res = await lead.put(`/api/actions/${action.id}/status`).set('X-XSRF-TOKEN', '').send(body);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: 'csrf_failed' });
      const wrong = await lead.put(`/api/actions/${action.id}/status`).set('X-XSRF-TOKEN', 'x'.repeat(43)).send(body);
      expect(wrong.status).toBe(403);
      const [after] = await db.query<{ version: number; progress: number }>('select version, progress from action where id = $1', [
        action.id,
      ]);
      expect(after.version).toBe(action.version);
      expect(after.progress).not.toBe(99);
    });

    it('refuses a sign-in without the double-submitted token', async () => {
      const res = await request(app.getHttpServer()).post('/api/auth/login').send({ email: BREST.lead, password: TEST_PASSWORD });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: 'csrf_failed' });
    });

    it('refuses the anonymous token once signed in: the token is bound to the session', async () => {
      const agent = request.agent(app.getHttpServer());
      const anonToken = xsrfFrom(await agent.get('/api/auth/me'))!;
      await ensureAccount(db, BREST.lead, 'lead');
      const res = await agent
        .post('/api/auth/login')
        .set('X-XSRF-TOKEN', anonToken)
        .send({ email: BREST.lead, password: TEST_PASSWORD })
        .expect(200);
      const sessionToken = xsrfFrom(res)!;
      expect(sessionToken).not.toBe(anonToken);
      // the browser still sends the old cookie value in the header, as a forged page could
      const roadmap = (await agent.get('/api/roadmaps').expect(200)).body[0];
      // with the session's token the same request goes through the CSRF check (refused by role only if at all)
      expect(
        (await agent.patch(`/api/roadmaps/${roadmap.id}/settings`).set('X-XSRF-TOKEN', sessionToken).send({ version: roadmap.version }))
          .status,
      ).toBe(200);
      roadmap.version += 1;
      const forged = await agent
        .patch(`/api/roadmaps/${roadmap.id}/settings`)
        .set('X-XSRF-TOKEN', anonToken)
        .set('Cookie', `XSRF-TOKEN=${anonToken}`)
        .send({ version: roadmap.version, publicPage: true });
      expect(forged.status).toBe(403);
    });
  });

  describe('invitations, through a real SMTP exchange', () => {
    it('invites a function owner: the mail arrives, the link sets the password once, the owner writes only their functions', async () => {
      const roadmap = (await admin.get('/api/roadmaps').expect(200)).body[0];
      const fns = (await admin.get(`/api/roadmaps/${roadmap.id}/functions`).expect(200)).body as Array<{ id: string; code: string }>;
      const innovation = fns.find((f) => f.code === 'innovation')!;
      const juridique = fns.find((f) => f.code === 'juridique')!;
      const res = await admin
        .post('/api/accounts')
        .send({ name: 'Gwenola Prigent', email: 'Gwenola.Prigent@Brest.example', role: 'owner', functionIds: [innovation.id] })
        .expect(201);
      const inv = res.body as InvitationView;
      expect(inv.mailed).toBe(true);
      expect(inv.account).toMatchObject({ email: 'gwenola.prigent@brest.example', role: 'owner', hasPassword: false, active: true });
      expect(inv.account.functions.map((f) => f.code)).toEqual(['innovation']);

      const mail = await smtp.waitFor((m) => m.to.includes('gwenola.prigent@brest.example'));
      expect(mail.subject).toMatch(/Votre accès à Jalons/);
      expect(mail.text).toContain('Bonjour Gwenola Prigent');
      expect(mail.text).toContain('http://jalons.brest.example/invitation?token=');
      expect(mail.html).toContain('http://jalons.brest.example/invitation?token=');
      const token = linkToken(mail, '/invitation');
      // only the token's hash is stored
      expect(await db.query('select 1 from account_token where token_hash = $1', [token])).toHaveLength(0);

      const anon = await anonymous(app);
      const tooShort = await anon.post('/api/auth/invitation').send({ token, password: 'court' });
      expect(tooShort.status).toBe(400);
      expect(tooShort.body.errors[0]).toMatchObject({ field: 'password' });
      await anon.post('/api/auth/invitation').send({ token, password: 'la mer à Brest est grise' }).expect(204);
      const reused = await anon.post('/api/auth/invitation').send({ token, password: 'une autre phrase de passe' });
      expect(reused.status).toBe(410);
      expect(reused.body).toMatchObject({ error: 'token_used' });

      const owner = await signInAs(app, 'gwenola.prigent@brest.example', 'la mer à Brest est grise');
      const me = (await owner.get('/api/auth/me').expect(200)).body as MeView;
      expect(me.functionIds).toEqual([innovation.id]);
      const [own] = await db.query<{ id: string; version: number }>(
        'select id, version from action where function_id = $1 order by title limit 1',
        [innovation.id],
      );
      const [other] = await db.query<{ id: string; version: number }>(
        'select id, version from action where function_id = $1 order by title limit 1',
        [juridique.id],
      );
      await owner
        .put(`/api/actions/${own.id}/status`)
        .send({ version: own.version, status: 'en_cours', progress: 20, comment: 'Premier point' })
        .expect(200);
      const refused = await owner.put(`/api/actions/${other.id}/status`).send({ version: other.version, status: 'en_cours', progress: 20 });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: 'forbidden' });
      // moving an own action into a function one does not own is refused too
      expect((await owner.patch(`/api/actions/${own.id}`).send({ version: own.version + 1, functionId: juridique.id })).status).toBe(403);
      // the history names who made the change
      const history = (await owner.get(`/api/actions/${own.id}/history`).expect(200)).body as Array<{
        actor: { name: string } | null;
        comment: string | null;
      }>;
      expect(history.find((h) => h.comment === 'Premier point')?.actor?.name).toBe('Gwenola Prigent');
    });

    it('refuses an e-mail that already has an account with a 409 naming the field', async () => {
      const res = await admin.post('/api/accounts').send({ name: 'Doublon', email: 'CAMILLE.LEGOFF@brest.example', role: 'elected' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: 'email_taken', errors: [{ field: 'email' }] });
    });

    it('refuses an expired invitation with a 410, and sends a new one that works', async () => {
      const inv = (
        await admin.post('/api/accounts').send({ name: 'Loïc Morvan', email: 'loic.morvan@brest.example', role: 'elected' }).expect(201)
      ).body as InvitationView;
      const first = linkToken(await smtp.waitFor((m) => m.to.includes('loic.morvan@brest.example')), '/invitation');
      await db.query(`update account_token set expires_at = now() - interval '1 minute' where account_id = $1`, [inv.account.id]);
      const anon = await anonymous(app);
      const expired = await anon.post('/api/auth/invitation').send({ token: first, password: 'une phrase assez longue' });
      expect(expired.status).toBe(410);
      expect(expired.body).toMatchObject({ error: 'token_expired' });
      const count = smtp.mails.length;
      await admin.post(`/api/accounts/${inv.account.id}/invitation`).expect(201);
      const second = linkToken(
        await smtp.waitFor((m, i = smtp.mails.indexOf(m)) => i >= count && m.to.includes('loic.morvan@brest.example')),
        '/invitation',
      );
      expect(second).not.toBe(first);
      await anon.post('/api/auth/invitation').send({ token: second, password: 'une phrase assez longue' }).expect(204);
      await signInAs(app, 'loic.morvan@brest.example', 'une phrase assez longue');
    });
  });

  describe('password reset', () => {
    it('answers the same to a known and an unknown e-mail, and mails only the known one', async () => {
      await ensureAccount(db, 'reset@test.example', 'elected', 'Reset Test');
      const anon = await anonymous(app);
      const count = smtp.mails.length;
      const unknown = await anon.post('/api/auth/password-reset/request').send({ email: 'inconnu@test.example' });
      const known = await anon.post('/api/auth/password-reset/request').send({ email: 'reset@test.example' });
      expect(unknown.status).toBe(202);
      expect(known.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      const mail = await smtp.waitFor((m) => m.to.includes('reset@test.example'));
      expect(smtp.mails.slice(count).some((m) => m.to.includes('inconnu@test.example'))).toBe(false);
      expect(mail.subject).toMatch(/nouveau mot de passe/);
      const token = linkToken(mail, '/nouveau-mot-de-passe');

      const signedIn = await signInAs(app, 'reset@test.example');
      await anon.post('/api/auth/password-reset').send({ token, password: 'nouvelle phrase de passe' }).expect(204);
      // the old sessions end, the old password no longer works, the new one does
      expect((await signedIn.get('/api/roadmaps')).status).toBe(401);
      expect((await login('reset@test.example', TEST_PASSWORD)).status).toBe(401);
      await signInAs(app, 'reset@test.example', 'nouvelle phrase de passe');
      const used = await anon.post('/api/auth/password-reset').send({ token, password: 'encore une autre phrase' });
      expect(used.status).toBe(410);
      expect(used.body).toMatchObject({ error: 'token_used' });
    });

    it('refuses an expired reset link with a 410 and an unknown one with a 404, changing nothing', async () => {
      await ensureAccount(db, 'reset2@test.example', 'elected');
      const anon = await anonymous(app);
      await anon.post('/api/auth/password-reset/request').send({ email: 'reset2@test.example' }).expect(202);
      const token = linkToken(await smtp.waitFor((m) => m.to.includes('reset2@test.example')), '/nouveau-mot-de-passe');
      await db.query(`update account_token set expires_at = now() - interval '1 second' where kind = 'reset'`);
      const expired = await anon.post('/api/auth/password-reset').send({ token, password: 'nouvelle phrase de passe' });
      expect(expired.status).toBe(410);
      expect(expired.body).toMatchObject({ error: 'token_expired' });
      const unknown = await anon.post('/api/auth/password-reset').send({ token: 'A'.repeat(43), password: 'nouvelle phrase de passe' });
      expect(unknown.status).toBe(404);
      await signInAs(app, 'reset2@test.example'); // the old password still works
    });

    it('lifts a sign-in pause once the password is reset', async () => {
      await ensureAccount(db, 'paused@test.example', 'elected');
      for (let i = 0; i < 5; i++) await login('paused@test.example', 'mauvais mot de passe');
      expect((await login('paused@test.example', TEST_PASSWORD)).status).toBe(429);
      const anon = await anonymous(app);
      await anon.post('/api/auth/password-reset/request').send({ email: 'paused@test.example' }).expect(202);
      const token = linkToken(await smtp.waitFor((m) => m.to.includes('paused@test.example')), '/nouveau-mot-de-passe');
      await anon.post('/api/auth/password-reset').send({ token, password: 'de nouveau bienvenue' }).expect(204);
      expect((await login('paused@test.example', 'de nouveau bienvenue')).status).toBe(200);
    });

    it('changes one’s own password only with the current one', async () => {
      await ensureAccount(db, 'change@test.example', 'elected');
      const agent = await signInAs(app, 'change@test.example');
      const wrong = await agent.post('/api/auth/password').send({ currentPassword: 'pas celui-là', password: 'une nouvelle phrase' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0]).toMatchObject({ field: 'currentPassword' });
      await agent.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, password: 'une nouvelle phrase' }).expect(204);
      await signInAs(app, 'change@test.example', 'une nouvelle phrase');
    });
  });

  describe('setting a password spends every outstanding link of the account', () => {
    const invite = async (name: string, email: string) => {
      await admin.post('/api/accounts').send({ name, email, role: 'elected' }).expect(201);
      return linkToken(await smtp.waitFor((m) => m.to.includes(email) && /Votre accès/.test(m.subject)), '/invitation');
    };
    const resetLink = async (email: string) => {
      await (await anonymous(app)).post('/api/auth/password-reset/request').send({ email }).expect(202);
      return linkToken(await smtp.waitFor((m) => m.to.includes(email) && /nouveau mot de passe/.test(m.subject)), '/nouveau-mot-de-passe');
    };
    /** The link is refused as an already-used one, and the password set before still signs in. */
    const refusedAsUsed = async (path: string, token: string, email: string, password: string) => {
      const res = await (await anonymous(app)).post(path).send({ token, password: 'la phrase de l’intrus' });
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 410, error: 'token_used' });
      await signInAs(app, email, password);
    };

    it('a reset link used: the invitation link no longer sets a password', async () => {
      const email = 'spent.invitation@brest.example';
      const invitation = await invite('Anne Quéré', email);
      const reset = await resetLink(email);
      await (await anonymous(app)).post('/api/auth/password-reset').send({ token: reset, password: 'choisie par le lien' }).expect(204);
      await refusedAsUsed('/api/auth/invitation', invitation, email, 'choisie par le lien');
    });

    it('an invitation accepted: the reset link asked for meanwhile no longer sets a password', async () => {
      const email = 'spent.reset@brest.example';
      const invitation = await invite('Yann Kerbrat', email);
      const reset = await resetLink(email);
      await (await anonymous(app)).post('/api/auth/invitation').send({ token: invitation, password: 'choisie à l’invitation' }).expect(204);
      await refusedAsUsed('/api/auth/password-reset', reset, email, 'choisie à l’invitation');
    });

    it('a password changed while signed in: the outstanding reset and invitation links no longer set one', async () => {
      const email = 'spent.change@test.example';
      const id = await ensureAccount(db, email, 'elected');
      // an invitation still outstanding on an account with a password (as the CLI or the earlier code could leave)
      const { token: invitation } = await app.get(AuthService).issueToken(id, 'invitation');
      const reset = await resetLink(email);
      const agent = await signInAs(app, email);
      await agent.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, password: 'changée une fois connecté' }).expect(204);
      await refusedAsUsed('/api/auth/password-reset', reset, email, 'changée une fois connecté');
      await refusedAsUsed('/api/auth/invitation', invitation, email, 'changée une fois connecté');
    });
  });

  describe('nobody can lock an account’s owner out (issue #16)', () => {
    const ATTACKER = '203.0.113.7';
    const FLOODER = '203.0.113.8';
    const OWNER = '198.51.100.20';
    let other: NestExpressApplication;
    let gate: SmtpGate;
    let lockHolder: Client | null = null;

    beforeAll(async () => {
      gate = await smtpGate(smtp.url);
      ({ app: other } = await createTestApp(db.url, {
        SMTP_URL: gate.url,
        PUBLIC_URL: 'http://jalons.brest.example',
        TRUST_PROXY: 'loopback', // X-Forwarded-For names the caller's address, as behind the city's proxy
        LOGIN_MAX_FAILURES: '5',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '10',
        LOGIN_MAX_FAILURES_PER_IP: '1000',
        RESET_MAX_REQUESTS_PER_IP: '5',
      }));
    });
    afterAll(async () => {
      await lockHolder?.end();
      await other?.close();
      await gate?.close();
    });

    /** A browser at `ip` (behind the trusted proxy). */
    const from = async (ip: string) => (await anonymous(other)).set('X-Forwarded-For', ip);
    const signInFrom = async (ip: string, email: string, password: string) =>
      (await from(ip)).post('/api/auth/login').send({ email, password });
    const askReset = async (ip: string, email: string) => (await from(ip)).post('/api/auth/password-reset/request').send({ email });
    const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email) && /nouveau mot de passe/.test(m.subject));
    const expectPaused = (res: request.Response) => {
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({ error: 'too_many_attempts' });
      expect(res.body.message).toMatch(/^Trop de tentatives.*Réessayez dans \d+ minutes?/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    };

    it('an attacker’s failed sign-ins from one address pause that address only: the owner signs in from another', async () => {
      const email = 'target.login@test.example';
      await ensureAccount(db, email, 'elected');
      for (let i = 0; i < 5; i++) expect((await signInFrom(ATTACKER, email, 'devinette')).status).toBe(401);
      // the attacker keeps hammering: still paused, even with the right password, and this does not add up against the owner
      for (let i = 0; i < 15; i++) expectPaused(await signInFrom(ATTACKER, email, 'devinette'));
      expectPaused(await signInFrom(ATTACKER, email, TEST_PASSWORD));
      expect((await signInFrom(OWNER, email, TEST_PASSWORD)).status).toBe(200);
      expectPaused(await signInFrom(ATTACKER, email, 'devinette'));
    });

    it('failures from many addresses reach the account’s higher ceiling: paused everywhere, and a reset lifts it', async () => {
      const email = 'target.ceiling@test.example';
      await ensureAccount(db, email, 'elected');
      for (const ip of ['203.0.113.21', '203.0.113.22']) {
        for (let i = 0; i < 5; i++) expect((await signInFrom(ip, email, 'devinette')).status).toBe(401);
      }
      const pairPaused = await signInFrom('203.0.113.21', email, 'devinette'); // refused by its pair: not counted on the account
      expectPaused(pairPaused);
      expectPaused(await signInFrom('203.0.113.23', email, 'devinette'));
      const owner = await signInFrom(OWNER, email, TEST_PASSWORD);
      expectPaused(owner);
      // one message for every pause: it tells nothing of which counter is full
      const generic = (m: string) => m.replace(/\d+ minutes?/, 'N minutes');
      expect(generic(owner.body.message)).toBe(generic(pairPaused.body.message));
      const count = mailsTo(email).length;
      expect((await askReset(OWNER, email)).status).toBe(202);
      const token = linkToken(await smtp.waitFor((m) => mailsTo(email).indexOf(m) >= count), '/nouveau-mot-de-passe');
      await (await from(OWNER)).post('/api/auth/password-reset').send({ token, password: 'après la tempête' }).expect(204);
      expect((await signInFrom(OWNER, email, 'après la tempête')).status).toBe(200);
    });

    it('the owner still gets a reset link after an attacker’s reset requests; the attacker’s address gets a 429, not a silent drop', async () => {
      const email = 'target.reset@test.example';
      await ensureAccount(db, email, 'elected');
      const before = mailsTo(email).length;
      for (let i = 0; i < 3; i++) expect((await askReset(ATTACKER, email)).status).toBe(202);
      expectPaused(await askReset(ATTACKER, email));
      await smtp.waitFor(() => mailsTo(email).length >= before + 3);
      expect((await askReset(OWNER, email)).status).toBe(202);
      const mail = await smtp.waitFor(() => mailsTo(email).length >= before + 4).then(() => mailsTo(email)[before + 3]);
      const token = linkToken(mail, '/nouveau-mot-de-passe');
      await (await from(OWNER)).post('/api/auth/password-reset').send({ token, password: 'reprise en main' }).expect(204);
      expect((await signInFrom(OWNER, email, 'reprise en main')).status).toBe(200);
    });

    it('an address flooding reset requests, whatever the e-mails, gets 429 with Retry-After past its ceiling', async () => {
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await askReset(FLOODER, `flood${i}@test.example`));
      expect(answers.slice(0, 5).map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
      expectPaused(answers[5]);
      // another address is not affected
      expect((await askReset(OWNER, 'flood0@test.example')).status).toBe(202);
    });

    it('answers a reset request before the link is written or mailed: then the mail arrives', async () => {
      const email = 'target.timing@test.example';
      await ensureAccount(db, email, 'elected');
      const before = mailsTo(email).length;
      // the link's table is locked and the SMTP server answers nothing: neither may hold the answer back
      lockHolder = new Client({ connectionString: db.url });
      await lockHolder.connect();
      await lockHolder.query('begin');
      await lockHolder.query('lock table account_token in exclusive mode');
      gate.hold();
      const started = Date.now();
      const res = await (
        await from('198.51.100.30')
      )
        .post('/api/auth/password-reset/request')
        .timeout({ response: 3000 })
        .send({ email })
        .then((r) => r.status)
        .catch((e: Error) => `no answer within 3 s: ${e.message}`);
      expect(res).toBe(202);
      expect(Date.now() - started).toBeLessThan(3000);
      await new Promise((r) => setTimeout(r, 300));
      expect(mailsTo(email).length).toBe(before);
      await lockHolder.query('commit');
      await lockHolder.end();
      lockHolder = null;
      gate.release();
      await smtp.waitFor(() => mailsTo(email).length > before, 10_000);
    });
  });

  describe('administration', () => {
    it('deactivates an account: its open sessions end at once and it can no longer sign in', async () => {
      const id = await ensureAccount(db, 'leaving@test.example', 'elected');
      const agent = await signInAs(app, 'leaving@test.example');
      const list = (await admin.get('/api/accounts').expect(200)).body as AccountView[];
      const account = list.find((a) => a.id === id)!;
      const res = await admin.patch(`/api/accounts/${id}`).send({ version: account.version, active: false }).expect(200);
      expect(res.body).toMatchObject({ active: false, version: account.version + 1 });
      expect((await agent.get('/api/roadmaps')).status).toBe(401);
      expect((await login('leaving@test.example', TEST_PASSWORD)).status).toBe(401);
      // a stale version is refused
      const stale = await admin.patch(`/api/accounts/${id}`).send({ version: account.version, active: true });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ currentVersion: account.version + 1 });
    });

    it('changes a role and the functions owned, taking them over from their previous owner', async () => {
      const id = await ensureAccount(db, 'newowner@test.example', 'elected');
      const roadmap = (await admin.get('/api/roadmaps').expect(200)).body[0];
      const fns = (await admin.get(`/api/roadmaps/${roadmap.id}/functions`).expect(200)).body as Array<{
        id: string;
        code: string;
        owner: { email: string } | null;
      }>;
      const prospective = fns.find((f) => f.code === 'prospective')!;
      expect(prospective.owner?.email).toBe('julien.madec@brest.example');
      const account = ((await admin.get('/api/accounts').expect(200)).body as AccountView[]).find((a) => a.id === id)!;
      const refused = await admin.patch(`/api/accounts/${id}`).send({ version: account.version, functionIds: [prospective.id] });
      expect(refused.status).toBe(422); // an elected official owns no function
      const res = await admin
        .patch(`/api/accounts/${id}`)
        .send({ version: account.version, role: 'owner', functionIds: [prospective.id] })
        .expect(200);
      expect((res.body as AccountView).functions.map((f) => f.code)).toEqual(['prospective']);
      const after = (await admin.get(`/api/roadmaps/${roadmap.id}/functions/${prospective.id}`).expect(200)).body;
      expect(after.owner.email).toBe('newowner@test.example');
      // the chronogram (cached per revision) shows the new owner too
      const chrono = (await admin.get(`/api/roadmaps/${roadmap.id}/chronogram`).expect(200)).body;
      expect(chrono.functions.find((f: { code: string }) => f.code === 'prospective').owner.email).toBe('newowner@test.example');
    });

    it('keeps at least one active administrator, and an administrator cannot demote themselves', async () => {
      const me = (await admin.get('/api/auth/me').expect(200)).body as MeView;
      const mine = ((await admin.get('/api/accounts').expect(200)).body as AccountView[]).find((a) => a.id === me.id)!;
      const res = await admin.patch(`/api/accounts/${me.id}`).send({ version: mine.version, role: 'elected' });
      expect(res.status).toBe(422);
      expect((await admin.get('/api/auth/me').expect(200)).body.role).toBe('admin');
    });
  });

  describe('the public page', () => {
    it('is off by default (404), only the lead turns it on, and it shows no name, e-mail or comment', async () => {
      const lead = await signIn(app, db, 'lead');
      const elected = await signIn(app, db, 'elected');
      const anon = await anonymous(app);
      const roadmap = (await lead.get('/api/roadmaps').expect(200)).body[0];
      expect(roadmap.publicPage).toBe(false);
      expect((await anon.get(`/api/public/roadmaps/${roadmap.slug}`)).status).toBe(404);
      expect((await anon.get('/api/public/roadmaps').expect(200)).body).toEqual([]);
      expect(
        (await elected.patch(`/api/roadmaps/${roadmap.id}/settings`).send({ version: roadmap.version, publicPage: true })).status,
      ).toBe(403);
      expect((await admin.patch(`/api/roadmaps/${roadmap.id}/settings`).send({ version: roadmap.version, publicPage: true })).status).toBe(
        403,
      );
      const on = await lead.patch(`/api/roadmaps/${roadmap.id}/settings`).send({ version: roadmap.version, publicPage: true }).expect(200);
      expect(on.body).toMatchObject({ publicPage: true, version: roadmap.version + 1 });

      const page = await anon.get(`/api/public/roadmaps/${roadmap.slug}`).expect(200);
      expect(page.body.functions).toHaveLength(11);
      expect(page.body.phases).toHaveLength(4);
      expect(page.body.milestones.length).toBeGreaterThan(10);
      expect(page.body.rollUp.progress).toBeGreaterThan(0);
      const json = JSON.stringify(page.body).toLowerCase();
      const people = await db.query<{ name: string; email: string }>('select name, email from account');
      const comments = await db.query<{ comment: string }>('select distinct comment from change_history where comment is not null');
      expect(people.length).toBeGreaterThan(5);
      expect(comments.length).toBeGreaterThan(5);
      const leaks = [...people.flatMap((p) => [p.name, p.email]), ...comments.map((c) => c.comment)].filter((s) =>
        json.includes(s.toLowerCase()),
      );
      expect(leaks).toEqual([]);
      expect(json).not.toMatch(/@/);
      expect((await anon.get('/api/public/roadmaps').expect(200)).body).toEqual([
        { slug: roadmap.slug, territory: roadmap.territory, mandateLabel: roadmap.mandateLabel },
      ]);
      // and the internal views stay closed to the same visitor
      expect((await anon.get(`/api/roadmaps/${roadmap.id}`)).status).toBe(401);
    });
  });

  describe('hardening', () => {
    it('sends security headers, no X-Powered-By, and no CORS permission to another site', async () => {
      const res = await request(app.getHttpServer()).get('/api/health').set('Origin', 'https://evil.example').expect(200);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('allows a configured origin with credentials, and only that one', async () => {
      const other = await createTestApp(db.url, { CORS_ORIGINS: 'https://intranet.brest.example' });
      try {
        const ok = await request(other.app.getHttpServer()).get('/api/health').set('Origin', 'https://intranet.brest.example');
        expect(ok.headers['access-control-allow-origin']).toBe('https://intranet.brest.example');
        expect(ok.headers['access-control-allow-credentials']).toBe('true');
        const no = await request(other.app.getHttpServer()).get('/api/health').set('Origin', 'https://evil.example');
        expect(no.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await other.app.close();
      }
    });

    it('answers a JSON-looking cookie ("j:…", which cookie-parser turns into an object) like no cookie, never with a 500', async () => {
      const server = request(app.getHttpServer());
      await server.get('/api/health').set('Cookie', 'jalons_session=j:{}; XSRF-TOKEN=j:{"a":1}').expect(200);
      const me = await server.get('/api/auth/me').set('Cookie', 'jalons_session=j:{}; XSRF-TOKEN=j:[]');
      expect(me.status).toBe(401);
      expect(xsrfFrom(me)).toMatch(/^[\w-]{43}$/); // a usable token replaces the odd one
      const post = await server
        .post('/api/auth/login')
        .set('Cookie', 'XSRF-TOKEN=j:{}')
        .set('X-XSRF-TOKEN', '{}')
        .send({ email: BREST.lead, password: 'x' });
      expect(post.status).toBe(403);
    });

    it('answers errors without stack traces', async () => {
      const res = await (await anonymous(app)).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
      expect(Object.keys(res.body).sort()).toEqual(['error', 'message', 'requestId', 'statusCode']);
    });
  });
});

interface SmtpGate {
  url: string;
  /** connections wait, unanswered, until `release` */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/** A TCP relay in front of the test SMTP server that can hold the app's connections unanswered (a slow or stopped server). */
async function smtpGate(target: string): Promise<SmtpGate> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const waiting: Socket[] = [];
  let held = false;
  const relay = (client: Socket) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  };
  const server = createServer((client) => {
    sockets.add(client);
    if (held) waiting.push(client);
    else relay(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
      waiting.splice(0).forEach(relay);
    },
    close: () => {
      sockets.forEach((s) => s.destroy());
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
