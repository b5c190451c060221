import { randomUUID } from 'node:crypto';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EvidenceView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { createTestApp } from './app';
import { BREST, ensureAccount, signInAs } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/**
 * Evidence over real HTTP and PostgreSQL: who adds and deletes links (the lead, the owner of the
 * item's function, nobody else), what is refused and how (400 per field, 422, 404), and the proof a
 * status change carries — saved with the status or not at all.
 */
describe('evidence', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let owner: TestAgent;
  let elected: TestAgent;
  const fn: Record<string, string> = {};

  const link = (over: Record<string, unknown> = {}) => ({
    title: 'Délibération du conseil du 25/06/2026',
    url: 'https://www.brest.fr/deliberations/2026-06-25.pdf',
    kind: 'deliberation',
    ...over,
  });
  const fields = (res: { body: { errors?: Array<{ field: string }> } }) => [...new Set((res.body.errors ?? []).map((e) => e.field))].sort();
  const firstOf = async (table: 'action' | 'milestone', code: string, extra = 'true') =>
    (
      await db.query<{ id: string; version: number }>(
        `select id, version from ${table} where function_id = $1 and ${extra} order by id limit 1`,
        [fn[code]],
      )
    )[0];
  const count = async (where: string, params: unknown[]) =>
    Number((await db.query<{ n: string }>(`select count(*) n from evidence where ${where}`, params))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    for (const r of await db.query<{ id: string; code: string }>('select id, code from target_function')) fn[r.code] = r.id;
    await ensureAccount(db, BREST.lead, 'lead', 'Camille Le Goff');
    await ensureAccount(db, BREST.owner, 'owner', 'Soizic Le Bihan'); // owns mediation, not juridique
    await ensureAccount(db, BREST.elected, 'elected');
    [lead, owner, elected] = await Promise.all([signInAs(app, BREST.lead), signInAs(app, BREST.owner), signInAs(app, BREST.elected)]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('lets the lead and the function’s owner add links, lists them newest first with who added them, for everyone signed in', async () => {
    const action = await firstOf('action', 'mediation');
    const byLead = (await lead.post(`/api/actions/${action.id}/evidence`).send(link()).expect(201)).body as EvidenceView;
    expect(byLead).toMatchObject({
      itemType: 'action',
      itemId: action.id,
      title: 'Délibération du conseil du 25/06/2026',
      url: 'https://www.brest.fr/deliberations/2026-06-25.pdf',
      kind: 'deliberation',
      addedBy: { name: 'Camille Le Goff' },
    });
    expect(Date.now() - Date.parse(byLead.addedAt)).toBeLessThan(60_000);
    const body = link({ title: '  Jeu de données des lieux de médiation  ', url: 'http://data.brest.fr/x?y=1', kind: 'jeu-de-donnees' });
    const byOwner = (await owner.post(`/api/actions/${action.id}/evidence`).send(body).expect(201)).body as EvidenceView;
    expect(byOwner).toMatchObject({
      title: 'Jeu de données des lieux de médiation',
      kind: 'jeu-de-donnees',
      addedBy: { name: 'Soizic Le Bihan' },
    });
    const listed = (await elected.get(`/api/actions/${action.id}/evidence`).expect(200)).body as EvidenceView[];
    expect(listed.map((e) => e.id)).toEqual([byOwner.id, byLead.id]);
    const milestone = await firstOf('milestone', 'mediation');
    await owner
      .post(`/api/milestones/${milestone.id}/evidence`)
      .send(link({ kind: 'page-web' }))
      .expect(201);
    const ofMilestone = (await elected.get(`/api/milestones/${milestone.id}/evidence`).expect(200)).body as EvidenceView[];
    expect(ofMilestone).toEqual([expect.objectContaining({ itemType: 'milestone', itemId: milestone.id, kind: 'page-web' })]);
  });

  it('refuses the owner of another function and an elected official (403), and changes nothing', async () => {
    const other = await firstOf('action', 'juridique');
    const otherMilestone = await firstOf('milestone', 'juridique');
    await owner.post(`/api/actions/${other.id}/evidence`).send(link()).expect(403);
    await owner.post(`/api/milestones/${otherMilestone.id}/evidence`).send(link()).expect(403);
    await elected.post(`/api/actions/${other.id}/evidence`).send(link()).expect(403);
    const kept = (await lead.post(`/api/actions/${other.id}/evidence`).send(link()).expect(201)).body as EvidenceView;
    await owner.delete(`/api/evidence/${kept.id}`).expect(403);
    await elected.delete(`/api/evidence/${kept.id}`).expect(403);
    expect(await count('action_id = $1', [other.id])).toBe(1);
    await lead.delete(`/api/evidence/${kept.id}`).expect(204);
    expect(await count('action_id = $1', [other.id])).toBe(0);
    await lead.delete(`/api/evidence/${kept.id}`).expect(404);
  });

  it('answers 400 naming each bad field in French, and stores nothing', async () => {
    const action = await firstOf('action', 'innovation');
    const before = await count('true', []);
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [link({ title: '' }), ['title']],
      [link({ title: '   ' }), ['title']],
      [link({ title: 'x'.repeat(201) }), ['title']],
      [link({ title: 12 }), ['title']],
      [link({ url: 'ftp://brest.fr/a' }), ['url']],
      [link({ url: 'javascript:alert(1)' }), ['url']],
      [link({ url: 'HTTPS://brest.fr' }), ['url']],
      [link({ url: 'https://brest.fr/a b' }), ['url']],
      [link({ url: `https://brest.fr/${'a'.repeat(1990)}` }), ['url']],
      [link({ url: null }), ['url']],
      [link({ kind: 'video' }), ['kind']],
      [{}, ['kind', 'title', 'url']],
      [link({ extra: 1 }), ['extra']],
    ];
    for (const [body, expected] of cases) {
      const res = await lead.post(`/api/actions/${action.id}/evidence`).send(body);
      expect([res.status, fields(res)]).toEqual([400, expected]);
      expect(res.body.errors.every((e: { message: string }) => / doit | ne doit|n’est pas|propriété/i.test(e.message))).toBe(true);
    }
    await lead
      .post(`/api/actions/${action.id}/evidence`)
      .send(link({ url: `https://brest.fr/${'a'.repeat(1980)}` }))
      .expect(201);
    await lead
      .post(`/api/actions/${action.id}/evidence`)
      .send(link({ title: 'é'.repeat(200) }))
      .expect(201);
    expect(await count('true', [])).toBe(before + 2);
    const bad = await lead.post('/api/actions/pas-un-id/evidence').send(link());
    expect([bad.status, fields(bad)]).toEqual([400, ['id']]);
  });

  it('answers 404 for an unknown action, milestone or link', async () => {
    const id = randomUUID();
    for (const path of [`/api/actions/${id}/evidence`, `/api/milestones/${id}/evidence`]) {
      await elected.get(path).expect(404);
      await lead.post(path).send(link()).expect(404);
    }
    await lead.delete(`/api/evidence/${id}`).expect(404);
  });

  it('saves the proof of an action marked terminée with its status, with a history line naming it', async () => {
    const action = await firstOf('action', 'mediation', `status <> 'terminee'`);
    const proof = { proofTitle: 'Bilan de la médiation 2026', proofUrl: 'https://brest.fr/bilan.pdf', proofKind: 'document' };
    const res = await owner
      .put(`/api/actions/${action.id}/status`)
      .send({ version: action.version, status: 'terminee', progress: 100, ...proof })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'terminee', version: action.version + 1 });
    const [saved] = (await elected.get(`/api/actions/${action.id}/evidence`).expect(200)).body as EvidenceView[];
    expect(saved).toMatchObject({ title: 'Bilan de la médiation 2026', url: 'https://brest.fr/bilan.pdf', kind: 'document' });
    const history = await db.query<{ field: string; to_value: string }>(
      `select field, to_value from change_history where item_id = $1 and field = 'proof'`,
      [action.id],
    );
    expect(history).toEqual([{ field: 'proof', to_value: '« Bilan de la médiation 2026 » — https://brest.fr/bilan.pdf' }]);
  });

  it('refuses a proof that is not whole (400), on a status other than terminée (422), with a stale version (409): nothing saved', async () => {
    const action = await firstOf('action', 'mediation', `status <> 'terminee'`);
    const url = `/api/actions/${action.id}/status`;
    const partial = await owner.put(url).send({ version: action.version, status: 'terminee', progress: 100, proofTitle: 'Bilan' });
    expect([partial.status, fields(partial)]).toEqual([400, ['proofKind', 'proofUrl']]);
    const badUrl = await owner
      .put(url)
      .send({ version: action.version, status: 'terminee', progress: 100, proofTitle: 'B', proofUrl: 'brest.fr', proofKind: 'document' });
    expect([badUrl.status, fields(badUrl)]).toEqual([400, ['proofUrl']]);
    const proof = { proofTitle: 'Bilan', proofUrl: 'https://brest.fr/b', proofKind: 'document' };
    const notDone = await owner.put(url).send({ version: action.version, status: 'en_cours', progress: 50, ...proof });
    expect([notDone.status, fields(notDone)]).toEqual([422, ['proofTitle']]);
    const not100 = await owner.put(url).send({ version: action.version, status: 'terminee', progress: 90, ...proof });
    expect(not100.status).toBe(422);
    await owner
      .put(url)
      .send({ version: action.version - 1 || 99, status: 'terminee', progress: 100, ...proof })
      .expect(409);
    expect(await count('action_id = $1', [action.id])).toBe(0);
    const [row] = await db.query<{ version: number; status: string }>('select version, status from action where id = $1', [action.id]);
    expect(row).toEqual({ version: action.version, status: expect.not.stringMatching(/^terminee$/) });
  });

  it('rolls the proof back when the status cannot be saved after it (one transaction)', async () => {
    const action = await firstOf('action', 'innovation', `status <> 'terminee'`);
    const before = await count('action_id = $1', [action.id]);
    // the history line is written after the proof: make it fail, as a lost connection would
    await db.query(`alter table change_history add constraint evidence_test_no_proof check (field <> 'proof') not valid`);
    try {
      const proof = { proofTitle: 'Bilan', proofUrl: 'https://brest.fr/b', proofKind: 'document' };
      const res = await lead
        .put(`/api/actions/${action.id}/status`)
        .send({ version: action.version, status: 'terminee', progress: 100, ...proof });
      expect(res.status).toBeGreaterThanOrEqual(500);
    } finally {
      await db.query('alter table change_history drop constraint evidence_test_no_proof');
    }
    expect(await count('action_id = $1', [action.id])).toBe(before);
    const [row] = await db.query<{ version: number }>('select version from action where id = $1', [action.id]);
    expect(row.version).toBe(action.version);
  });

  it('saves the proof of a milestone marked achieved; refuses one on a milestone left not achieved (422)', async () => {
    const milestone = await firstOf('milestone', 'mediation', 'achieved_on is null');
    const before = await count('milestone_id = $1', [milestone.id]);
    const proof = { proofTitle: 'Compte rendu du comité', proofUrl: 'https://brest.fr/cr.pdf', proofKind: 'document' };
    const refused = await owner.patch(`/api/milestones/${milestone.id}`).send({ version: milestone.version, ...proof });
    expect([refused.status, fields(refused)]).toEqual([422, ['proofTitle']]);
    const future = await owner
      .patch(`/api/milestones/${milestone.id}`)
      .send({ version: milestone.version, achievedOn: '2999-01-01', ...proof });
    expect(future.status).toBe(422);
    expect(await count('milestone_id = $1', [milestone.id])).toBe(before);
    const today = todayInParis();
    const res = await owner
      .patch(`/api/milestones/${milestone.id}`)
      .send({ version: milestone.version, achievedOn: today, ...proof })
      .expect(200);
    expect(res.body).toMatchObject({ achievedOn: today, version: milestone.version + 1 });
    const [listed] = (await elected.get(`/api/milestones/${milestone.id}/evidence`).expect(200)).body as EvidenceView[];
    expect([listed]).toEqual([
      expect.objectContaining({
        title: 'Compte rendu du comité',
        kind: 'document',
        addedBy: expect.objectContaining({ name: 'Soizic Le Bihan' }),
      }),
    ]);
    const [line] = await db.query<{ to_value: string }>(`select to_value from change_history where item_id = $1 and field = 'proof'`, [
      milestone.id,
    ]);
    expect(line.to_value).toContain('Compte rendu du comité');
  });

  it('deletes an item’s links with it; a restore from the Corbeille does not bring them back', async () => {
    const action = await firstOf('action', 'innovation');
    await lead.post(`/api/actions/${action.id}/evidence`).send(link()).expect(201);
    const { version } = (await db.query<{ version: number }>('select version from action where id = $1', [action.id]))[0];
    await lead.delete(`/api/actions/${action.id}?version=${version}`).expect(204);
    expect(await count('action_id = $1', [action.id])).toBe(0);
    await lead.post(`/api/actions/${action.id}/restore`).expect(200);
    expect((await elected.get(`/api/actions/${action.id}/evidence`).expect(200)).body).toEqual([]);
  });

  it('documents its routes in the OpenAPI document, with the link’s and the proof’s fields', async () => {
    const doc = (await elected.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { summary?: string }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const routes = [
      ['get', '/api/actions/{id}/evidence'],
      ['post', '/api/actions/{id}/evidence'],
      ['get', '/api/milestones/{id}/evidence'],
      ['post', '/api/milestones/{id}/evidence'],
      ['delete', '/api/evidence/{id}'],
    ];
    expect(routes.filter(([m, p]) => !doc.paths[p]?.[m]?.summary)).toEqual([]);
    const fieldsOf = (name: string) => Object.keys(doc.components.schemas[name]?.properties ?? {});
    expect(fieldsOf('CreateEvidenceDto').sort()).toEqual(['kind', 'title', 'url']);
    for (const dto of ['UpdateActionStatusDto', 'UpdateMilestoneDto']) {
      expect(fieldsOf(dto)).toEqual(expect.arrayContaining(['proofTitle', 'proofUrl', 'proofKind']));
    }
  });
});
