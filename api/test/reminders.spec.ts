import type { NestExpressApplication } from '@nestjs/platform-express';
import { addDays, formatFrDate, todayInParis } from '@jalons/domain';
import ICAL from 'ical.js';
import request from 'supertest';

import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';

import { OutboxService } from '../src/app/reminders/outbox.service';
import { REMINDERS_JOB, ReminderScheduler } from '../src/app/reminders/scheduler';
import { RemindersService } from '../src/app/reminders/reminders.service';
import { SessionsService } from '../src/app/auth/sessions.service';
import { createTestApp } from './app';
import { anonymous, ensureAccount, signInAs } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { startSmtp } from './smtp';
import type { ReceivedMail, TestSmtp } from './smtp';

/**
 * The reminder job with a controlled clock (the day is the job's argument) and a real SMTP
 * exchange. The Brest roadmap is reduced to a few open items with known due dates and owners
 * around the spring-forward Sunday of 2027 (28 March); everything else is done.
 */
describe('deadline reminders', () => {
  let db: TestDatabase;
  let smtp: TestSmtp;
  let app: NestExpressApplication;
  let reminders: RemindersService;
  const ids: Record<string, string> = {};

  const SOIZIC = 'soizic.lebihan@brest.example'; // owns ethique and mediation, daily digest
  const THOMAS = 'thomas.gueguen@brest.example'; // owns juridique, weekly digest
  const JULIEN = 'julien.madec@brest.example'; // owns innovation and prospective, no e-mail
  const CAMILLE = 'camille.legoff@brest.example'; // project lead, daily digest

  async function openItem(key: string, table: 'action' | 'milestone', fn: string, due: string): Promise<void> {
    const [row] = await db.query<{ id: string }>(
      `select t.id from ${table} t join target_function f on f.id = t.function_id where f.code = $1 order by t.id limit 1`,
      [fn],
    );
    if (table === 'action') {
      await db.query(
        `update action set status = 'en_cours', progress = 30, start_date = '2027-01-04', due_date = $2, owner_id = null where id = $1`,
        [row.id, due],
      );
    } else {
      await db.query(`update milestone set milestone_date = $2, achieved_on = null where id = $1`, [row.id, due]);
    }
    ids[key] = row.id;
  }

  async function reset(): Promise<void> {
    await db.query('delete from notification');
    await db.query('delete from outbox');
    smtp.mails.length = 0;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtp();
    ({ app } = await createTestApp(db.url, { SMTP_URL: smtp.url, PUBLIC_URL: 'http://jalons.brest.example' }));
    reminders = app.get(RemindersService);
    await db.query(`update action set status = 'terminee', progress = 100`);
    await db.query(`update milestone set achieved_on = least(milestone_date, '2026-11-28')`);
    await db.query('delete from indicator'); // the indicators' reminders have their own test (indicator-reminders.spec.ts)
    await openItem('A1', 'action', 'mediation', '2027-04-04'); // Soizic, due the Sunday after the clocks change
    await openItem('A2', 'action', 'juridique', '2027-03-31'); // Thomas (weekly)
    await openItem('A3', 'action', 'innovation', '2027-03-29'); // Julien (no e-mail)
    await openItem('A4', 'action', 'ethique', '2027-03-29'); // Soizic, finished before its J-7 reminder
    await openItem('M1', 'milestone', 'ethique', '2027-04-04'); // Soizic
    await db.query(`update account set digest = 'weekly' where email = $1`, [THOMAS]);
    await db.query(`update account set digest = 'none' where email = $1`, [JULIEN]);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await db?.drop();
  });

  /** Runs the job day after day; returns, per day, who got a mail. */
  async function runDays(from: string, to: string, onDay?: (day: string) => Promise<void>): Promise<Map<string, ReceivedMail[]>> {
    const byDay = new Map<string, ReceivedMail[]>();
    for (let day = from; day <= to; day = addDays(day, 1)) {
      await onDay?.(day);
      const before = smtp.mails.length;
      await reminders.run(day, 'cli');
      const arrived = smtp.mails.slice(before);
      if (arrived.length) byDay.set(day, arrived);
    }
    return byDay;
  }

  const mailDays = (byDay: Map<string, ReceivedMail[]>, who: string) =>
    [...byDay].filter(([, ms]) => ms.some((m) => m.to.includes(who))).map(([d]) => d);
  const mailOf = (byDay: Map<string, ReceivedMail[]>, who: string, day: string) => byDay.get(day)!.find((m) => m.to.includes(who))!;

  it('sends the right digest to the right people on the right days, across the spring-forward Sunday', async () => {
    await reset();
    const byDay = await runDays('2027-03-14', '2027-04-12', async (day) => {
      // A4 is finished on 20 March, before its J-7 reminder of 22 March
      if (day === '2027-03-20') await db.query(`update action set status = 'terminee', progress = 100 where id = $1`, [ids['A4']]);
    });

    // Soizic (daily): A4 at J-14 (15/03), A1 and M1 at J-14 (21/03), J-7 (28/03, the DST Sunday), J-1, on the day, then A1 late
    expect(mailDays(byDay, SOIZIC)).toEqual(['2027-03-15', '2027-03-21', '2027-03-28', '2027-04-03', '2027-04-04', '2027-04-11']);
    const dst = mailOf(byDay, SOIZIC, '2027-03-28');
    expect(dst.subject).toBe('Jalons — 2 échéances (28/03/2027)');
    expect(dst.text).toContain('BIENTÔT À ÉCHÉANCE');
    expect(dst.text).toMatch(/Action « .+ » — Médiation.*: échéance le 04\/04\/2027 \(dans 7 jours\)/);
    expect(dst.text).toMatch(/Jalon « .+ » — Éthique.*: échéance le 04\/04\/2027 \(dans 7 jours\)/);
    expect(dst.text).toContain(`http://jalons.brest.example/r/brest-2026-2032/actions/${ids['A1']}`);
    expect(dst.html).toContain(`href="http://jalons.brest.example/r/brest-2026-2032/jalons/${ids['M1']}"`);
    expect(dst.text).toContain('http://jalons.brest.example/mon-compte');
    // the finished A4 is not reminded after it was finished
    expect(byDay.get('2027-03-21')!.find((m) => m.to.includes(SOIZIC))!.text).not.toContain(ids['A4']);
    const late = mailOf(byDay, SOIZIC, '2027-04-11');
    expect(late.subject).toBe('Jalons — 2 échéances dont 2 retards (11/04/2027)');
    expect(late.text).toContain('en retard de 7 jours (échéance le 04/04/2027)');

    // Thomas (weekly): Mondays only, each gathering the past week's reminders
    expect(mailDays(byDay, THOMAS)).toEqual(['2027-03-22', '2027-03-29', '2027-04-05', '2027-04-12']);
    expect(mailOf(byDay, THOMAS, '2027-03-22').text).toContain('(dans 9 jours)'); // J-14 of the 17th, told on the 22nd
    expect(mailOf(byDay, THOMAS, '2027-04-05').text).toContain('en retard de 5 jours'); // J-1 and the due day, gathered

    // Julien chose no e-mail: none, but the reminders are in the app
    expect(mailDays(byDay, JULIEN)).toEqual([]);
    const [{ n }] = await db.query<{ n: string }>(
      `select count(*) n from notification n join account a on a.id = n.account_id where a.email = $1`,
      [JULIEN],
    );
    expect(Number(n)).toBeGreaterThanOrEqual(4);

    // the project lead gets the escalations from 7 days late on, every 7 days: A3 (Julien's, due 29/03)
    // on 05/04 and 12/04, A2 (Thomas's, due 31/03) on 07/04, A1 and M1 (Soizic's, due 04/04) on 11/04
    expect(mailDays(byDay, CAMILLE)).toEqual(['2027-04-05', '2027-04-07', '2027-04-11', '2027-04-12']);
    const escalation = mailOf(byDay, CAMILLE, '2027-04-11');
    expect(escalation.text).toContain('REMONTÉS AU CHEF DE PROJET');
    expect(escalation.text).toContain('responsable Soizic Le Bihan');

    // never two mails to one person on one day
    for (const [day, mails] of byDay) {
      const to = mails.flatMap((m) => m.to);
      expect({ day, to: [...new Set(to)].length }).toEqual({ day, to: to.length });
    }
  });

  it('records each reminder once however often the job runs: a second run of a day sends nothing', async () => {
    await reset();
    const first = await reminders.run('2027-03-28', 'cli');
    expect(first.created).toBeGreaterThan(0);
    const sent = smtp.mails.length;
    const second = await reminders.run('2027-03-28', 'cli');
    expect(second).toMatchObject({ selected: first.selected, created: 0, digests: 0 });
    expect(smtp.mails.length).toBe(sent);
  });

  it('delivers each digest once when three instances run the job at the same instant', async () => {
    await reset();
    const others = await Promise.all(
      [1, 2].map(() => createTestApp(db.url, { SMTP_URL: smtp.url, PUBLIC_URL: 'http://jalons.brest.example' })),
    );
    try {
      const services = [reminders, ...others.map((o) => o.app.get(RemindersService))];
      const reports = await Promise.all(services.map((s) => s.run('2027-04-11', 'cron')));
      expect(reports.map((r) => r.created).sort()).toEqual([0, 0, reports.reduce((n, r) => n + r.created, 0)]);
      await new Promise((r) => setTimeout(r, 200));
      const recipients = smtp.mails.flatMap((m) => m.to).sort();
      expect(recipients).toEqual([CAMILLE, SOIZIC].sort());
      expect(reports.reduce((n, r) => n + (r.delivery?.sent ?? 0), 0)).toBe(2);
    } finally {
      await Promise.all(others.map((o) => o.app.close()));
    }
  });

  it('loses nothing and doubles nothing when a sender dies mid-batch: its claimed e-mails go out once its lease ends', async () => {
    await reset();
    const report = await reminders.run('2027-04-11', 'cli', { send: false });
    expect(report.digests).toBe(2); // Soizic (A1 and M1 late) and Camille (their escalation)
    const rows = await db.query<{ id: string; to_address: string }>(`select id, to_address from outbox order by to_address`);
    // a process claimed the first message, then died before sending it
    await db.query(`update outbox set status = 'sending', attempts = 1, locked_until = now() + interval '5 minutes' where id = $1`, [
      rows[0].id,
    ]);
    const outbox = app.get(OutboxService);
    expect((await outbox.deliverDue()).sent).toBe(rows.length - 1);
    expect(smtp.mails.map((m) => m.to[0])).not.toContain(rows[0].to_address);
    // the lease ends: another sender takes the message over
    await db.query(`update outbox set locked_until = now() - interval '1 second' where id = $1`, [rows[0].id]);
    expect((await outbox.deliverDue()).sent).toBe(1);
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(rows.map((r) => r.to_address).sort());
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('keeps the e-mails when the SMTP server is down, retries later with backoff, and delivers them once', async () => {
    await reset();
    const down = await createTestApp(db.url, {
      SMTP_URL: 'smtp://127.0.0.1:1',
      PUBLIC_URL: 'http://jalons.brest.example',
      MAIL_MAX_ATTEMPTS: '3',
    });
    try {
      const report = await down.app.get(RemindersService).run('2027-03-28', 'cron');
      expect(report.delivery).toMatchObject({ sent: 0, retrying: report.digests });
      const waiting = await db.query<{ status: string; attempts: number; last_error: string; wait: number }>(
        `select status, attempts, last_error, extract(epoch from next_attempt_at - now())::int as wait from outbox`,
      );
      expect(waiting.every((w) => w.status === 'pending' && w.attempts === 1 && w.last_error && w.wait > 30)).toBe(true);
      // not yet due: the sweeper leaves them
      expect((await app.get(OutboxService).deliverDue()).sent).toBe(0);
      // the backoff has passed, the server is back (this instance's SMTP works)
      await db.query(`update outbox set next_attempt_at = now()`);
      expect((await app.get(OutboxService).deliverDue()).sent).toBe(report.digests);
      expect(smtp.mails).toHaveLength(report.digests);
      expect((await db.query<{ attempts: number }>('select attempts from outbox')).every((r) => r.attempts === 2)).toBe(true);
    } finally {
      await down.app.close();
    }
  });

  it('marks an e-mail failed after MAIL_MAX_ATTEMPTS and shows it to the administrator, who can retry it', async () => {
    await reset();
    const down = await createTestApp(db.url, { SMTP_URL: 'smtp://127.0.0.1:1', MAIL_MAX_ATTEMPTS: '2' });
    try {
      await down.app.get(RemindersService).run('2027-03-28', 'cron');
      await db.query(`update outbox set next_attempt_at = now()`);
      const second = await down.app.get(OutboxService).deliverDue();
      expect(second.failed).toBeGreaterThan(0);
      await ensureAccount(db, 'admin@test.example', 'admin');
      const admin = await signInAs(app, 'admin@test.example');
      const status = (await admin.get('/api/admin/reminders').expect(200)).body;
      expect(status.counts.failed).toBe(second.failed);
      expect(status.problems[0]).toMatchObject({ status: 'failed', attempts: 2 });
      expect(status.problems[0].lastError).toBeTruthy();
      expect(status.runs[0]).toMatchObject({ runDate: '2027-03-28', trigger: 'cron' });
      await admin.post(`/api/admin/outbox/${status.problems[0].id}/retry`).expect(204);
      await smtp.waitFor((m) => m.subject.startsWith('Jalons —'));
      const test = (await admin.post('/api/admin/test-mail').send({}).expect(200)).body;
      expect(test).toEqual({ sent: true, to: 'admin@test.example', error: null });
      await smtp.waitFor((m) => m.to.includes('admin@test.example') && /essai/.test(m.subject));
    } finally {
      await down.app.close();
    }
  });

  it('shows reminders in the app, marks them read, and lets a person choose no e-mail', async () => {
    await reset();
    await db.query(`update account set digest = 'daily' where email = $1`, [SOIZIC]);
    await ensureAccount(db, SOIZIC, 'owner', 'Soizic Le Bihan');
    await reminders.run('2027-03-28', 'cli');
    const soizic = await signInAs(app, SOIZIC);
    const list = (await soizic.get('/api/notifications').expect(200)).body;
    expect(list.unread).toBe(2);
    expect(list.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual([ids['A1'], ids['M1']].sort());
    await soizic.post(`/api/notifications/${list.items[0].id}/read`).expect(204);
    expect((await soizic.get('/api/notifications').expect(200)).body.unread).toBe(1);
    // someone else's reminder is not theirs to mark
    const [other] = await db.query<{ id: string }>(
      `select n.id from notification n join account a on a.id = n.account_id where a.email <> $1 limit 1`,
      [SOIZIC],
    );
    expect((await soizic.post(`/api/notifications/${other.id}/read`)).status).toBe(404);
    await soizic.post('/api/notifications/read-all').expect(204);
    expect((await soizic.get('/api/notifications').expect(200)).body.unread).toBe(0);

    const me = (await soizic.put('/api/auth/preferences').send({ digest: 'none' }).expect(200)).body;
    expect(me.digest).toBe('none');
    expect((await soizic.put('/api/auth/preferences').send({ digest: 'monthly' })).status).toBe(400);
    const before = smtp.mails.length;
    await reminders.run('2027-04-03', 'cli');
    expect(smtp.mails.slice(before).some((m) => m.to.includes(SOIZIC))).toBe(false);
    await db.query(`update account set digest = 'daily' where email = $1`, [SOIZIC]);
  });

  it('follows the roadmap’s rules as the project lead sets them, and refuses malformed rules', async () => {
    await reset();
    await ensureAccount(db, CAMILLE, 'lead', 'Camille Le Goff');
    const lead = await signInAs(app, CAMILLE);
    const [roadmap] = (await lead.get('/api/roadmaps').expect(200)).body;
    expect(roadmap.reminderRules).toEqual({
      before: [14, 7, 1],
      onDueDate: true,
      overdueEveryDays: 7,
      escalateAfterDays: 7,
      milestones: true,
      indicatorStaleDays: 90,
    });
    const bad = await lead.patch(`/api/roadmaps/${roadmap.id}/settings`).send({
      version: roadmap.version,
      reminders: { before: [0, 400], onDueDate: true, overdueEveryDays: 7, escalateAfterDays: 7, milestones: true, indicatorStaleDays: 90 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toMatch(/before/);
    for (const reminders of [[], 'tous', { before: [7] }]) {
      const refused = await lead.patch(`/api/roadmaps/${roadmap.id}/settings`).send({ version: roadmap.version, reminders });
      expect({ reminders, status: refused.status }).toEqual({ reminders, status: 400 });
    }
    const saved = await lead
      .patch(`/api/roadmaps/${roadmap.id}/settings`)
      .send({
        version: roadmap.version,
        reminders: {
          before: [3, 30, 3],
          onDueDate: false,
          overdueEveryDays: 0,
          escalateAfterDays: 0,
          milestones: false,
          indicatorStaleDays: 0,
        },
      })
      .expect(200);
    expect(saved.body.reminderRules).toEqual({
      before: [30, 3],
      onDueDate: false,
      overdueEveryDays: 0,
      escalateAfterDays: 0,
      milestones: false,
      indicatorStaleDays: 0,
    });
    // 28/03 is no longer J-7 of A1 and M1 (due 04/04) but J-3 of A2 (due 31/03); on 01/04, J-3 of A1
    // only: the milestone is not reminded any more, late items neither
    const row = (d: { itemId: string; rule: string; daysLeft: number; email: string }) => [d.itemId, d.rule, d.daysLeft, d.email];
    expect((await reminders.dryRun('2027-03-28')).map(row)).toEqual([[ids['A2'], 'before', 3, THOMAS]]);
    expect((await reminders.dryRun('2027-04-01')).map(row)).toEqual([[ids['A1'], 'before', 3, SOIZIC]]);
    // a dry run records and sends nothing
    expect(await db.query('select 1 from notification')).toEqual([]);
    await lead
      .patch(`/api/roadmaps/${roadmap.id}/settings`)
      .send({
        version: saved.body.version,
        reminders: {
          before: [14, 7, 1],
          onDueDate: true,
          overdueEveryDays: 7,
          escalateAfterDays: 7,
          milestones: true,
          indicatorStaleDays: 90,
        },
      })
      .expect(200);
  });

  it('keeps the e-mails waiting, attempts untouched, while no SMTP server is configured', async () => {
    await reset();
    const none = await createTestApp(db.url, { SMTP_URL: '' });
    try {
      const report = await none.app.get(RemindersService).run('2027-03-28', 'cron');
      expect(report.digests).toBeGreaterThan(0);
      expect(report.delivery).toEqual({ sent: 0, retrying: 0, failed: 0 });
      const rows = await db.query<{ status: string; attempts: number }>('select status, attempts from outbox');
      expect(rows.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    } finally {
      await none.app.close();
    }
    // an instance that has one sends them
    expect((await app.get(OutboxService).deliverDue()).sent).toBeGreaterThan(0);
  });

  it('finishes its start-up catch-up before the instance closes (the database pool stays open for it)', async () => {
    // the catch-up ends by purging ended sessions: when close() returns, that purge has run and succeeded
    const purge = jest.spyOn(SessionsService.prototype, 'purge');
    try {
      const on = await createTestApp(db.url, { REMINDERS_ENABLED: 'true', REMINDERS_CRON: '30 7 * * *' });
      await on.app.close();
      expect(purge).toHaveBeenCalledTimes(1);
      await expect(purge.mock.results[0].value).resolves.toBeUndefined();
    } finally {
      purge.mockRestore();
    }
  });

  it('schedules the job at 07:30 in Paris when enabled (also across the clock changes), not at all when disabled', async () => {
    expect(app.get(SchedulerRegistry).doesExist('cron', REMINDERS_JOB)).toBe(false); // REMINDERS_ENABLED=false in tests
    const on = await createTestApp(db.url, { REMINDERS_ENABLED: 'true', REMINDERS_CRON: '30 7 * * *' });
    try {
      const job = on.app.get(SchedulerRegistry).getCronJob(REMINDERS_JOB);
      expect(job.isActive).toBe(true);
      const next = job.nextDate().setZone('Europe/Paris');
      expect([next.hour, next.minute]).toEqual([7, 30]);
      // the same expression, from the days around the 2027 clock changes: 07:30 Paris time, 05:30 then 06:30 UTC
      const around = (iso: string) =>
        CronJob.from({ cronTime: '30 7 * * *', timeZone: 'Europe/Paris', onTick: () => undefined })
          .cronTime.getNextDateFrom(new Date(iso), 'Europe/Paris')
          .toUTC()
          .toISO();
      expect(around('2027-03-27T12:00:00Z')).toBe('2027-03-28T05:30:00.000Z');
      expect(around('2027-10-30T12:00:00Z')).toBe('2027-10-31T06:30:00.000Z');
    } finally {
      await on.app.close();
    }
  });

  it('runs the days missed while no instance ran the job (at most a week back), each once', async () => {
    await reset();
    const today = todayInParis();
    await db.query('delete from reminder_run');
    await db.query(
      `insert into reminder_run (id, run_date, trigger, started_at, finished_at) values (gen_random_uuid(), $1, 'cron', now(), now())`,
      [addDays(today, -3)],
    );
    const scheduler = app.get(ReminderScheduler);
    await scheduler.catchUp(false);
    const days = async () => (await db.query<{ d: string }>(`select run_date::text d from reminder_run order by run_date`)).map((r) => r.d);
    expect(await days()).toEqual([addDays(today, -3), addDays(today, -2), addDays(today, -1)]);
    await scheduler.catchUp(true);
    expect(await days()).toEqual([addDays(today, -3), addDays(today, -2), addDays(today, -1), today]);
    // long stops are not replayed beyond a week
    await db.query('delete from reminder_run');
    await db.query(
      `insert into reminder_run (id, run_date, trigger, started_at, finished_at) values (gen_random_uuid(), $1, 'cron', now(), now())`,
      [addDays(today, -40)],
    );
    await scheduler.catchUp(false);
    expect((await days()).filter((d) => d > addDays(today, -40))).toEqual([-7, -6, -5, -4, -3, -2, -1].map((n) => addDays(today, n)));
  });

  it('refuses a run for a day after today (Europe/Paris) from the administrator, and records nothing', async () => {
    await ensureAccount(db, 'admin@test.example', 'admin');
    const admin = await signInAs(app, 'admin@test.example');
    const count = async () => Number((await db.query<{ n: string }>('select count(*) n from reminder_run'))[0].n);
    const before = await count();
    const tomorrow = addDays(todayInParis(), 1);
    const res = await admin.post('/api/admin/reminders/run').send({ date: tomorrow });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: 'rule_broken', errors: [{ field: 'date' }] });
    expect(res.body.message).toContain(formatFrDate(tomorrow));
    expect(await count()).toBe(before);
  });

  it('catches up the missed days even when a run for a later day was recorded (by the CLI or an administrator)', async () => {
    await reset();
    const today = todayInParis();
    await db.query('delete from reminder_run');
    const finished = (day: string, trigger: string) =>
      db.query(
        `insert into reminder_run (id, run_date, trigger, started_at, finished_at) values (gen_random_uuid(), $1, $2, now(), now())`,
        [day, trigger],
      );
    await finished(addDays(today, -3), 'cron');
    await finished(addDays(today, 30), 'cli'); // a test of a future day from the command line
    await finished(addDays(today, -1), 'admin'); // « Lancer maintenant » for yesterday: the scheduler runs it again, harmlessly
    await app.get(ReminderScheduler).catchUp(false);
    const cronDays = (
      await db.query<{ d: string }>(`select run_date::text d from reminder_run where trigger = 'cron' order by run_date`)
    ).map((r) => r.d);
    expect(cronDays).toEqual([addDays(today, -3), addDays(today, -2), addDays(today, -1)]);
  });

  describe('calendar feeds', () => {
    it('serves a person’s due dates as iCalendar an independent parser reads, and answers 404 once revoked', async () => {
      await ensureAccount(db, SOIZIC, 'owner', 'Soizic Le Bihan');
      const soizic = await signInAs(app, SOIZIC);
      const feed = (await soizic.post('/api/calendars').send({ scope: 'person' }).expect(201)).body;
      expect(feed.url).toMatch(/^http:\/\/jalons\.brest\.example\/api\/calendars\/feeds\/[\w-]{43}\.ics$/);
      const path = new URL(feed.url).pathname;
      const res = await request(app.getHttpServer()).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const cal = new ICAL.Component(ICAL.parse(res.text));
      expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Jalons — Échéances de Soizic Le Bihan');
      const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const a1 = events.find((e) => e.uid === `action-${ids['A1']}@jalons`)!;
      expect(a1.summary).toMatch(/^Échéance : /);
      expect(a1.startDate.isDate).toBe(true);
      expect(a1.startDate.toString()).toBe('2027-04-04');
      // the event opens the action's page under its roadmap
      expect(a1.component.getFirstPropertyValue('url')).toBe(`http://jalons.brest.example/r/brest-2026-2032/actions/${ids['A1']}`);
      const m1 = events.find((e) => e.uid === `milestone-${ids['M1']}@jalons`)!;
      expect(m1.summary).toMatch(/^Jalon : /);
      // only Soizic's items: every event belongs to éthique or médiation
      expect(events.every((e) => /Éthique|Médiation/.test(e.description))).toBe(true);
      expect(events.length).toBeGreaterThan(5);
      // the list shows it without its secret
      const mine = (await soizic.get('/api/calendars').expect(200)).body;
      expect(mine[0]).toMatchObject({ id: feed.id, scope: 'person', revokedAt: null });
      expect(mine[0].url).toBeUndefined();
      // someone else cannot revoke it; its owner can, and the address then answers 404
      const other = await signInAs(app, CAMILLE);
      expect((await other.delete(`/api/calendars/${feed.id}`)).status).toBe(404);
      // a deactivated account's addresses stop answering, and answer again if it comes back
      await db.query(`update account set active = false where email = $1`, [SOIZIC]);
      expect((await request(app.getHttpServer()).get(path)).status).toBe(404);
      await db.query(`update account set active = true where email = $1`, [SOIZIC]);
      await request(app.getHttpServer()).get(path).expect(200);
      await soizic.delete(`/api/calendars/${feed.id}`).expect(204);
      expect((await request(app.getHttpServer()).get(path)).status).toBe(404);
      expect((await request(app.getHttpServer()).get('/api/calendars/feeds/not-a-token.ics')).status).toBe(404);
    });

    it('gives a personal feed only of one’s own due dates: an administrator cannot open one in someone else’s name', async () => {
      const soizicId = await ensureAccount(db, SOIZIC, 'owner', 'Soizic Le Bihan');
      const adminId = await ensureAccount(db, 'admin.calendars@test.example', 'admin', 'Admin Calendriers');
      const admin = await signInAs(app, 'admin.calendars@test.example');
      const feeds = async () => Number((await db.query<{ n: string }>('select count(*) n from calendar_feed'))[0].n);
      const before = await feeds();

      const refused = await admin.post('/api/calendars').send({ scope: 'person', targetId: soizicId });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ error: 'rule_broken', errors: [{ field: 'targetId' }] });
      expect(refused.body.message).toMatch(/vos propres échéances/);
      expect(await feeds()).toBe(before);

      // their own, named or by default, is still theirs to create
      const own = (await admin.post('/api/calendars').send({ scope: 'person', targetId: adminId }).expect(201)).body;
      expect(own).toMatchObject({ scope: 'person', targetId: adminId, label: 'Jalons — Échéances de Admin Calendriers' });
      await admin.delete(`/api/calendars/${own.id}`).expect(204);
    });

    it('serves a roadmap feed and a function feed to anyone holding the address', async () => {
      const lead = await signInAs(app, CAMILLE);
      const [roadmap] = (await lead.get('/api/roadmaps').expect(200)).body;
      const whole = (await lead.post('/api/calendars').send({ scope: 'roadmap', targetId: roadmap.id }).expect(201)).body;
      const cal = new ICAL.Component(ICAL.parse((await (await anonymous(app)).get(new URL(whole.url).pathname).expect(200)).text));
      const [{ n }] = await db.query<{ n: string }>(
        `select (select count(*) from action where status <> 'abandonnee') + (select count(*) from milestone) as n`,
      );
      expect(cal.getAllSubcomponents('vevent')).toHaveLength(Number(n));
      const bad = await lead.post('/api/calendars').send({ scope: 'function', targetId: roadmap.id });
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0].field).toBe('targetId');
    });
  });
});
