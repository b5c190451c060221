import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RemindersStatusView } from '@jalons/contract';

import { OutboxService, RemindersService } from '../src/app/reminders';
import { backoffSeconds } from '../src/app/reminders/outbox.service';
import { SummariesService } from '../src/app/summaries';
import { createTestApp, testConfig } from './app';
import { BREST, ensureAccount, signIn } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { startSmtp } from './smtp';
import type { TestSmtp } from './smtp';

/**
 * The mail server down for an hour, then back (issue 15): the reminders' digests and a monthly summary
 * wait in the outbox, are retried with a growing wait, none given up with the default MAIL_MAX_ATTEMPTS,
 * the administrator sees the backlog and the last error; once the server is back each goes out once.
 * The hour passes by moving the outbox's times back (what the sweep reads), not by waiting.
 */
describe('an SMTP outage of an hour', () => {
  let db: TestDatabase;
  let smtp: TestSmtp | null;
  let port: number;
  let app: NestExpressApplication;
  let outbox: OutboxService;

  interface Row {
    id: string;
    to_address: string;
    kind: string;
    status: string;
    attempts: number;
    wait: number;
    last_error: string | null;
  }
  const rows = () =>
    db.query<Row>(
      `select id, to_address, kind, status, attempts, last_error,
              extract(epoch from next_attempt_at - last_error_at)::int as wait from outbox order by id`,
    );
  /** The clock moves `seconds` on, as the outbox sees it: every time it holds moves back as much. */
  const pass = (seconds: number) =>
    db.query(
      `update outbox set created_at = created_at - make_interval(secs => $1), next_attempt_at = next_attempt_at - make_interval(secs => $1),
                         last_error_at = last_error_at - make_interval(secs => $1)`,
      [seconds],
    );
  /**
   * Seconds until every waiting message is due (0 when they are): the digests and the summary were
   * tried moments apart (a second or more on a loaded machine), so waiting for the first alone would
   * leave the last one not yet due at the next sweep.
   */
  const untilNext = async () =>
    (
      await db.query<{ s: number }>(
        `select greatest(0, ceil(extract(epoch from max(next_attempt_at) - now())))::int as s from outbox where status = 'pending'`,
      )
    )[0].s;
  const backlog = async () => {
    const admin = await signIn(app, db, 'admin');
    const res = await admin.get('/api/admin/reminders').expect(200);
    return (res.body as RemindersStatusView).backlog;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtp();
    port = Number(new URL(smtp.url).port);
    ({ app } = await createTestApp(db.url, { SMTP_URL: smtp.url, PUBLIC_URL: 'http://jalons.brest.example' }));
    outbox = app.get(OutboxService);
    // a few open items with reminders due on 28 March 2027; everything else done
    await db.query(`update action set status = 'terminee', progress = 100`);
    await db.query(`update milestone set achieved_on = least(milestone_date, '2026-11-28')`);
    await db.query('delete from indicator');
    for (const [table, fn] of [
      ['action', 'mediation'],
      ['action', 'juridique'],
      ['milestone', 'ethique'],
    ] as const) {
      const [row] = await db.query<{ id: string }>(
        `select t.id from ${table} t join target_function f on f.id = t.function_id where f.code = $1 order by t.id limit 1`,
        [fn],
      );
      if (table === 'action')
        await db.query(
          `update action set status = 'en_cours', progress = 30, start_date = '2027-01-04', due_date = '2027-04-04', owner_id = null where id = $1`,
          [row.id],
        );
      else await db.query(`update milestone set milestone_date = '2027-04-04', achieved_on = null where id = $1`, [row.id]);
    }
    await db.query(`update account set digest = 'daily' where digest <> 'none'`);
    await ensureAccount(db, BREST.elected, 'elected', 'Yannick Kerhervé');
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('does not give up within an hour with the default MAIL_MAX_ATTEMPTS: the waits before the last attempt span more than an hour', () => {
    const { mailMaxAttempts } = testConfig();
    expect(mailMaxAttempts).toBe(8);
    let total = 0;
    for (let attempt = 1; attempt < mailMaxAttempts; attempt++) total += backoffSeconds(attempt);
    expect(total).toBeGreaterThan(2 * 3600);
  });

  it('keeps digests and summaries through the outage, shows the backlog and the error, and sends each once when the server is back', async () => {
    await smtp!.close();
    smtp = null;

    // the day's digests and the month's summary are decided while the server is down: recorded, tried, kept
    const reminders = await app.get(RemindersService).run('2027-03-28', 'cron');
    const summaries = await app.get(SummariesService).run('2026-12-07');
    expect(reminders.digests).toBeGreaterThanOrEqual(2);
    expect(summaries.recorded).toBeGreaterThanOrEqual(1);
    const queued = await rows();
    expect(queued.map((r) => r.kind).sort()).toEqual(
      [...Array(reminders.digests).fill('digest'), ...Array(summaries.recorded).fill('summary')].sort(),
    );
    expect(queued.every((r) => r.status === 'pending' && r.attempts === 1 && r.last_error && r.wait === backoffSeconds(1))).toBe(true);

    // the administrator sees the backlog and the last error, without anybody's address
    let seen = await backlog();
    expect(seen).toMatchObject({ pending: queued.length, failed: 0, oldestPendingMinutes: 0 });
    expect(seen.lastError?.message).toBeTruthy();
    expect(seen.lastError?.message).not.toContain('@');
    expect(Date.parse(seen.lastError!.at)).not.toBeNaN();

    // an hour passes, the sweep trying whenever a message is due: the waits grow, nothing is lost or given up
    let elapsed = 0;
    let sweeps = 0;
    for (;;) {
      const next = await untilNext();
      if (elapsed + next > 3600) break;
      await pass(next);
      elapsed += next;
      expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: queued.length, failed: 0 });
      sweeps++;
      const now = await rows();
      expect(now.map((r) => r.id)).toEqual(queued.map((r) => r.id));
      expect(now.every((r) => r.status === 'pending' && r.attempts === sweeps + 1 && r.wait === backoffSeconds(sweeps + 1))).toBe(true);
    }
    await pass(3600 - elapsed);
    expect(sweeps).toBeGreaterThanOrEqual(4);
    seen = await backlog();
    expect(seen).toMatchObject({ pending: queued.length, failed: 0 });
    expect(seen.oldestPendingMinutes).toBeGreaterThanOrEqual(60);
    expect(seen.lastError?.message).not.toContain('@');

    // the server is back on its address: at the next due time each message goes out, once
    smtp = await startSmtp(port);
    await pass(await untilNext());
    expect(await outbox.deliverDue()).toEqual({ sent: queued.length, retrying: 0, failed: 0 });
    await db.query(`update outbox set next_attempt_at = now() - interval '1 second'`);
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const expected = new Map<string, number>();
    for (const r of queued) expected.set(r.to_address.toLowerCase(), (expected.get(r.to_address.toLowerCase()) ?? 0) + 1);
    const received = new Map<string, number>();
    for (const m of smtp.mails) for (const to of m.to) received.set(to, (received.get(to) ?? 0) + 1);
    expect(received).toEqual(expected);
    expect((await rows()).every((r) => r.status === 'sent')).toBe(true);
    expect(await backlog()).toEqual({ pending: 0, oldestPendingAt: null, oldestPendingMinutes: null, failed: 0, lastError: null });
  });
});
