import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ActorDetailView, ActorView, ApiError, AssessmentView } from '@jalons/contract';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { nextMandate } from './factories/next-mandate';

/*
 * The register of actors over real HTTP and PostgreSQL: created, changed, deleted by the project
 * lead, read by everyone signed in. The register is kept in a roadmap of its own (the next mandate,
 * written by SQL), so whatever the Brest seed holds does not count.
 */
describe('the actors register', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let owner: TestAgent;
  let elected: TestAgent;
  let roadmapId: string;
  let brestId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    [lead, owner, elected] = [await signIn(app, db, 'lead'), await signIn(app, db, 'owner'), await signIn(app, db, 'elected')];
    [{ id: brestId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    roadmapId = await nextMandate(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const fields = (body: ApiError) => (body.errors ?? []).map((e) => e.field).sort();
  const create = async (body: Record<string, unknown>, roadmap = roadmapId) =>
    (await lead.post(`/api/roadmaps/${roadmap}/actors`).send(body).expect(201)).body as ActorDetailView;
  const assess = async (actorId: string, on: string, maturity: number, ambition: number) =>
    (await lead.post(`/api/actors/${actorId}/assessments`).send({ on, maturity, ambition, assessedBy: 'Équipe diagnostic' }).expect(201))
      .body as AssessmentView;

  describe('creating and listing', () => {
    it('creates an actor with every field, and lists the register by name the French way', async () => {
      const dsi = await create({
        name: 'Direction des systèmes d’information',
        kind: 'direction',
        referent: '  Anne Le Gall ',
        metOn: '2025-02-10',
        workshop: true,
        needs: ['ingenierie', 'competences', 'ingenierie'],
        dataTypes: ['geographiques', 'metiers'],
        personalData: true,
        sensitiveData: false,
      });
      expect(dsi).toMatchObject({
        roadmapId,
        kind: 'direction',
        referent: 'Anne Le Gall',
        metOn: '2025-02-10',
        workshop: true,
        needs: ['competences', 'ingenierie'],
        dataTypes: ['metiers', 'geographiques'],
        personalData: true,
        sensitiveData: false,
        group: null,
        derivedGroup: null,
        groupOverride: null,
        latest: null,
        assessmentCount: 0,
        assessments: [],
        targetedBy: [],
        version: 1,
      });
      await create({ name: 'Énergies de Brest (SEM)', kind: 'operateur' });
      await create({ name: 'agence d’urbanisme', kind: 'partenaire' });
      await create({ name: 'Zéro déchet Brest', kind: 'partenaire' });
      const list = (await lead.get(`/api/roadmaps/${roadmapId}/actors`).expect(200)).body as ActorView[];
      // 'É' sorts with 'E', a small 'a' before 'D': not the code-point order
      expect(list.map((a) => a.name)).toEqual([
        'agence d’urbanisme',
        'Direction des systèmes d’information',
        'Énergies de Brest (SEM)',
        'Zéro déchet Brest',
      ]);
      const [row] = await db.query('select needs, data_types, referent from actor where id = $1', [dsi.id]);
      expect(row).toEqual({ needs: ['competences', 'ingenierie'], data_types: ['metiers', 'geographiques'], referent: 'Anne Le Gall' });
    });

    it('refuses a name the roadmap already has, whatever its case (409), and accepts it in another roadmap', async () => {
      const res = await lead.post(`/api/roadmaps/${roadmapId}/actors`).send({ name: 'ZÉRO DÉCHET BREST', kind: 'expert' }).expect(409);
      expect(res.body).toMatchObject({ error: 'actor_name_taken', errors: [{ field: 'name' }] });
      expect(res.body.message).toContain('ZÉRO DÉCHET BREST');
      await create({ name: 'Zéro déchet Brest (test)', kind: 'partenaire' }, brestId);
    });

    it('answers 404 for an unknown roadmap or actor, 400 for a malformed id', async () => {
      const nobody = '00000000-0000-4000-8000-000000000000';
      await lead.get(`/api/roadmaps/${nobody}/actors`).expect(404);
      await lead.post(`/api/roadmaps/${nobody}/actors`).send({ name: 'X', kind: 'expert' }).expect(404);
      await lead.get(`/api/actors/${nobody}`).expect(404);
      await lead.patch(`/api/actors/${nobody}`).send({ version: 1, name: 'Y' }).expect(404);
      await lead.delete(`/api/actors/${nobody}`).expect(404);
      expect((await lead.get('/api/actors/pas-un-id').expect(400)).body.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
    });
  });

  describe('refusing bad bodies with a message per field', () => {
    it('a wrong kind, need or data type, an empty name', async () => {
      const res = await lead
        .post(`/api/roadmaps/${roadmapId}/actors`)
        .send({ name: ' ', kind: 'service', needs: ['argent'], dataTypes: ['rh'], workshop: 'oui' })
        .expect(400);
      expect(fields(res.body)).toEqual(['dataTypes', 'kind', 'name', 'needs', 'workshop']);
      expect(res.body.errors).toContainEqual({
        field: 'kind',
        message: 'kind doit valoir l’un de : direction, operateur, partenaire, expert.',
      });
    });

    it('an override without a reason, or with an unknown group', async () => {
      const res = await lead
        .post(`/api/roadmaps/${roadmapId}/actors`)
        .send({ name: 'Sans raison', kind: 'direction', groupOverride: { group: 'leaders' } })
        .expect(400);
      expect(res.body.errors).toEqual([
        { field: 'groupOverride.reason', message: 'reason doit expliquer le choix du groupe en 1 à 500 caractères.' },
      ]);
      const bad = await lead
        .post(`/api/roadmaps/${roadmapId}/actors`)
        .send({ name: 'Groupe inconnu', kind: 'direction', groupOverride: { group: 'champions', reason: 'Parce que' } })
        .expect(400);
      expect(fields(bad.body)).toEqual(['groupOverride.group']);
    });

    it('scores of 0 and 6, an unknown axis, a missing assessor', async () => {
      const actor = await create({ name: 'Direction des finances', kind: 'direction' });
      const res = await lead.post(`/api/actors/${actor.id}/assessments`).send({ on: '2025-03-01', maturity: 0, ambition: 6 }).expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'maturity', message: 'maturity doit être une note entière de 1 à 5.' },
          { field: 'ambition', message: 'ambition doit être une note entière de 1 à 5.' },
          { field: 'assessedBy', message: expect.stringContaining('assessedBy') },
        ]),
      );
      const axis = await lead
        .post(`/api/actors/${actor.id}/assessments`)
        .send({ on: '2025-03-01', maturity: 3, ambition: 3, assessedBy: 'X', axes: { budget: { maturity: 3, ambition: 3 } } })
        .expect(400);
      expect(axis.body.errors).toContainEqual({
        field: 'axes',
        message: 'axes ne peut noter que les axes : strategie, gouvernance, competences, outils, donnees.',
      });
      expect((await db.query('select 1 from assessment where actor_id = $1', [actor.id])).length).toBe(0);
    });
  });

  describe('changing', () => {
    it('changes only the fields sent, moves the version on, keeps it when nothing changes', async () => {
      const a = await create({ name: 'Brest métropole habitat', kind: 'operateur', needs: ['moyens'] });
      const changed = (
        await lead
          .patch(`/api/actors/${a.id}`)
          .send({ version: 1, referent: 'Yann Morvan', needs: ['moyens', 'infrastructures'] })
          .expect(200)
      ).body as ActorDetailView;
      expect(changed).toMatchObject({
        name: 'Brest métropole habitat',
        referent: 'Yann Morvan',
        needs: ['moyens', 'infrastructures'],
        version: 2,
      });
      const same = (await lead.patch(`/api/actors/${a.id}`).send({ version: 2, referent: 'Yann Morvan' }).expect(200)).body as ActorView;
      expect(same.version).toBe(2);
      const cleared = (await lead.patch(`/api/actors/${a.id}`).send({ version: 2, referent: null }).expect(200)).body as ActorView;
      expect(cleared).toMatchObject({ referent: null, version: 3 });
    });

    it('refuses a stale version (409 with the current one) and changes nothing', async () => {
      const a = await create({ name: 'Eau du Ponant (SPL)', kind: 'operateur' });
      await lead.patch(`/api/actors/${a.id}`).send({ version: 1, workshop: true }).expect(200);
      const res = await lead.patch(`/api/actors/${a.id}`).send({ version: 1, name: 'Écrasé' }).expect(409);
      expect(res.body).toMatchObject({ error: 'version_conflict', currentVersion: 2 });
      expect((await db.query('select name, version from actor where id = $1', [a.id]))[0]).toEqual({
        name: 'Eau du Ponant (SPL)',
        version: 2,
      });
    });

    it('refuses a rename to a name another actor holds (409)', async () => {
      const a = await create({ name: 'Direction de la culture', kind: 'direction' });
      const res = await lead.patch(`/api/actors/${a.id}`).send({ version: 1, name: 'direction des finances' }).expect(409);
      expect(res.body).toMatchObject({ error: 'actor_name_taken', errors: [{ field: 'name' }] });
    });

    it('derives the group from the latest assessment, lets an override with its reason win, and clears it', async () => {
      const a = await create({ name: 'Service SIG', kind: 'direction' });
      await assess(a.id, '2025-03-01', 2, 4);
      let view = (await lead.get(`/api/actors/${a.id}`).expect(200)).body as ActorDetailView;
      expect(view).toMatchObject({ group: 'median', derivedGroup: 'median', groupOverride: null, assessmentCount: 1 });
      await assess(a.id, '2026-01-10', 4, 4);
      view = (await lead.get(`/api/actors/${a.id}`).expect(200)).body as ActorDetailView;
      expect(view).toMatchObject({ group: 'leaders', derivedGroup: 'leaders', latest: { on: '2026-01-10', maturity: 4, ambition: 4 } });
      expect(view.assessments.map((x) => x.on)).toEqual(['2025-03-01', '2026-01-10']);
      view = (
        await lead
          .patch(`/api/actors/${a.id}`)
          .send({ version: view.version, groupOverride: { group: 'peu-impliques', reason: 'Réorganisation du service' } })
          .expect(200)
      ).body as ActorDetailView;
      expect(view).toMatchObject({
        group: 'peu-impliques',
        derivedGroup: 'leaders',
        groupOverride: { group: 'peu-impliques', reason: 'Réorganisation du service' },
      });
      view = (await lead.patch(`/api/actors/${a.id}`).send({ version: view.version, groupOverride: null }).expect(200))
        .body as ActorDetailView;
      expect(view).toMatchObject({ group: 'leaders', groupOverride: null });
    });
  });

  describe('assessments', () => {
    it('keeps one per day (409), refuses a day after today (422), deletes one (204, then 404)', async () => {
      const a = await create({ name: 'Brest’aim (SEM)', kind: 'operateur' });
      const first = await lead
        .post(`/api/actors/${a.id}/assessments`)
        .send({
          on: '2025-04-01',
          maturity: 1,
          ambition: 5,
          axes: { donnees: { maturity: 1, ambition: 4 } },
          assessedBy: 'Équipe diagnostic',
          comment: 'Premier entretien',
        })
        .expect(201);
      expect(first.body).toMatchObject({
        actorId: a.id,
        on: '2025-04-01',
        axes: { donnees: { maturity: 1, ambition: 4 } },
        comment: 'Premier entretien',
      });
      const twice = await lead
        .post(`/api/actors/${a.id}/assessments`)
        .send({ on: '2025-04-01', maturity: 2, ambition: 5, assessedBy: 'X' })
        .expect(409);
      expect(twice.body).toMatchObject({ error: 'assessment_exists', errors: [{ field: 'on' }] });
      const future = await lead
        .post(`/api/actors/${a.id}/assessments`)
        .send({ on: '2999-01-01', maturity: 2, ambition: 5, assessedBy: 'X' })
        .expect(422);
      expect(future.body.errors).toEqual([{ field: 'on', message: expect.stringContaining('aujourd’hui') }]);
      await lead.delete(`/api/assessments/${first.body.id}`).expect(204);
      await lead.delete(`/api/assessments/${first.body.id}`).expect(404);
      expect(((await lead.get(`/api/actors/${a.id}`).expect(200)).body as ActorDetailView).assessmentCount).toBe(0);
    });
  });

  describe('deleting', () => {
    it('deletes the actor with its assessments (204), then answers 404', async () => {
      const a = await create({ name: 'Actrice éphémère', kind: 'expert' });
      await assess(a.id, '2025-05-01', 3, 3);
      await lead.delete(`/api/actors/${a.id}`).expect(204);
      await lead.get(`/api/actors/${a.id}`).expect(404);
      expect(await db.query('select id from assessment where actor_id = $1', [a.id])).toEqual([]);
    });
  });

  describe('who may', () => {
    it('lets owners and elected officials read the register, an actor and the map (200), and write nothing (403)', async () => {
      const a = await create({ name: 'Lecture seule', kind: 'partenaire' });
      const s = await assess(a.id, '2025-06-01', 3, 3);
      for (const who of [owner, elected]) {
        await who.get(`/api/roadmaps/${roadmapId}/actors`).expect(200);
        await who.get(`/api/actors/${a.id}`).expect(200);
        await who.get(`/api/roadmaps/${roadmapId}/diagnostic`).expect(200);
        await who.post(`/api/roadmaps/${roadmapId}/actors`).send({ name: 'Intrus', kind: 'expert' }).expect(403);
        await who.patch(`/api/actors/${a.id}`).send({ version: 1, name: 'Intrus' }).expect(403);
        await who.delete(`/api/actors/${a.id}`).expect(403);
        await who.post(`/api/actors/${a.id}/assessments`).send({ on: '2025-07-01', maturity: 1, ambition: 1, assessedBy: 'X' }).expect(403);
        await who.delete(`/api/assessments/${s.id}`).expect(403);
        await who.put(`/api/roadmaps/${roadmapId}/diagnostic/targets/workshop`).send({ value: 80, on: '2028-12-31' }).expect(403);
        await who.delete(`/api/roadmaps/${roadmapId}/diagnostic/targets/workshop`).expect(403);
      }
      expect((await db.query('select name, version from actor where id = $1', [a.id]))[0]).toEqual({ name: 'Lecture seule', version: 1 });
      expect((await db.query('select count(*)::int n from assessment where actor_id = $1', [a.id]))[0]).toEqual({ n: 1 });
    });
  });
});
