import type { NestExpressApplication } from '@nestjs/platform-express';
import { SchedulerRegistry } from '@nestjs/schedule';
import { addDays, todayInParis } from '@jalons/domain';
import request from 'supertest';

import { AnonymiseService } from '../src/app/privacy/anonymise.service';
import { PurgeService } from '../src/app/privacy/purge.service';
import { PURGE_JOB } from '../src/app/privacy/scheduler';
import { RemindersService } from '../src/app/reminders/reminders.service';
import { createTestApp } from './app';
import { ensureAccount, signIn, signInAs, TEST_PASSWORD } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

const LABEL = 'Ancien·ne responsable';
const SOIZIC = { email: 'soizic.lebihan@brest.example', name: 'Soizic Le Bihan' };
const THOMAS = { email: 'thomas.gueguen@brest.example', name: 'Thomas Guéguen' };

/**
 * Personal data rights on a seeded Brest database through real HTTP: a person's export, the
 * anonymisation of a departed owner (searched for afterwards in every text column of every table,
 * with this file's own SQL), its refusals, and the retention purge on backdated rows.
 */
describe('personal data rights', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let admin: TestAgent;
  let soizicId: string;
  let thomasId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url, { RETENTION_SESSIONS_DAYS: '30', RETENTION_TOKENS_DAYS: '30', RETENTION_OUTBOX_DAYS: '90' }));
    admin = await signIn(app, db, 'admin');
    soizicId = await ensureAccount(db, SOIZIC.email, 'owner');
    thomasId = await ensureAccount(db, THOMAS.email, 'owner');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const count = async (query: string, params: unknown[] = []) => Number(Object.values((await db.query(query, params))[0])[0]);
  const anyActionOf = async (accountId: string) =>
    (
      await db.query<{ id: string; roadmap_id: string; title: string }>(
        `select a.id, a.roadmap_id, a.title from action a join target_function f on f.id = a.function_id where f.owner_id = $1 order by a.id limit 1`,
        [accountId],
      )
    )[0];
  const historyLine = (actorId: string, comment: string | null) =>
    anyActionOf(actorId).then((a) =>
      db.query(
        `insert into change_history (id, roadmap_id, item_type, item_id, actor_id, at, field, from_value, to_value, comment)
         values (gen_random_uuid(), $1, 'action', $2, $3, now(), 'status', 'a_lancer', 'en_cours', $4)`,
        [a.roadmap_id, a.id, actorId, comment],
      ),
    );

  /** Every text, varchar, text[] and jsonb column of every table holding `text` (case-insensitive when asked): this test's own search. */
  async function whereFound(text: string, caseInsensitive: boolean): Promise<string[]> {
    const columns = await db.query<{ t: string; c: string; d: string }>(
      `select table_name as t, column_name as c, data_type as d from information_schema.columns
        where table_schema = 'public' and table_name <> 'mikro_orm_migrations'
          and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
    );
    const found: string[] = [];
    for (const { t, c, d } of columns) {
      const value = d === 'ARRAY' ? `array_to_string("${c}", ' ')` : `"${c}"::text`;
      const test = caseInsensitive ? `strpos(lower(${value}), lower($1)) > 0` : `strpos(${value}, $1) > 0`;
      if (await count(`select count(*) from "${t}" where ${test}`, [text])) found.push(`${t}.${c}`);
    }
    return found;
  }

  it("exports a person's own data and none of another's, without secrets", async () => {
    await historyLine(soizicId, 'Ligne de Soizic');
    await historyLine(thomasId, 'Ligne de Thomas');
    const soizic = await signInAs(app, SOIZIC.email);
    await signInAs(app, THOMAS.email);
    const res = await soizic.get('/api/account/data').expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="mes-donnees-jalons-${todayInParis()}.json"`);
    const data = res.body;
    expect(data.account).toMatchObject({ id: soizicId, name: SOIZIC.name, email: SOIZIC.email, role: 'owner' });
    expect(data.history.length).toBe(await count('select count(*) from change_history where actor_id = $1', [soizicId]));
    expect(data.history.map((h: { comment: string }) => h.comment)).toContain('Ligne de Soizic');
    expect(data.sessions.length).toBe(await count('select count(*) from session where account_id = $1', [soizicId]));
    expect(data.owned.functions.length).toBe(2);
    const text = JSON.stringify(data);
    expect(text).not.toContain('Ligne de Thomas');
    expect(text).not.toContain(THOMAS.email);
    const secrets = await db.query<{ v: string }>(
      `select token_hash as v from session where account_id = $1 union all select csrf_token from session where account_id = $1
       union all select password_hash from account where id = $1`,
      [soizicId],
    );
    for (const { v } of secrets) expect(text).not.toContain(v);
    expect(text).not.toMatch(/hash|password/i);
  });

  it('refuses an anonymisation: unknown (404), stale (409), oneself or the last administrator (422), not an administrator (403)', async () => {
    const before = await db.query('select name, email, version from account order by id');
    const [{ version }] = await db.query<{ version: number }>('select version from account where id = $1', [soizicId]);
    expect((await admin.post('/api/accounts/00000000-0000-4000-8000-000000000000/anonymise').send({ version: 1 })).status).toBe(404);
    const stale = await admin.post(`/api/accounts/${soizicId}/anonymise`).send({ version: version + 5 });
    expect(stale.status).toBe(409);
    const [{ id: adminId, version: adminVersion }] = await db.query<{ id: string; version: number }>(
      `select id, version from account where email = 'admin@test.example'`,
    );
    const self = await admin.post(`/api/accounts/${adminId}/anonymise`).send({ version: adminVersion });
    expect(self.status).toBe(422);
    expect(self.body.message).toMatch(/votre propre compte/);
    // through HTTP the caller is always another active administrator: the service refuses the last one anyway
    const by = { id: soizicId, name: SOIZIC.name, email: SOIZIC.email, role: 'admin', digest: 'daily', functionIds: [] } as never;
    await expect(app.get(AnonymiseService).anonymise(adminId, { version: adminVersion }, by)).rejects.toMatchObject({ status: 422 });
    // two instances that would both be named « Ancien·ne responsable »: refused, nothing changed
    const [rm] = await db.query<{ id: string }>('select id from roadmap limit 1');
    await db.query(`insert into governance_instance (roadmap_id, name) values ($1, $2), ($1, $3)`, [rm.id, LABEL, THOMAS.name]);
    const [{ version: thomasVersion }] = await db.query<{ version: number }>('select version from account where id = $1', [thomasId]);
    const unique = await admin.post(`/api/accounts/${thomasId}/anonymise`).send({ version: thomasVersion });
    expect(unique.status).toBe(409);
    expect(unique.body).toMatchObject({ error: 'anonymisation_conflict', message: expect.stringMatching(/Rien n’a été modifié/) });
    expect(await count('select count(*) from governance_instance where name = $1', [THOMAS.name])).toBe(1);
    await db.query('delete from governance_instance where name in ($1, $2)', [LABEL, THOMAS.name]);
    const owner = await signInAs(app, THOMAS.email);
    expect((await owner.post(`/api/accounts/${soizicId}/anonymise`).send({ version })).status).toBe(403);
    expect(await db.query('select name, email, version from account order by id')).toEqual(before);
  });

  it('anonymises a departed owner: their name and e-mail nowhere, history kept, sign-in, feed and reminders stopped', async () => {
    const action = await anyActionOf(soizicId);
    const soizic = await signInAs(app, SOIZIC.email);
    const feed = (await soizic.post('/api/calendars').send({ scope: 'person' }).expect(201)).body;
    const feedPath = new URL(feed.url).pathname;
    await request(app.getHttpServer()).get(feedPath).expect(200);
    await historyLine(soizicId, null);
    await historyLine(thomasId, `Validé avec ${SOIZIC.name} (${SOIZIC.email.toUpperCase()}).`);
    const [fn] = await db.query<{ id: string }>('select id from target_function where owner_id = $1 limit 1', [soizicId]);
    await db.query(
      `insert into deleted_item (roadmap_id, item_type, item_id, title, function_id, snapshot, deleted_by)
       values ($1, 'action', gen_random_uuid(), 'Action supprimée', $2, $3, $4)`,
      [action.roadmap_id, fn.id, JSON.stringify({ owner: SOIZIC.name, note: `écrire à ${SOIZIC.email}` }), soizicId],
    );
    for (const status of ['pending', 'sent'])
      await db.query(
        `insert into outbox (id, key, account_id, kind, to_address, subject, text_body, html_body, status, next_attempt_at, created_at, sent_at)
         values (gen_random_uuid(), md5(random()::text), $1, 'digest', $2, 'Vos échéances', $3, $3, $4::text, now(), now(), case when $4::text = 'sent' then now() end)`,
        [soizicId, SOIZIC.email, `Bonjour ${SOIZIC.name},`, status],
      );
    await db.query(
      `insert into measurement (indicator_id, measured_on, value, comment, recorded_by)
       select i.id, current_date - 400, 1, $2, $1 from indicator i limit 1`,
      [soizicId, `Relevé par ${SOIZIC.name}`],
    );
    await db.query(
      `insert into evidence (action_id, title, url, kind, added_by) values ($1, $2, 'https://brest.example/d', 'document', $3)`,
      [action.id, `Note de ${SOIZIC.name}`, soizicId],
    );
    const [meeting] = await db.query<{ id: string }>('select id from meeting limit 1');
    await db.query(`insert into meeting_attendee (meeting_id, position, account_id, name) values ($1, 98, $2, $3)`, [
      meeting.id,
      soizicId,
      SOIZIC.name,
    ]);
    // a reminder is due for her today (her action is due in 7 days): the job would write to her
    const today = todayInParis();
    await db.query(`update action set due_date = $2, start_date = least(start_date, $2), status = 'en_cours' where id = $1`, [
      action.id,
      addDays(today, 7),
    ]);
    const reminders = app.get(RemindersService);
    expect((await reminders.dryRun(today)).some((r) => r.email === SOIZIC.email)).toBe(true);
    await reminders.run(addDays(today, -1), 'cli'); // a notification read or not: whatever exists, stays counted below
    await db.query(
      `insert into notification (id, account_id, roadmap_id, item_type, item_id, rule, occurrence, due_date, run_date, title, created_at)
      values (gen_random_uuid(), $1, $2, 'action', $3, 'before', 'x', current_date, current_date, $4, now())`,
      [soizicId, action.roadmap_id, action.id, action.title],
    );
    expect(await whereFound(SOIZIC.name, false)).not.toEqual([]);

    const lines = await count('select count(*) from change_history');
    const herLines = await count('select count(*) from change_history where actor_id = $1', [soizicId]);
    const [{ version }] = await db.query<{ version: number }>('select version from account where id = $1', [soizicId]);
    const res = await admin.post(`/api/accounts/${soizicId}/anonymise`).send({ version }).expect(200);
    expect(res.body).toMatchObject({
      id: soizicId,
      name: LABEL,
      email: `anonyme-${soizicId.replace(/-/g, '').slice(0, 12)}@anonyme.invalid`,
      active: false,
      hasPassword: false,
      anonymisedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      version: version + 1,
    });

    expect(await count('select count(*) from change_history')).toBe(lines);
    expect(await count('select count(*) from change_history where actor_id = $1', [soizicId])).toBe(herLines);
    expect(await whereFound(SOIZIC.name, false)).toEqual([]);
    expect(await whereFound(SOIZIC.email, true)).toEqual([]);
    expect(await count(`select count(*) from change_history where comment = $1`, [`Validé avec ${LABEL} (${LABEL}).`])).toBe(1);
    expect(await count('select count(*) from session where account_id = $1', [soizicId])).toBe(0);
    expect(await count(`select count(*) from outbox where account_id = $1 and status <> 'sent'`, [soizicId])).toBe(0);
    expect(await count(`select count(*) from outbox where account_id = $1 and status = 'sent'`, [soizicId])).toBe(1);
    // her old session, her password, her feed: refused
    expect((await soizic.get('/api/auth/me')).status).toBe(401);
    expect(
      (await request(app.getHttpServer()).post('/api/auth/login').send({ email: SOIZIC.email, password: TEST_PASSWORD })).status,
    ).not.toBe(200);
    expect((await request(app.getHttpServer()).get(feedPath)).status).toBe(404);
    // the reminders job writes nothing to her
    const mails = await count('select count(*) from outbox where account_id = $1', [soizicId]);
    const notes = await count('select count(*) from notification where account_id = $1', [soizicId]);
    expect((await reminders.dryRun(today)).some((r) => r.email === SOIZIC.email || r.name === LABEL)).toBe(false);
    await reminders.run(today, 'cli');
    expect(await count('select count(*) from outbox where account_id = $1', [soizicId])).toBe(mails);
    expect(await count('select count(*) from notification where account_id = $1', [soizicId])).toBe(notes);
    // the administrator's list says so; a second time is a conflict
    const listed = (await admin.get('/api/accounts').expect(200)).body.find((a: { id: string }) => a.id === soizicId);
    expect(listed.anonymisedAt).toBe(res.body.anonymisedAt);
    expect((await admin.post(`/api/accounts/${soizicId}/anonymise`).send({ version: version + 1 })).status).toBe(409);
  });

  it('purges exactly what is past retention, and nothing on a dry run', async () => {
    const id = thomasId;
    const ages = [45, 10];
    for (const days of ages) {
      await db.query(
        `insert into session (id, token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at)
         values (gen_random_uuid(), md5(random()::text), $1, 'c', now() - make_interval(days => $2 + 1), now() - make_interval(days => $2), now() - make_interval(days => $2))`,
        [id, days],
      );
      await db.query(
        `insert into account_token (id, token_hash, account_id, kind, created_at, expires_at)
         values (gen_random_uuid(), md5(random()::text), $1, 'reset', now() - make_interval(days => $2 + 1), now() - make_interval(days => $2))`,
        [id, days],
      );
    }
    for (const days of [120, 60])
      await db.query(
        `insert into outbox (id, key, account_id, kind, to_address, subject, text_body, html_body, status, next_attempt_at, created_at, sent_at)
         values (gen_random_uuid(), md5(random()::text), $1, 'digest', 'x@brest.example', 's', 't', 'h', 'sent', now(), now() - make_interval(days => $2), now() - make_interval(days => $2))`,
        [id, days],
      );
    const [a] = await db.query<{ id: string; roadmap_id: string }>('select id, roadmap_id from action limit 1');
    for (const days of [400, 300])
      await db.query(
        `insert into notification (id, account_id, roadmap_id, item_type, item_id, rule, occurrence, due_date, run_date, title, created_at)
         values (gen_random_uuid(), $1, $2, 'action', $3, 'before', $4, current_date - $5::int, current_date - $5::int, 't', now())`,
        [id, a.roadmap_id, a.id, `purge-${days}`, days],
      );
    await db.query(
      `insert into login_throttle (key, attempts, window_started_at) values ('ip:purge-old', 3, now() - interval '2 hours'), ('ip:purge-new', 1, now())`,
    );
    const old = {
      session: await count(
        `select count(*) from session where least(expires_at, last_seen_at + interval '240 minutes') < now() - interval '31 days'`,
      ),
      account_token: await count(`select count(*) from account_token where coalesce(used_at, expires_at) < now() - interval '31 days'`),
      notification: await count(`select count(*) from notification where due_date < current_date - 366`),
      outbox: await count(
        `select count(*) from outbox where status in ('sent', 'failed') and coalesce(sent_at, created_at) < now() - interval '91 days'`,
      ),
      login_throttle: await count(`select count(*) from login_throttle where window_started_at < now() - interval '1 hour'`),
    };
    expect(Object.values(old).every((n) => n >= 1)).toBe(true);
    const totals = async () => ({
      session: await count('select count(*) from session'),
      account_token: await count('select count(*) from account_token'),
      notification: await count('select count(*) from notification'),
      outbox: await count('select count(*) from outbox'),
      login_throttle: await count('select count(*) from login_throttle'),
    });
    const before = await totals();
    const purge = app.get(PurgeService);
    const dry = await purge.run(undefined, { dryRun: true });
    expect(dry.counts).toEqual(old);
    expect(await totals()).toEqual(before);
    const done = await purge.run();
    expect(done.counts).toEqual(old);
    const after = await totals();
    for (const table of Object.keys(old) as Array<keyof typeof old>) expect(after[table]).toBe(before[table] - old[table]);
    // the newer rows are all there
    expect(
      await count(
        `select count(*) from session where account_id = $1 and last_seen_at between now() - interval '11 days' and now() - interval '9 days'`,
        [id],
      ),
    ).toBe(1);
    expect(await count(`select count(*) from outbox where account_id = $1 and sent_at > now() - interval '61 days'`, [id])).toBe(1);
    expect(await count(`select count(*) from notification where occurrence = 'purge-300'`)).toBe(1);
    expect(await count(`select count(*) from login_throttle where key = 'ip:purge-new'`)).toBe(1);
    expect((await purge.run()).counts).toEqual({ session: 0, account_token: 0, notification: 0, outbox: 0, login_throttle: 0 });
  });

  it('purges at start and on the reminders’ tick (Paris time) on an instance with REMINDERS_ENABLED, on none without', async () => {
    expect(app.get(SchedulerRegistry).doesExist('cron', PURGE_JOB)).toBe(false); // REMINDERS_ENABLED=false in tests
    // a reminder only this purge deletes (the sessions' own clean-up on the same tick leaves notifications alone)
    const [a] = await db.query<{ id: string; roadmap_id: string }>('select id, roadmap_id from action limit 1');
    await db.query(
      `insert into notification (id, account_id, roadmap_id, item_type, item_id, rule, occurrence, due_date, run_date, title, created_at)
       values (gen_random_uuid(), $1, $2, 'action', $3, 'before', 'scheduled-purge', current_date - 400, current_date - 400, 't', now())`,
      [thomasId, a.roadmap_id, a.id],
    );
    const on = await createTestApp(db.url, { REMINDERS_ENABLED: 'true', REMINDERS_CRON: '30 7 * * *' });
    try {
      const job = on.app.get(SchedulerRegistry).getCronJob(PURGE_JOB);
      expect(job.isActive).toBe(true);
      const next = job.nextDate().setZone('Europe/Paris');
      expect([next.hour, next.minute]).toEqual([7, 30]);
    } finally {
      await on.app.close(); // waits for the purge it started
    }
    expect(await count(`select count(*) from notification where occurrence = 'scheduled-purge'`)).toBe(0);
  });
});
