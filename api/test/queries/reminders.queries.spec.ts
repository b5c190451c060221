import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import type { DueReminder } from '../../src/app/reminders/due-reminders';
import { NotificationQueries } from '../../src/app/reminders/notifications.queries';
import { OutboxQueries } from '../../src/app/reminders/outbox.queries';
import { ReminderQueries } from '../../src/app/reminders/reminders.queries';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The reminders feature's queries (the job's runs and records, the outbox, the bell), one by one, on
 * the seeded Brest database. Every test starts from empty reminder tables; what a query did is read
 * back with independent SQL.
 */
describe('reminders queries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let em: EntityManager;
  let reminders: ReminderQueries;
  let outbox: OutboxQueries;
  let notifications: NotificationQueries;
  let roadmapId: string;
  let actionId: string;
  let daily: { id: string; name: string; email: string };
  let weekly: { id: string; name: string; email: string };

  const MONDAY = '2027-03-29';
  const TUESDAY = '2027-03-30';
  const mail = (to: string) => ({ to, subject: 'Jalons — essai', text: 'texte', html: '<p>texte</p>' });

  /** A reminder about the open action, for a person, `daysLeft` before a due date. */
  const due = (accountId: string, dueDate: string, daysLeft: number): DueReminder => ({
    accountId,
    roadmapId,
    itemType: 'action',
    itemId: actionId,
    rule: daysLeft > 0 ? 'before' : daysLeft === 0 ? 'due' : 'overdue',
    dueDate,
    daysLeft,
    title: 'Une action',
  });

  const outboxRow = async (id: string) =>
    (
      await db.query<{ status: string; attempts: number; last_error: string | null; wait: number }>(
        `select status, attempts, last_error, extract(epoch from next_attempt_at - now())::int as wait from outbox where id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    em = orm.em.fork();
    const sql = new Sql(em);
    reminders = new ReminderQueries(sql);
    outbox = new OutboxQueries(sql);
    notifications = new NotificationQueries(sql);
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    // an action that may fall due on 2027-04-05 (ids are random: pick by dates, or the dates check refuses the update)
    [{ id: actionId }] = await db.query<{ id: string }>(
      `select id from action where roadmap_id = $1 and start_date <= '2027-04-05' order by id limit 1`,
      [roadmapId],
    );
    await db.query(`update action set status = 'en_cours', due_date = '2027-04-05' where id = $1`, [actionId]);
    [daily, weekly] = await db.query<{ id: string; name: string; email: string }>(
      'select id, name, email from account where active order by email limit 2',
    );
    await db.query(`update account set digest = 'daily' where id = $1`, [daily.id]);
    await db.query(`update account set digest = 'weekly' where id = $1`, [weekly.id]);
  });
  beforeEach(async () => {
    await db.query('delete from notification');
    await db.query('delete from outbox');
    await db.query('delete from reminder_run');
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  describe('ReminderQueries', () => {
    it('holds the job’s lock until the transaction ends (another instance cannot take it meanwhile)', async () => {
      const otherTakes = async () => {
        const [{ got }] = await db.query<{ got: boolean }>(`select pg_try_advisory_xact_lock(hashtext('jalons:reminders')) as got`);
        return got;
      };
      await em.transactional(async (tx) => {
        await reminders.lockJob(tx);
        expect(await otherTakes()).toBe(false);
      });
      expect(await otherTakes()).toBe(true);
    });

    it('logs runs: started, finished or failed; the last day finished without error; the latest runs first', async () => {
      expect(await reminders.lastFinishedDay()).toBeNull();
      const first = await reminders.startRun(MONDAY, 'cron');
      await reminders.finishRun(first, { selected: 5, created: 3, digests: 2 });
      const second = await reminders.startRun(TUESDAY, 'admin');
      await reminders.failRun(second, 'x'.repeat(3000));
      expect(await reminders.lastFinishedDay()).toBe(MONDAY);
      const runs = await reminders.recentRuns(20);
      expect(runs.map((r) => [r.id, r.runDate, r.trigger])).toEqual([
        [second, TUESDAY, 'admin'],
        [first, MONDAY, 'cron'],
      ]);
      expect(runs[0].error).toHaveLength(2000);
      expect(runs[1]).toMatchObject({ selected: 5, created: 3, digests: 2, error: null });
      expect(runs[1].finishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(await reminders.recentRuns(1)).toHaveLength(1);
    });

    it('catches up from the scheduler’s own runs only, and never from a day after the one given as today', async () => {
      const finished = async (day: string, trigger: 'cron' | 'cli' | 'admin') =>
        reminders.finishRun(await reminders.startRun(day, trigger), { selected: 0, created: 0, digests: 0 });
      await finished(MONDAY, 'cron');
      await finished('2027-04-20', 'cli');
      await finished('2027-04-21', 'admin');
      expect(await reminders.lastFinishedDay()).toBe(MONDAY);
      // a scheduler run dated after today (a clock set forward, then back) does not hold the catch-up back
      await finished('2027-05-01', 'cron');
      expect(await reminders.lastFinishedDay(TUESDAY)).toBe(MONDAY);
      expect(await reminders.lastFinishedDay()).toBe('2027-05-01');
    });

    it('records each reminder once under its unique key; a re-planned item is reminded for its new date', async () => {
      const reminder = due(daily.id, '2027-04-05', 7);
      expect(await em.transactional((tx) => reminders.record([reminder, due(weekly.id, '2027-04-05', 7)], MONDAY, tx))).toBe(2);
      expect(await em.transactional((tx) => reminders.record([reminder], TUESDAY, tx))).toBe(0);
      expect(await em.transactional((tx) => reminders.record([due(daily.id, '2027-04-12', 7)], TUESDAY, tx))).toBe(1);
      expect(await em.transactional((tx) => reminders.record([], TUESDAY, tx))).toBe(0);
      const rows = await db.query<{ occurrence: string; run_date: string }>(
        `select occurrence, run_date::text from notification where account_id = $1 order by occurrence`,
        [daily.id],
      );
      expect(rows).toEqual([
        { occurrence: '2027-04-05:7', run_date: MONDAY },
        { occurrence: '2027-04-12:7', run_date: TUESDAY },
      ]);
    });

    it('gathers a digest’s reminders (weekly ones on Mondays only, open items only) until they are attached to a digest', async () => {
      await em.transactional((tx) => reminders.record([due(daily.id, '2027-04-05', 7), due(weekly.id, '2027-04-05', 7)], MONDAY, tx));
      const onMonday = await em.transactional((tx) => reminders.digestRows(MONDAY, tx));
      expect(onMonday.map((r) => r.email).sort()).toEqual([daily.email, weekly.email].sort());
      expect(onMonday.find((r) => r.account_id === daily.id)).toMatchObject({
        account_name: daily.name,
        item_id: actionId,
        due_date: '2027-04-05',
      });
      expect(Number(onMonday[0].days_left)).toBe(7);
      expect((await em.transactional((tx) => reminders.digestRows(TUESDAY, tx))).map((r) => r.email)).toEqual([daily.email]);

      const outboxId = (await outbox.enqueue(`digest:${daily.id}:${MONDAY}`, daily.id, 'digest', mail(daily.email)))!;
      const mine = onMonday.filter((r) => r.account_id === daily.id).map((r) => r.id);
      await em.transactional((tx) => reminders.attachToDigest(outboxId, mine, tx));
      expect((await em.transactional((tx) => reminders.digestRows(MONDAY, tx))).map((r) => r.email)).toEqual([weekly.email]);

      await db.query(`update action set status = 'terminee' where id = $1`, [actionId]);
      try {
        expect(await em.transactional((tx) => reminders.digestRows(MONDAY, tx))).toEqual([]);
      } finally {
        await db.query(`update action set status = 'en_cours' where id = $1`, [actionId]);
      }
    });

    it('gathers an indicator’s reminder with its name and function, until a measurement is recorded after it', async () => {
      const [fn] = await db.query<{ id: string; name: string }>('select id, name from target_function where roadmap_id = $1 limit 1', [
        roadmapId,
      ]);
      const [ind] = await db.query<{ id: string }>(
        `insert into indicator (function_id, name, unit, direction, baseline_on, baseline_value, target_on, target_value)
         values ($1, 'Jeux de données ouverts', 'jeux', 'up', '2027-01-01', 0, '2030-01-01', 50) returning id`,
        [fn.id],
      );
      try {
        const stale: DueReminder = { ...due(daily.id, '2027-03-29', 0), itemType: 'indicator', itemId: ind.id, rule: 'stale' };
        await em.transactional((tx) => reminders.record([stale], MONDAY, tx));
        const rows = await em.transactional((tx) => reminders.digestRows(MONDAY, tx));
        expect(rows.filter((r) => r.item_id === ind.id)).toEqual([
          expect.objectContaining({
            item_type: 'indicator',
            rule: 'stale',
            title: 'Jeux de données ouverts',
            function_id: fn.id,
            function_name: fn.name,
          }),
        ]);
        await db.query(
          `insert into measurement (indicator_id, measured_on, value, created_at) values ($1, '2027-03-29', 3, now() + interval '1 second')`,
          [ind.id],
        );
        expect((await em.transactional((tx) => reminders.digestRows(MONDAY, tx))).filter((r) => r.item_id === ind.id)).toEqual([]);
      } finally {
        await db.query('delete from indicator where id = $1', [ind.id]);
      }
    });

    it('reads the recipients of a dry run', async () => {
      const people = await reminders.recipients([daily.id, weekly.id]);
      expect(people.map((p) => [p.id, p.email, p.digest]).sort()).toEqual(
        [
          [daily.id, daily.email, 'daily'],
          [weekly.id, weekly.email, 'weekly'],
        ].sort(),
      );
    });
  });

  describe('OutboxQueries', () => {
    it('records a message once under its key, and nothing when the transaction rolls back', async () => {
      const id = await outbox.enqueue('digest:once', daily.id, 'digest', mail(daily.email));
      expect(id).toEqual(expect.any(String));
      expect(await outbox.enqueue('digest:once', daily.id, 'digest', mail(daily.email))).toBeNull();
      await expect(
        em.transactional(async (tx) => {
          await outbox.enqueue('digest:rolled-back', null, 'test', mail(daily.email), tx);
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect((await db.query<{ key: string }>('select key from outbox')).map((r) => r.key)).toEqual(['digest:once']);
    });

    it('hands each message to one claimer: a row locked by another is skipped, a claimed one is not claimed twice', async () => {
      const a = (await outbox.enqueue('k:a', null, 'test', mail('a@test.example')))!;
      const b = (await outbox.enqueue('k:b', null, 'test', mail('b@test.example')))!;
      await db.query('begin');
      try {
        await db.query('select id from outbox where id = $1 for update', [a]); // another sender is claiming it
        expect((await outbox.claim(300, 10)).map((m) => m.id)).toEqual([b]);
      } finally {
        await db.query('commit');
      }
      const [claimed] = await outbox.claim(300, 10);
      expect(claimed).toMatchObject({ id: a, to_address: 'a@test.example', attempts: 1 });
      expect(await outbox.claim(300, 10)).toEqual([]);
      // a lease that ended is taken over, with the next attempt number
      await db.query(`update outbox set locked_until = now() - interval '1 second' where id = $1`, [a]);
      expect((await outbox.claim(300, 10)).map((m) => [m.id, m.attempts])).toEqual([[a, 2]]);
    });

    it('fences the updates after a send by the attempt number: a sender whose lease was taken over writes nothing', async () => {
      const id = (await outbox.enqueue('k:fence', null, 'test', mail('f@test.example')))!;
      await outbox.claim(300, 1);
      await db.query(`update outbox set locked_until = now() - interval '1 second' where id = $1`, [id]);
      await outbox.claim(300, 1); // taken over: attempt 2
      expect(await outbox.markSent(id, 1)).toBe(false);
      expect(await outbox.markUnsent(id, 1, 'failed', 'late', 60)).toBe(false);
      expect(await outboxRow(id)).toMatchObject({ status: 'sending', attempts: 2, last_error: null });
      expect(await outbox.markSent(id, 2)).toBe(true);
      expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('puts an unsent message back with its wait and error, or fails it; the administrator retries a failed one', async () => {
      const id = (await outbox.enqueue('k:unsent', null, 'test', mail('u@test.example')))!;
      await outbox.claim(300, 1);
      expect(await outbox.markUnsent(id, 1, 'pending', 'connection refused', 120)).toBe(true);
      const waiting = await outboxRow(id);
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1, last_error: 'connection refused' });
      expect(waiting.wait).toBeGreaterThan(100);
      expect(await outbox.claim(300, 1)).toEqual([]); // not due yet
      expect(await outbox.retry(id)).toBe(false); // not failed: nothing to retry
      await db.query(`update outbox set next_attempt_at = now() where id = $1`, [id]);
      await outbox.claim(300, 1);
      expect(await outbox.markUnsent(id, 2, 'failed', 'still refused', 240)).toBe(true);
      expect(await outboxRow(id)).toMatchObject({ status: 'failed', attempts: 2 });
      expect(await outbox.retry(id)).toBe(true);
      expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 0, last_error: null });
      expect(await outbox.retry('00000000-0000-4000-8000-000000000000')).toBe(false);
    });

    it('counts the messages by status and lists the problems (failed, or pending after an attempt), newest first', async () => {
      const [sent, failed, retrying] = await Promise.all(
        ['sent', 'failed', 'retrying', 'fresh'].map((k) => outbox.enqueue(`k:${k}`, null, 'test', mail('c@test.example'))),
      );
      await db.query(`update outbox set status = 'sent', attempts = 1, sent_at = now() where id = $1`, [sent]);
      await db.query(
        `update outbox set status = 'failed', attempts = 5, last_error = 'no', created_at = now() + interval '1 minute' where id = $1`,
        [failed],
      );
      await db.query(`update outbox set attempts = 1, last_error = 'later' where id = $1`, [retrying]);
      expect(await outbox.countsByStatus()).toEqual({ pending: 2, sent: 1, failed: 1 });
      const problems = await outbox.problems(50);
      expect(problems.map((p) => [p.id, p.status, p.lastError])).toEqual([
        [failed, 'failed', 'no'],
        [retrying, 'pending', 'later'],
      ]);
      expect(problems[0]).toMatchObject({ to: 'c@test.example', attempts: 5, sentAt: null });
      expect(problems[0].nextAttemptAt).toMatch(/Z$/);
      expect(await outbox.problems(1)).toHaveLength(1);
    });

    it('gives the backlog: messages not sent yet, the oldest one’s age, the failed ones, and the last error with its addresses masked', async () => {
      expect(await outbox.backlog()).toEqual({ pending: 0, oldestPendingAt: null, oldestPendingMinutes: null, failed: 0, lastError: null });
      const [old, recent, failed] = await Promise.all(
        ['old', 'recent', 'failed', 'sent'].map((k) => outbox.enqueue(`k:${k}`, null, 'test', mail('b@test.example'))),
      );
      await db.query(
        `update outbox set status = 'sent', sent_at = now(), last_error = 'old news', last_error_at = now() where key = 'k:sent'`,
      );
      await db.query(
        `update outbox set created_at = now() - interval '75 minutes', last_error = 'connect ECONNREFUSED', last_error_at = now() - interval '2 minutes' where id = $1`,
        [old],
      );
      await db.query(
        `update outbox set status = 'sending', last_error = 'Can''t send mail - all recipients were rejected: 550 <b@test.example>: unknown', last_error_at = now() - interval '1 minute' where id = $1`,
        [recent],
      );
      await db.query(
        `update outbox set status = 'failed', last_error = 'gave up', last_error_at = now() - interval '3 minutes' where id = $1`,
        [failed],
      );
      const backlog = await outbox.backlog();
      expect(backlog).toMatchObject({ pending: 2, failed: 1, oldestPendingMinutes: 75 });
      expect(Date.now() - Date.parse(backlog.oldestPendingAt!)).toBeGreaterThan(74 * 60_000);
      expect(backlog.lastError!.message).toBe("Can't send mail - all recipients were rejected: 550 <…>: unknown");
      expect(Date.parse(backlog.lastError!.at)).toBeLessThan(Date.now());
    });
  });

  describe('NotificationQueries', () => {
    it('lists a person’s reminders unread first with the unread count, marks one or all read, and no one else’s', async () => {
      await em.transactional((tx) =>
        reminders.record([due(daily.id, '2027-04-05', 7), due(daily.id, '2027-04-05', 1), due(weekly.id, '2027-04-05', 7)], MONDAY, tx),
      );
      const list = await notifications.ofAccount(daily.id, 50);
      expect(list).toHaveLength(2);
      expect(await notifications.unreadCount(daily.id)).toBe(2);
      expect(await notifications.markRead(list[1].id, daily.id)).toBe(true);
      const [theirs] = await notifications.ofAccount(weekly.id, 50);
      expect(await notifications.markRead(theirs.id, daily.id)).toBe(false);
      expect(await notifications.unreadCount(weekly.id)).toBe(1);
      const after = await notifications.ofAccount(daily.id, 50);
      expect(after.map((n) => [n.id, n.readAt === null])).toEqual([
        [list[0].id, true],
        [list[1].id, false],
      ]);
      expect(after[1]).toMatchObject({
        itemId: actionId,
        itemType: 'action',
        functionId: null,
        dueDate: '2027-04-05',
        runDate: MONDAY,
        roadmapId,
      });
      expect(await notifications.ofAccount(daily.id, 1)).toHaveLength(1);
      // a second reading keeps the first reading's time
      const readAt = after[1].readAt;
      await new Promise((r) => setTimeout(r, 5));
      await notifications.markRead(list[1].id, daily.id);
      expect((await notifications.ofAccount(daily.id, 50))[1].readAt).toBe(readAt);
      await notifications.markAllRead(daily.id);
      expect(await notifications.unreadCount(daily.id)).toBe(0);
      expect(await notifications.unreadCount(weekly.id)).toBe(1);
    });

    it('sets a person’s digest choice', async () => {
      await notifications.setDigest(daily.id, 'none');
      try {
        expect((await db.query<{ digest: string }>('select digest from account where id = $1', [daily.id]))[0].digest).toBe('none');
      } finally {
        await notifications.setDigest(daily.id, 'daily');
      }
      expect((await reminders.recipients([daily.id]))[0].digest).toBe('daily');
    });
  });
});
