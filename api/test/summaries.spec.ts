import type { NestExpressApplication } from '@nestjs/platform-express';
import { SchedulerRegistry } from '@nestjs/schedule';
import { formatFrDate, headline, monthOf, summaryDue, todayInParis } from '@jalons/domain';
import type { RoadmapDetailView } from '@jalons/contract';

import { OutboxService } from '../src/app/reminders';
import { SummariesService } from '../src/app/summaries';
import { SUMMARIES_JOB } from '../src/app/summaries/scheduler';
import { createTestApp } from './app';
import { BREST, ensureAccount, signInAs } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { startSmtp } from './smtp';
import type { ReceivedMail, TestSmtp } from './smtp';

/**
 * The monthly summary for elected officials (ADR 0022) on the seeded Brest database, with a real SMTP
 * exchange and the day as the run's argument. December 2026's first Monday is the 7th; November's
 * moves are history lines written here, with known days.
 */
describe('the monthly summary', () => {
  let db: TestDatabase;
  let smtp: TestSmtp;
  let app: NestExpressApplication;
  let summaries: SummariesService;
  let roadmapId: string;
  const ids: Record<string, string> = {};
  const ENV = { PUBLIC_URL: 'http://jalons.brest.example' };

  const ELECTED = BREST.elected; // Yannick Kerhervé: receives it by default
  const OWNER = BREST.owner; // Soizic Le Bihan: opts in
  const LEAD = BREST.lead;
  const FIRST_MONDAY = '2026-12-07';

  async function reset(): Promise<void> {
    await db.query('delete from outbox');
    smtp.mails.length = 0;
  }
  const recipients = (mails: ReceivedMail[] = smtp.mails) => mails.flatMap((m) => m.to).sort();
  const summaryRows = async () =>
    db.query<{ key: string; to_address: string; status: string }>(
      `select key, to_address, status from outbox where kind = 'summary' order by key`,
    );

  /** An item of a function (by its code), set to known values; its id. */
  async function pick(key: string, table: 'action' | 'milestone', fn: string, offset = 0): Promise<string> {
    // an action that may be due on 20 November (its start before), a milestone of any day
    const starts = table === 'action' ? `and t.start_date <= '2026-11-20'` : '';
    const [row] = await db.query<{ id: string }>(
      `select t.id from ${table} t join target_function f on f.id = t.function_id where f.code = $1 and f.roadmap_id = $2 ${starts} order by t.id limit 1 offset $3`,
      [fn, roadmapId, offset],
    );
    ids[key] = row.id;
    return row.id;
  }
  /** a text as the HTML part writes it */
  const escaped = (t: string) =>
    t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const title = async (table: 'action' | 'milestone', id: string) =>
    (await db.query<{ title: string }>(`select title from ${table} where id = $1`, [id]))[0].title;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtp();
    ({ app } = await createTestApp(db.url, { SMTP_URL: smtp.url, ...ENV }));
    summaries = app.get(SummariesService);
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    await ensureAccount(db, ELECTED, 'elected', 'Yannick Kerhervé');
    await ensureAccount(db, OWNER, 'owner', 'Soizic Le Bihan');
    await ensureAccount(db, LEAD, 'lead', 'Camille Le Goff');
    // only the seeded elected official receives it by default; every other account is off unless it opts in
    await db.query(`update account set monthly_summary = null`);
    await db.query(`update account set role = 'owner' where role = 'elected' and lower(email) <> $1`, [ELECTED]);
    const soizic = (await db.query<{ id: string }>(`select id from account where email = $1`, [OWNER]))[0].id;
    // a quiet autumn but for the lines below: whatever the seed's history says of it, and nothing late on 7 December
    await db.query(`delete from change_history where at >= '2026-10-01'`);
    await db.query(`update action set status = 'terminee', progress = 100 where due_date < $1`, [FIRST_MONDAY]);
    await db.query(`update milestone set achieved_on = least(milestone_date, '2026-11-28') where milestone_date < $1`, [FIRST_MONDAY]);

    // what moved in November 2026: an action finished on the 12th, a milestone reached on the 20th
    // (a later line of the same action wins: it was « En cours » on the 3rd), an action changed in
    // October and one on 1 December (neither is November's)
    const done = await pick('done', 'action', 'juridique');
    const reached = await pick('reached', 'milestone', 'ethique');
    const october = await pick('october', 'action', 'mediation');
    const december = await pick('december', 'action', 'mediation', 1);
    await db.query(`update action set status = 'terminee', progress = 100 where id = $1`, [done]);
    await db.query(`update milestone set achieved_on = '2026-11-20' where id = $1`, [reached]);
    const line = (itemType: string, itemId: string, at: string, field: string, from: string | null, to: string | null) =>
      db.query(
        `insert into change_history (id, roadmap_id, item_type, item_id, actor_id, at, field, from_value, to_value) values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8)`,
        [roadmapId, itemType, itemId, soizic, at, field, from, to],
      );
    await line('action', done, '2026-11-03T10:00:00+01:00', 'status', 'a_lancer', 'en_cours');
    await line('action', done, '2026-11-12T16:00:00+01:00', 'status', 'en_cours', 'terminee');
    await line('milestone', reached, '2026-11-20T09:00:00+01:00', 'achievedOn', null, '2026-11-20');
    await line('action', october, '2026-10-31T23:30:00+01:00', 'status', 'a_lancer', 'en_cours'); // 31 October in Paris
    await line('action', december, '2026-12-01T00:10:00+01:00', 'status', 'a_lancer', 'bloquee'); // 1 December in Paris

    // late on 7 December: an action due 20 November, owned by Soizic; a milestone of 30 November
    const late = await pick('late', 'action', 'ethique');
    await db.query(`update action set status = 'en_cours', progress = 40, due_date = '2026-11-20' where id = $1`, [late]);
    await db.query(`update action set owner_id = $2 where id = $1`, [late, soizic]);
    const lateMilestone = await pick('lateMilestone', 'milestone', 'juridique');
    await db.query(`update milestone set milestone_date = '2026-11-30', achieved_on = null where id = $1`, [lateMilestone]);
    // coming: a milestone on 15 January 2027 (within 60 days), one on 1 March 2027 (beyond)
    const soon = await pick('soon', 'milestone', 'mediation');
    await db.query(`update milestone set milestone_date = '2027-01-15', achieved_on = null where id = $1`, [soon]);
    const later = await pick('later', 'milestone', 'innovation');
    await db.query(`update milestone set milestone_date = '2027-03-01', achieved_on = null where id = $1`, [later]);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await db?.drop();
  });

  describe('Mon compte: GET|PUT /api/account/summary', () => {
    it('is on for an elected official and off for the other roles until they choose; each changes only their own', async () => {
      const elected = await signInAs(app, ELECTED);
      const owner = await signInAs(app, OWNER);
      expect((await elected.get('/api/account/summary').expect(200)).body).toEqual({ enabled: true });
      expect((await owner.get('/api/account/summary').expect(200)).body).toEqual({ enabled: false });
      expect((await owner.put('/api/account/summary').send({ enabled: true }).expect(200)).body).toEqual({ enabled: true });
      expect((await owner.get('/api/account/summary').expect(200)).body).toEqual({ enabled: true });
      expect((await elected.get('/api/account/summary').expect(200)).body).toEqual({ enabled: true });
      const stored = await db.query<{ email: string; monthly_summary: boolean | null }>(
        `select email, monthly_summary from account where email in ($1, $2) order by email`,
        [OWNER, ELECTED],
      );
      expect(stored).toEqual([
        { email: OWNER, monthly_summary: true },
        { email: ELECTED, monthly_summary: null },
      ]);
    });

    it('refuses a body that is not a yes or no (400, the field named) and changes nothing', async () => {
      const owner = await signInAs(app, OWNER);
      for (const body of [{}, { enabled: 'oui' }, { enabled: null }, { enabled: 1 }, { enabled: true, digest: 'daily' }, []]) {
        const res = await owner.put('/api/account/summary').send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.message).toBeTruthy();
      }
      const res = await owner.put('/api/account/summary').send({ enabled: 'oui' });
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'enabled', message: 'enabled doit valoir true ou false.' })]);
      const notJson = await owner.put('/api/account/summary').set('Content-Type', 'application/json').send('{enabled: true');
      expect(notJson.status).toBe(400);
      expect((await owner.get('/api/account/summary').expect(200)).body).toEqual({ enabled: true });
    });
  });

  it('sends nothing before the month’s first Monday, and says so', async () => {
    await reset();
    const report = await summaries.run('2026-12-06');
    expect(report).toMatchObject({ month: '2026-12', due: false, dueFrom: FIRST_MONDAY, recorded: 0 });
    expect(await summaries.dryRun('2026-12-01')).toEqual([]);
    expect(await summaryRows()).toEqual([]);
    expect(smtp.mails).toEqual([]);
  });

  it('sends each reader one summary on the first Monday: headline, November’s moves, what is late, what comes, the links', async () => {
    await reset();
    const report = await summaries.run(FIRST_MONDAY);
    expect(report).toMatchObject({ due: true, recorded: 2, delivery: { sent: 2, retrying: 0, failed: 0 } });
    expect(recipients()).toEqual([OWNER, ELECTED].sort());
    const mail = smtp.mails.find((m) => m.to.includes(ELECTED))!;
    expect(mail.subject).toBe('Jalons — point mensuel : Ville et Métropole de Brest, Mandat 2026–2032 (décembre 2026)');
    expect(mail.text).toMatch(/^Bonjour Yannick Kerhervé,/);
    expect(mail.parsed.messageId).toMatch(/@jalons>?$/);

    // the headline, as the roadmap's own view computes it for that day
    const lead = await signInAs(app, LEAD);
    const view = (await lead.get(`/api/roadmaps/${roadmapId}?at=${FIRST_MONDAY}`).expect(200)).body as RoadmapDetailView;
    const phase = view.phases.find((p) => p.id === view.currentPhaseId)!;
    const h = headline({ overall: view.rollUp, currentPhase: { id: phase.id, name: phase.name, rollUp: phase.rollUp } });
    const health = { on_track: 'À l’heure', at_risk: 'À surveiller', late: 'En retard' }[h.health];
    const pct = (n: number) => `${n.toFixed(1).replace('.', ',')} %`;
    expect(mail.text).toContain(`Santé de la feuille de route : ${health}`);
    expect(mail.text).toContain(`Ensemble du mandat : ${pct(view.rollUp.progress)} réalisé pour ${pct(view.rollUp.expected)} attendu`);
    expect(mail.text).toContain(
      `Phase en cours, ${phase.name} : ${pct(phase.rollUp.progress)} réalisé pour ${pct(phase.rollUp.expected)} attendu`,
    );

    // November's moves, and only November's
    const moved = mail.text.split('CE QUI A BOUGÉ EN NOVEMBRE 2026')[1].split('CE QUI EST EN RETARD')[0];
    expect(moved).toContain(`L’action « ${await title('action', ids['done'])} » (Juridique) est passée à Terminée le 12/11/2026.`);
    expect(moved).not.toContain('est passée à En cours');
    expect(moved).toContain(`Le jalon « ${await title('milestone', ids['reached'])} » (Éthique) a été atteint le 20/11/2026.`);
    expect(moved).not.toContain(await title('action', ids['october']));
    expect(moved).not.toContain(await title('action', ids['december']));

    // what is late on 7 December, with its owner
    const late = mail.text.split('CE QUI EST EN RETARD')[1].split('LES PROCHAINS JALONS')[0];
    const [{ due }] = await db.query<{ due: string }>(`select due_date::text as due from action where id = $1`, [ids['late']]);
    expect(late).toContain(
      `Action « ${await title('action', ids['late'])} » (Éthique) — échéance le ${formatFrDate(due)}, responsable Soizic Le Bihan.`,
    );
    expect(late).toContain(`Jalon « ${await title('milestone', ids['lateMilestone'])} » (Juridique) — prévu le 30/11/2026`);
    expect(late).not.toContain(await title('action', ids['done']));

    // the next 60 days' milestones
    const next = mail.text.split('LES PROCHAINS JALONS, JUSQU’AU 05/02/2027')[1];
    expect(next).toContain(`15/01/2027 — jalon « ${await title('milestone', ids['soon'])} » (Médiation)`);
    expect(next).not.toContain(await title('milestone', ids['later']));

    expect(mail.text).toContain('Le rapport au conseil : http://jalons.brest.example/r/brest-2026-2032/rapport');
    expect(mail.text).toContain('La vue d’ensemble : http://jalons.brest.example/r/brest-2026-2032');
    expect(mail.text).toContain(
      'Pour ne plus le recevoir : Mon compte, « Point mensuel par courriel » : http://jalons.brest.example/mon-compte',
    );
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain('href="http://jalons.brest.example/r/brest-2026-2032/rapport"');
    expect(mail.html).toContain('href="http://jalons.brest.example/mon-compte"');
    expect(mail.html).toContain(
      `<li>L’action « ${escaped(await title('action', ids['done']))} » (Juridique) est passée à Terminée le 12/11/2026.</li>`,
    );

    // run again that day, or the next: nothing more
    expect(await summaries.run(FIRST_MONDAY)).toMatchObject({ recorded: 0, delivery: { sent: 0 } });
    expect(await summaries.run('2026-12-08')).toMatchObject({ recorded: 0, delivery: { sent: 0 } });
    expect(smtp.mails).toHaveLength(2);
    expect((await summaryRows()).map((r) => r.key)).toEqual(
      (await db.query<{ id: string }>(`select id from account where email in ($1, $2)`, [OWNER, ELECTED]))
        .map((a) => `summary:${a.id}:${roadmapId}:2026-12`)
        .sort(),
    );
  });

  it('catches up on a later day of the month what the first Monday missed (the service was down), once', async () => {
    await reset();
    const report = await summaries.run('2026-12-16');
    expect(report).toMatchObject({ due: true, recorded: 2, delivery: { sent: 2 } });
    expect(recipients()).toEqual([OWNER, ELECTED].sort());
    expect(smtp.mails[0].subject).toContain('(décembre 2026)');
    expect(await summaries.run('2026-12-17')).toMatchObject({ recorded: 0 });
    expect(smtp.mails).toHaveLength(2);
    // January is a new month: due from Monday 4 January
    expect(await summaries.run('2027-01-03')).toMatchObject({ due: false, recorded: 0 });
    expect(await summaries.run('2027-01-04')).toMatchObject({ due: true, recorded: 2 });
    expect(smtp.mails).toHaveLength(4);
  });

  it('sends nothing to an elected official who turned it off, and keeps sending to the owner who turned it on', async () => {
    await reset();
    const elected = await signInAs(app, ELECTED);
    await elected.put('/api/account/summary').send({ enabled: false }).expect(200);
    try {
      expect(await summaries.dryRun(FIRST_MONDAY)).toEqual([
        expect.objectContaining({ email: OWNER, roadmap: 'Ville et Métropole de Brest, Mandat 2026–2032', moved: 2 }),
      ]);
      await summaries.run(FIRST_MONDAY);
      expect(recipients()).toEqual([OWNER]);
    } finally {
      await elected.put('/api/account/summary').send({ enabled: true }).expect(200);
    }
  });

  it('sends one summary per open roadmap, none of a closed one', async () => {
    await reset();
    const lead = await signInAs(app, LEAD);
    const created = (
      await lead
        .post('/api/roadmaps')
        .send({ territory: 'Ville de Quimper', firstRound: '2026-03-15', secondRound: '2026-03-22', nextElection: '2032-03-14' })
        .expect(201)
    ).body as { id: string };
    await db.query(`update roadmap set closed_at = now() where id = $1`, [roadmapId]);
    try {
      await summaries.run(FIRST_MONDAY);
      expect(recipients()).toEqual([OWNER, ELECTED].sort());
      expect(smtp.mails.every((m) => m.subject.startsWith('Jalons — point mensuel : Ville de Quimper,'))).toBe(true);
      expect(smtp.mails[0].text).toContain('http://jalons.brest.example/r/');
      expect(smtp.mails[0].text).not.toContain('brest-2026-2032');
      // reopened: Brest's summaries are due too, Quimper's are not sent twice
      await db.query(`update roadmap set closed_at = null where id = $1`, [roadmapId]);
      await summaries.run(FIRST_MONDAY);
      expect(smtp.mails).toHaveLength(4);
      expect(smtp.mails.slice(2).every((m) => m.subject.includes('Brest'))).toBe(true);
    } finally {
      await db.query(`update roadmap set closed_at = null where id = $1`, [roadmapId]);
      await db.query(`delete from roadmap where id = $1`, [created.id]);
    }
  });

  it('is checked at start and on the reminders’ tick (Paris time) by an instance with REMINDERS_ENABLED, by none without', async () => {
    await reset();
    expect(app.get(SchedulerRegistry).doesExist('cron', SUMMARIES_JOB)).toBe(false); // REMINDERS_ENABLED=false in tests
    const today = todayInParis();
    const on = await createTestApp(db.url, { SMTP_URL: smtp.url, ...ENV, REMINDERS_ENABLED: 'true', REMINDERS_CRON: '30 7 * * *' });
    try {
      const job = on.app.get(SchedulerRegistry).getCronJob(SUMMARIES_JOB);
      expect(job.isActive).toBe(true);
      const next = job.nextDate().setZone('Europe/Paris');
      expect([next.hour, next.minute]).toEqual([7, 30]);
    } finally {
      await on.app.close(); // waits for the check it started
    }
    // the check at start ran for today: this month's summaries if its first Monday has come, nothing otherwise
    const keys = (await summaryRows()).map((r) => r.key);
    if (summaryDue(today)) {
      expect(keys).toHaveLength(2);
      expect(keys.every((k) => k.endsWith(`:${monthOf(today)}`))).toBe(true);
    } else {
      expect(keys).toEqual([]);
    }
  });

  it('delivers each summary once when three instances run at the same instant', async () => {
    await reset();
    const others = await Promise.all([1, 2].map(() => createTestApp(db.url, { SMTP_URL: smtp.url, ...ENV })));
    try {
      const services = [summaries, ...others.map((o) => o.app.get(SummariesService))];
      const reports = await Promise.all(services.map((s) => s.run(FIRST_MONDAY)));
      expect(reports.reduce((n, r) => n + r.recorded, 0)).toBe(2);
      expect(reports.reduce((n, r) => n + (r.delivery?.sent ?? 0), 0)).toBe(2);
      expect(recipients()).toEqual([OWNER, ELECTED].sort());
      expect((await summaryRows()).map((r) => r.status)).toEqual(['sent', 'sent']);
    } finally {
      await Promise.all(others.map((o) => o.app.close()));
    }
  });

  it('records nothing of a roadmap when a run dies while deciding it, and the next run sends each summary once', async () => {
    await reset();
    const outbox = app.get(OutboxService);
    const enqueue = outbox.enqueue.bind(outbox);
    let calls = 0;
    const spy = jest.spyOn(outbox, 'enqueue').mockImplementation(async (...args) => {
      if (++calls === 2) throw new Error('process killed');
      return enqueue(...args);
    });
    try {
      await expect(summaries.run(FIRST_MONDAY)).rejects.toThrow('process killed');
    } finally {
      spy.mockRestore();
    }
    expect(await summaryRows()).toEqual([]); // the first summary, recorded before the failure, went with its transaction
    expect(smtp.mails).toEqual([]);
    expect(await summaries.run(FIRST_MONDAY)).toMatchObject({ recorded: 2, delivery: { sent: 2 } });
    expect(recipients()).toEqual([OWNER, ELECTED].sort());
  });

  it('loses nothing and doubles nothing when a sender dies mid-batch: its claimed summary goes out once its lease ends', async () => {
    await reset();
    expect(await summaries.run(FIRST_MONDAY, { send: false })).toMatchObject({ recorded: 2, delivery: null });
    const rows = await db.query<{ id: string; to_address: string }>(`select id, to_address from outbox order by to_address`);
    // a process claimed the first summary, then died before sending it
    await db.query(`update outbox set status = 'sending', attempts = 1, locked_until = now() + interval '5 minutes' where id = $1`, [
      rows[0].id,
    ]);
    const outbox = app.get(OutboxService);
    expect((await outbox.deliverDue()).sent).toBe(1);
    expect(recipients()).toEqual([rows[1].to_address]);
    // a run meanwhile records nothing new and cannot send the leased one
    expect(await summaries.run(FIRST_MONDAY)).toMatchObject({ recorded: 0, delivery: { sent: 0 } });
    // the lease ends: another sender takes it over
    await db.query(`update outbox set locked_until = now() - interval '1 second' where id = $1`, [rows[0].id]);
    expect((await outbox.deliverDue()).sent).toBe(1);
    expect(recipients()).toEqual(rows.map((r) => r.to_address).sort());
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });
});
