import type { NestExpressApplication } from '@nestjs/platform-express';
import type {
  BaselineView,
  DecisionView,
  EvidenceView,
  HistoryEntryView,
  InstanceView,
  MeetingSummaryView,
  MeetingView,
} from '@jalons/contract';

import { createTestApp } from './app';
import { BREST, ensureAccount, signInAs } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/**
 * Governance over real HTTP and PostgreSQL (ADR 0019): the Brest seed's instances, meetings and
 * decisions; the lead records a meeting with two decisions, one cited by a re-plan and one by a
 * baseline; the next meeting; deleting a meeting keeps its decisions; what other roles may not do.
 */
describe('governance', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let owner: TestAgent;
  let elected: TestAgent;
  let roadmapId: string;
  let leadId: string;

  const one = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params))[0];
  const actionByKey = (key: string) =>
    one<{ id: string; version: number; due: string }>(`select id, version, due_date::text as due from action where kit_key = $1`, [key]);

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    ({ id: roadmapId } = await one<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`));
    leadId = await ensureAccount(db, BREST.lead, 'lead', 'Camille Le Goff');
    await ensureAccount(db, BREST.owner, 'owner', 'Soizic Le Bihan');
    await ensureAccount(db, BREST.elected, 'elected');
    [lead, owner, elected] = await Promise.all([signInAs(app, BREST.lead), signInAs(app, BREST.owner), signInAs(app, BREST.elected)]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('seeds Brest’s three instances, its meetings (attendees, agenda linked to items, minutes) and the v1 validation of 25/06/2026', async () => {
    const instances = (await elected.get(`/api/roadmaps/${roadmapId}/instances`).expect(200)).body as InstanceView[];
    expect(instances.map((i) => [i.name, i.meetings])).toEqual([
      ['Comité de pilotage', 2],
      ['Comité technique', 2],
      ['Instance éthique', 1],
    ]);
    const meetings = (await elected.get(`/api/roadmaps/${roadmapId}/meetings`).expect(200)).body as MeetingSummaryView[];
    expect(meetings.map((m) => [m.date, m.instance.name, m.decisions])).toEqual([
      ['2027-01-21', 'Comité de pilotage', 0],
      ['2026-10-08', 'Comité technique', 1],
      ['2026-06-25', 'Comité de pilotage', 2],
      ['2025-12-11', 'Instance éthique', 1],
      ['2025-04-10', 'Comité technique', 1],
    ]);
    const copil = (await elected.get(`/api/meetings/${meetings[2].id}`).expect(200)).body as MeetingView;
    expect(copil.attendees).toEqual([
      { accountId: expect.any(String), name: 'Yannick Kerhervé' },
      { accountId: leadId, name: 'Camille Le Goff' },
      { accountId: expect.any(String), name: 'Olivier Pellen' },
      { accountId: expect.any(String), name: 'Nathalie Cariou' },
      { accountId: null, name: 'Maïl Le Berre (direction générale des services)' },
    ]);
    expect(copil.agenda[0]).toMatchObject({
      label: 'Délibération de principe sur le service public de la donnée',
      item: { type: 'action', title: 'Faire voter une délibération de principe par le conseil' },
    });
    expect(copil.minutes).toContain('feuille de route du mandat (version 1)');
    const v1 = copil.decisions.find((d) => d.kind === 'validation');
    expect(v1).toMatchObject({
      date: '2026-06-25',
      meeting: { id: copil.id, date: '2026-06-25', instanceName: 'Comité de pilotage' },
      text: expect.stringContaining('Délibération du conseil du 25/06/2026'),
    });
    expect(v1?.items.map((i) => i.title)).toEqual([
      'Délibération de principe votée',
      'Faire voter une délibération de principe par le conseil',
    ]);
  });

  it('answers the next meeting on or after a day (today by default), null when none', async () => {
    const next = (await elected.get(`/api/roadmaps/${roadmapId}/meetings/next?at=2026-11-29`).expect(200)).body as MeetingSummaryView;
    expect(next).toMatchObject({
      date: '2027-01-21',
      instance: { name: 'Comité de pilotage' },
      title: 'Premier comité de pilotage de 2027',
    });
    const sameDay = await elected.get(`/api/roadmaps/${roadmapId}/meetings/next?at=2026-10-08`).expect(200);
    expect(sameDay.body.date).toBe('2026-10-08');
    const none = await elected.get(`/api/roadmaps/${roadmapId}/meetings/next?at=2027-01-22`).expect(200);
    expect(none.headers['content-type']).toMatch(/^application\/json/);
    expect(none.text).toBe('null');
    await elected.get(`/api/roadmaps/${roadmapId}/meetings/next?at=2027-02-30`).expect(400);
  });

  it('filters decisions by dates and by item, newest first', async () => {
    const all = (await elected.get(`/api/roadmaps/${roadmapId}/decisions`).expect(200)).body as DecisionView[];
    expect(all.map((d) => d.date)).toEqual(['2026-10-08', '2026-06-25', '2026-06-25', '2025-12-11', '2025-04-10']);
    const in2026 = (await elected.get(`/api/roadmaps/${roadmapId}/decisions?since=2026-01-01&until=2026-06-30`).expect(200))
      .body as DecisionView[];
    expect(in2026.map((d) => d.kind).sort()).toEqual(['budget', 'validation']);
    const budget = await actionByKey('financiere.inscrire-budget');
    const aboutBudget = (await elected.get(`/api/roadmaps/${roadmapId}/decisions?itemId=${budget.id}`).expect(200)).body as DecisionView[];
    expect(aboutBudget.map((d) => d.kind)).toEqual(['budget']);
  });

  it('lets the lead record a meeting with two decisions, cite one in a re-plan (kept on the history, the item added) and one in a baseline', async () => {
    const [copil] = ((await lead.get(`/api/roadmaps/${roadmapId}/instances`).expect(200)).body as InstanceView[]).filter(
      (i) => i.name === 'Comité de pilotage',
    );
    const registre = await actionByKey('juridique.mettre-a-jour-registre');
    const meeting = (
      await lead
        .post(`/api/roadmaps/${roadmapId}/meetings`)
        .send({
          instanceId: copil.id,
          date: '2026-11-26',
          title: '  Comité de pilotage de novembre  ',
          attendees: [{ accountId: leadId }, { name: 'Invitée extérieure' }],
          agenda: [{ label: 'Registre des traitements', itemType: 'action', itemId: registre.id }, { label: 'Divers' }],
          minutes: 'Compte rendu bref.',
        })
        .expect(201)
    ).body as MeetingView;
    expect(meeting).toMatchObject({
      title: 'Comité de pilotage de novembre',
      version: 1,
      attendees: [
        { accountId: leadId, name: 'Camille Le Goff' },
        { accountId: null, name: 'Invitée extérieure' },
      ],
      agenda: [
        { label: 'Registre des traitements', item: { type: 'action', id: registre.id } },
        { label: 'Divers', item: null },
      ],
      decisions: [],
    });
    const decide = (body: Record<string, unknown>) =>
      lead.post(`/api/roadmaps/${roadmapId}/decisions`).send({ date: '2026-11-26', meetingId: meeting.id, ...body });
    const replan = (await decide({ kind: 'replanification', text: 'Registre reporté de trois mois.' }).expect(201)).body as DecisionView;
    const validation = (await decide({ kind: 'validation', text: 'Feuille de route v2 validée.' }).expect(201)).body as DecisionView;
    expect(replan).toMatchObject({ meetingId: meeting.id, items: [], createdBy: { id: leadId, name: 'Camille Le Goff' } });

    // the re-plan cites the decision: kept on its history lines, the item joins the decision's items
    const res = await lead
      .patch(`/api/actions/${registre.id}`)
      .send({ version: registre.version, due: '2027-03-31', reason: 'Adjoint au DPO pas encore recruté', decisionId: replan.id })
      .expect(200);
    expect(res.body.due).toBe('2027-03-31');
    const history = (await elected.get(`/api/actions/${registre.id}/history`).expect(200)).body as HistoryEntryView[];
    const due = history.find((h) => h.field === 'due');
    expect(due?.decision).toEqual({ id: replan.id, date: '2026-11-26', kind: 'replanification', text: 'Registre reporté de trois mois.' });
    expect(history.find((h) => h.field === 'created')?.decision).toBeNull();
    const cited = (await elected.get(`/api/meetings/${meeting.id}`).expect(200)).body as MeetingView;
    expect(cited.decisions.find((d) => d.id === replan.id)?.items.map((i) => i.id)).toEqual([registre.id]);

    // the baseline cites the other
    const baseline = (await lead.post(`/api/roadmaps/${roadmapId}/baselines`).send({ label: 'v2', decisionId: validation.id }).expect(201))
      .body as BaselineView;
    expect(baseline.decisionId).toBe(validation.id);

    // a decision of no roadmap of ours, cited: 422 on decisionId, nothing changed
    const stale = await actionByKey('juridique.mettre-a-jour-registre');
    const refused = await lead
      .patch(`/api/actions/${stale.id}`)
      .send({ version: stale.version, title: 'Autre titre', decisionId: '00000000-0000-4000-8000-000000000000' })
      .expect(422);
    expect(refused.body.errors).toEqual([{ field: 'decisionId', message: 'Décision inconnue dans cette feuille de route.' }]);
    expect((await actionByKey('juridique.mettre-a-jour-registre')).version).toBe(stale.version);
  });

  it('keeps a deleted meeting’s decisions (without meeting), and refuses to delete an instance that has meetings', async () => {
    const instance = (await lead.post(`/api/roadmaps/${roadmapId}/instances`).send({ name: 'Comité citoyen' }).expect(201))
      .body as InstanceView;
    expect(instance).toMatchObject({ name: 'Comité citoyen', description: null, meetings: 0 });
    await lead.post(`/api/roadmaps/${roadmapId}/instances`).send({ name: 'comité CITOYEN' }).expect(409);
    const meeting = (
      await lead.post(`/api/roadmaps/${roadmapId}/meetings`).send({ instanceId: instance.id, date: '2026-12-03' }).expect(201)
    ).body as MeetingView;
    const decision = (
      await lead
        .post(`/api/roadmaps/${roadmapId}/decisions`)
        .send({ date: '2026-12-03', kind: 'arbitrage', text: 'Ouvrir le comité aux associations.', meetingId: meeting.id })
        .expect(201)
    ).body as DecisionView;
    const refused = await lead.delete(`/api/instances/${instance.id}`).expect(409);
    expect(refused.body.message).toContain('Comité citoyen');
    await lead.delete(`/api/meetings/${meeting.id}`).expect(204);
    await elected.get(`/api/meetings/${meeting.id}`).expect(404);
    const kept = (await elected.get(`/api/roadmaps/${roadmapId}/decisions?since=2026-12-03&until=2026-12-03`).expect(200))
      .body as DecisionView[];
    expect(kept).toEqual([expect.objectContaining({ id: decision.id, meetingId: null, meeting: null })]);
    await lead.delete(`/api/instances/${instance.id}`).expect(204);
    await lead.delete(`/api/decisions/${decision.id}`).expect(204);
    await lead.delete(`/api/decisions/${decision.id}`).expect(404);
  });

  it('updates a meeting with its version (409 when stale) and a decision’s fields; lists sent replace the lists', async () => {
    const [latest] = (await lead.get(`/api/roadmaps/${roadmapId}/meetings`).expect(200)).body as MeetingSummaryView[];
    const before = (await lead.get(`/api/meetings/${latest.id}`).expect(200)).body as MeetingView;
    const after = (
      await lead
        .patch(`/api/meetings/${latest.id}`)
        .send({ version: before.version, minutes: 'Ordre du jour arrêté.', attendees: [] })
        .expect(200)
    ).body as MeetingView;
    expect(after).toMatchObject({ version: before.version + 1, minutes: 'Ordre du jour arrêté.', attendees: [], agenda: before.agenda });
    const stale = await lead.patch(`/api/meetings/${latest.id}`).send({ version: before.version, title: 'Trop tard' }).expect(409);
    expect(stale.body).toMatchObject({ error: 'version_conflict', currentVersion: before.version + 1 });

    const [decision] = (await lead.get(`/api/roadmaps/${roadmapId}/decisions?since=2025-04-10&until=2025-04-10`).expect(200))
      .body as DecisionView[];
    const changed = (await lead.patch(`/api/decisions/${decision.id}`).send({ kind: 'validation', meetingId: null, items: [] }).expect(200))
      .body as DecisionView;
    expect(changed).toMatchObject({ kind: 'validation', meetingId: null, items: [], text: decision.text, date: decision.date });
  });

  it('adds evidence to a decision (the lead), lists it for everyone; an owner may neither add nor delete it', async () => {
    const [decision] = (await lead.get(`/api/roadmaps/${roadmapId}/decisions`).expect(200)).body as DecisionView[];
    const link = { title: 'Délibération 2026-06-25', url: 'https://www.brest.fr/deliberation.pdf', kind: 'deliberation' };
    const added = (await lead.post(`/api/decisions/${decision.id}/evidence`).send(link).expect(201)).body as EvidenceView;
    expect(added).toMatchObject({ itemType: 'decision', itemId: decision.id, title: link.title });
    await owner.post(`/api/decisions/${decision.id}/evidence`).send(link).expect(403);
    await owner.delete(`/api/evidence/${added.id}`).expect(403);
    const list = (await elected.get(`/api/decisions/${decision.id}/evidence`).expect(200)).body as EvidenceView[];
    expect(list.map((e) => e.id)).toEqual([added.id]);
    await lead.delete(`/api/decisions/${decision.id}`).expect(204);
    expect(await one<{ n: string }>('select count(*) n from evidence where id = $1', [added.id])).toEqual({ n: '0' });
  });

  it('refuses writes to everyone but the lead (403), and answers 404 for unknown ids', async () => {
    await owner.post(`/api/roadmaps/${roadmapId}/instances`).send({ name: 'Non' }).expect(403);
    await elected.post(`/api/roadmaps/${roadmapId}/decisions`).send({ date: '2026-01-01', kind: 'budget', text: 'Non' }).expect(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await elected.get(`/api/meetings/${unknown}`).expect(404);
    await elected.get(`/api/roadmaps/${unknown}/meetings`).expect(404);
    await lead.patch(`/api/instances/${unknown}`).send({ name: 'X' }).expect(404);
    await lead.patch(`/api/decisions/${unknown}`).send({ text: 'X' }).expect(404);
  });
});
