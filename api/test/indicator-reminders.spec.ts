import type { NestExpressApplication } from '@nestjs/platform-express';
import { addDays } from '@jalons/domain';

import { RemindersService } from '../src/app/reminders/reminders.service';
import { ensureAccount, signInAs } from './auth';
import { createTestApp } from './app';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { startSmtp } from './smtp';
import type { ReceivedMail, TestSmtp } from './smtp';

/**
 * The rule « indicator not measured for N days » (`indicatorStaleDays`) through the real job and a
 * real SMTP exchange: the Brest roadmap with every item done, no indicator but the test's own, and
 * N = 30 days.
 */
describe('indicator reminders', () => {
  let db: TestDatabase;
  let smtp: TestSmtp;
  let app: NestExpressApplication;
  let reminders: RemindersService;
  let roadmapId: string;
  const fn: Record<string, string> = {};

  const SOIZIC = 'soizic.lebihan@brest.example'; // owns mediation, daily digest
  const THOMAS = 'thomas.gueguen@brest.example'; // owns juridique, weekly digest
  const CAMILLE = 'camille.legoff@brest.example'; // project lead, daily digest

  async function indicator(code: string, name: string, baselineOn: string, measured: string[] = []): Promise<string> {
    const [row] = await db.query<{ id: string }>(
      `insert into indicator (function_id, name, unit, direction, baseline_on, baseline_value, target_on, target_value)
       values ($1, $2, 'jeux', 'up', $3, 10, '2031-12-31', 100) returning id`,
      [fn[code], name, baselineOn],
    );
    for (const on of measured) await measure(row.id, on);
    return row.id;
  }

  async function measure(indicatorId: string, on: string): Promise<void> {
    await db.query(`insert into measurement (indicator_id, measured_on, value) values ($1, $2, 20)`, [indicatorId, on]);
  }

  async function reset(staleDays = 30): Promise<void> {
    await db.query('delete from notification');
    await db.query('delete from outbox');
    await db.query('delete from indicator');
    await db.query(`update roadmap set reminder_rules = reminder_rules || jsonb_build_object('indicatorStaleDays', $1::int)`, [staleDays]);
    smtp.mails.length = 0;
  }

  /** Runs the job day after day; returns, per day, the mails that arrived. */
  async function runDays(from: string, to: string): Promise<Map<string, ReceivedMail[]>> {
    const byDay = new Map<string, ReceivedMail[]>();
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const before = smtp.mails.length;
      await reminders.run(day, 'cli');
      if (smtp.mails.length > before) byDay.set(day, smtp.mails.slice(before));
    }
    return byDay;
  }
  const mailDays = (byDay: Map<string, ReceivedMail[]>, who: string) =>
    [...byDay].filter(([, ms]) => ms.some((m) => m.to.includes(who))).map(([d]) => d);
  const mailOf = (byDay: Map<string, ReceivedMail[]>, who: string, day: string) => byDay.get(day)!.find((m) => m.to.includes(who))!;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtp();
    ({ app } = await createTestApp(db.url, { SMTP_URL: smtp.url, PUBLIC_URL: 'http://jalons.brest.example' }));
    reminders = app.get(RemindersService);
    await db.query(`update action set status = 'terminee', progress = 100`);
    await db.query(`update milestone set achieved_on = least(milestone_date, '2026-11-28')`);
    const rows = await db.query<{ id: string; code: string; roadmap_id: string }>('select id, code, roadmap_id from target_function');
    for (const r of rows) fn[r.code] = r.id;
    roadmapId = rows[0].roadmap_id;
    await db.query(`update account set digest = 'weekly' where email = $1`, [THOMAS]);
    await db.query(`update target_function set owner_id = null where code = 'prospective'`);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('reminds the function’s owner N days after the latest measurement, then every N days, with a link to the function', async () => {
    await reset();
    const id = await indicator('mediation', 'Ateliers de médiation tenus', '2027-01-01', ['2027-02-01']);
    const byDay = await runDays('2027-03-01', '2027-04-05');
    // 01/02 + 30 days = 03/03, then 02/04
    expect(mailDays(byDay, SOIZIC)).toEqual(['2027-03-03', '2027-04-02']);
    const first = mailOf(byDay, SOIZIC, '2027-03-03');
    expect(first.subject).toBe('Jalons — 1 indicateur à mesurer (03/03/2027)');
    expect(first.text).toContain('INDICATEURS À MESURER');
    expect(first.text).toMatch(
      /Indicateur « Ateliers de médiation tenus » — Médiation.*: une mesure est attendue à partir d’aujourd’hui, 03\/03\/2027/,
    );
    expect(first.text).toContain(`http://jalons.brest.example/r/brest-2026-2032/fonctions/${fn['mediation']}`);
    expect(first.html).toContain(`href="http://jalons.brest.example/r/brest-2026-2032/fonctions/${fn['mediation']}"`);
    expect(mailOf(byDay, SOIZIC, '2027-04-02').text).toContain('une mesure est attendue depuis le 03/03/2027 (30 jours)');

    // in the bell too, as an indicator's reminder
    await ensureAccount(db, SOIZIC, 'owner');
    const soizic = await signInAs(app, SOIZIC);
    const bell = (await soizic.get('/api/notifications').expect(200)).body as { items: Array<Record<string, unknown>> };
    expect(
      bell.items.filter((n) => n['itemId'] === id).map((n) => [n['itemType'], n['functionId'], n['rule'], n['dueDate'], n['title']]),
    ).toEqual([
      ['indicator', fn['mediation'], 'stale', '2027-03-03', 'Ateliers de médiation tenus'],
      ['indicator', fn['mediation'], 'stale', '2027-03-03', 'Ateliers de médiation tenus'],
    ]);
  });

  it('counts from the baseline date when never measured, goes to the project lead when the function has no owner, and starts again after a measurement', async () => {
    await reset();
    const id = await indicator('prospective', 'Scénarios prospectifs publiés', '2027-01-31');
    let byDay = await runDays('2027-03-01', '2027-03-03');
    expect(mailDays(byDay, CAMILLE)).toEqual(['2027-03-02']);
    expect(mailOf(byDay, CAMILLE, '2027-03-02').text).toContain('Indicateur « Scénarios prospectifs publiés » — Prospective');
    await measure(id, '2027-03-10');
    byDay = await runDays('2027-04-01', '2027-04-09');
    // not on 01/04 (60 days after the baseline date) any more: on 09/04, 30 days after the measurement
    expect(mailDays(byDay, CAMILLE)).toEqual(['2027-04-09']);
  });

  it('drops from a weekly digest an indicator measured since its reminder', async () => {
    await reset();
    // due Wednesday 03/03 and Thursday 04/03; Thomas's digest goes out on Monday 08/03
    const measured = await indicator('juridique', 'Avis juridiques rendus', '2027-01-02');
    await indicator('juridique', 'Contrats relus', '2027-01-03');
    await runDays('2027-03-01', '2027-03-05');
    await measure(measured, '2027-03-05');
    const byDay = await runDays('2027-03-06', '2027-03-08');
    expect(mailDays(byDay, THOMAS)).toEqual(['2027-03-08']);
    const digest = mailOf(byDay, THOMAS, '2027-03-08');
    expect(digest.subject).toBe('Jalons — 1 indicateur à mesurer (08/03/2027)');
    expect(digest.text).toContain('Contrats relus');
    expect(digest.text).not.toContain('Avis juridiques rendus');
  });

  it('sends nothing when the lead turns the rule off (0), nor for an indicator measured at its target date; goes to the lead when the owner is deactivated', async () => {
    await reset(0);
    await indicator('mediation', 'Ateliers de médiation tenus', '2027-01-01');
    expect(mailDays(await runDays('2027-01-29', '2027-02-02'), SOIZIC)).toEqual([]);
    await reset();
    const done = await indicator('mediation', 'Ateliers de médiation tenus', '2027-01-01');
    await db.query(`update indicator set target_on = '2027-01-20' where id = $1`, [done]);
    await measure(done, '2027-01-20');
    expect(await reminders.dryRun('2027-02-19')).toEqual([]);
    await db.query(`update indicator set target_on = '2027-01-21' where id = $1`, [done]);
    expect((await reminders.dryRun('2027-02-19')).map((r) => [r.itemType, r.rule, r.email])).toEqual([['indicator', 'stale', SOIZIC]]);
    // the function's owner deactivated: the project lead hears of it instead
    await db.query('update account set active = false where email = $1', [SOIZIC]);
    try {
      expect((await reminders.dryRun('2027-02-19')).map((r) => [r.itemType, r.rule, r.email])).toEqual([['indicator', 'stale', CAMILLE]]);
    } finally {
      await db.query('update account set active = true where email = $1', [SOIZIC]);
    }
  });

  it('keeps the rule in the roadmap’s settings (90 days unless the lead says otherwise)', async () => {
    await db.query(`update roadmap set reminder_rules = reminder_rules - 'indicatorStaleDays'`);
    await db.query(`update roadmap set reminder_rules = default`);
    await ensureAccount(db, CAMILLE, 'lead');
    const lead = await signInAs(app, CAMILLE);
    const view = (await lead.get(`/api/roadmaps/${roadmapId}`).expect(200)).body as { reminderRules: { indicatorStaleDays: number } };
    expect(view.reminderRules.indicatorStaleDays).toBe(90);
  });
});
