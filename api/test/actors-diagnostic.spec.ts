import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ActorDetailView, DiagnosticView, FigureView, TargetActorView } from '@jalons/contract';
import type { FigureCode } from '@jalons/domain';

import { createTestApp } from './app';
import { ensureAccount, signIn, signInAs } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { nextMandate } from './factories/next-mandate';

/*
 * The maturity × ambition map, the study's figures computed from a small register counted by hand,
 * the lead's targets, and the actors an action targets — over real HTTP and PostgreSQL. The register
 * lives in a roadmap of its own (the next mandate), so the Brest seed's actors do not count.
 */
describe('the diagnostic: map, figures, targets, actions’ actors', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let elected: TestAgent;
  let roadmapId: string;
  let brestId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    [lead, elected] = [await signIn(app, db, 'lead'), await signIn(app, db, 'elected')];
    [{ id: brestId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    roadmapId = await nextMandate(db);
    /*
     * The register, counted by hand:
     * O1 operator, met 2025-02-01, workshop, personal + sensitive data; (4,4) on 2025-02-01, then (4,2) on 2026-03-01
     * O2 operator, met 2025-03-01, personal data; (2,4) on 2025-03-01
     * O3 operator, never met
     * D1 direction, référent, met 2025-02-10, workshop, personal data; (3,3) on 2025-02-10
     * D2 direction, référent, never met;  D3 direction, met 2025-06-01, nothing else
     * E1 expert, met 2025-04-01, sensitive data (experts are not actors of the diagnostic)
     */
    const register: Array<[string, Record<string, unknown>, Array<[string, number, number]>]> = [
      [
        'O1',
        { kind: 'operateur', metOn: '2025-02-01', workshop: true, personalData: true, sensitiveData: true },
        [
          ['2025-02-01', 4, 4],
          ['2026-03-01', 4, 2],
        ],
      ],
      ['O2', { kind: 'operateur', metOn: '2025-03-01', personalData: true }, [['2025-03-01', 2, 4]]],
      ['O3', { kind: 'operateur' }, []],
      [
        'D1',
        { kind: 'direction', referent: 'Anne Le Gall', metOn: '2025-02-10', workshop: true, personalData: true },
        [['2025-02-10', 3, 3]],
      ],
      ['D2', { kind: 'direction', referent: 'Yann Morvan' }, []],
      ['D3', { kind: 'direction', metOn: '2025-06-01' }, []],
      ['E1', { kind: 'expert', metOn: '2025-04-01', sensitiveData: true }, []],
    ];
    for (const [name, body, assessments] of register) {
      const res = await lead
        .post(`/api/roadmaps/${roadmapId}/actors`)
        .send({ name, ...body })
        .expect(201);
      ids[name] = (res.body as ActorDetailView).id;
      for (const [on, maturity, ambition] of assessments) {
        await lead
          .post(`/api/actors/${ids[name]}/assessments`)
          .send({ on, maturity, ambition, assessedBy: 'Équipe diagnostic' })
          .expect(201);
      }
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const diagnostic = async (on: string, who = lead) =>
    (await who.get(`/api/roadmaps/${roadmapId}/diagnostic?on=${on}`).expect(200)).body as DiagnosticView;
  const figures = (d: DiagnosticView) =>
    Object.fromEntries(d.figures.map((f) => [f.code, [f.value, f.numerator, f.denominator]])) as Record<
      FigureCode,
      [number | null, number, number | null]
    >;
  const actor = (d: DiagnosticView, name: string) => d.actors.find((a) => a.name === name);

  describe('the map', () => {
    it('places each actor at its latest position by the day asked: two days, two maps', async () => {
      const before = await diagnostic('2025-12-31');
      const after = await diagnostic('2026-06-01');
      expect(before).toMatchObject({ roadmapId, on: '2025-12-31', thresholds: { matureFrom: 3, ambitiousFrom: 3 } });
      expect(before.actors.map((a) => a.name)).toEqual(['D1', 'D2', 'D3', 'E1', 'O1', 'O2', 'O3']);
      expect(actor(before, 'O1')).toMatchObject({
        kind: 'operateur',
        group: 'leaders',
        first: { on: '2025-02-01', maturity: 4, ambition: 4 },
        current: { on: '2025-02-01', maturity: 4, ambition: 4 },
        moved: false,
      });
      expect(actor(after, 'O1')).toMatchObject({
        group: 'peu-impliques',
        first: { on: '2025-02-01', maturity: 4, ambition: 4 },
        current: { on: '2026-03-01', maturity: 4, ambition: 2 },
        moved: true,
      });
      expect(actor(after, 'O2')).toMatchObject({ group: 'median', moved: false });
      expect(actor(after, 'O3')).toMatchObject({ group: null, first: null, current: null, moved: false });
      expect([after.firstAssessmentOn, after.lastAssessmentOn]).toEqual(['2025-02-01', '2026-03-01']);
    });

    it('shows nobody placed before the first assessment', async () => {
      const d = await diagnostic('2025-01-15');
      expect(d.actors.every((a) => a.current === null && a.first === null && a.group === null)).toBe(true);
    });

    it('defaults to today and refuses a day that is not one (400)', async () => {
      const today = (await lead.get(`/api/roadmaps/${roadmapId}/diagnostic`).expect(200)).body as DiagnosticView;
      expect(today.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const res = await lead.get(`/api/roadmaps/${roadmapId}/diagnostic?on=2025-02-30`).expect(400);
      expect(res.body.errors).toEqual([{ field: 'on', message: expect.stringContaining('AAAA-MM-JJ') }]);
      await lead.get('/api/roadmaps/00000000-0000-4000-8000-000000000000/diagnostic').expect(404);
    });
  });

  describe('the figures', () => {
    it('count the register on 2025-12-31 as counted by hand, next to the study’s values', async () => {
      const d = await diagnostic('2025-12-31');
      expect(figures(d)).toEqual({
        'operators-met': [66.7, 2, 3],
        'directions-met': [66.7, 2, 3],
        'mature-ambitious': [50, 2, 4], // O1 (4,4) and D1 (3,3) of O1 O2 D1 D3
        workshop: [50, 2, 4],
        'personal-data': [75, 3, 4],
        'sensitive-data': [1, 1, null], // O1; E1 is an expert
        referents: [66.7, 2, 3],
        experts: [1, 1, null],
      });
      const workshop = d.figures.find((f) => f.code === 'workshop');
      expect(workshop).toMatchObject({
        label: 'Participation à l’atelier de co-construction',
        unit: 'percent',
        study: { value: 60, comparison: 'gt' },
      });
      expect(d.figures.find((f) => f.code === 'referents')?.study).toBeNull();
    });

    it('move with the day: O1 is no longer ambitious on 2026-06-01', async () => {
      expect(figures(await diagnostic('2026-06-01'))['mature-ambitious']).toEqual([25, 1, 4]);
      expect(figures(await diagnostic('2025-02-05'))).toMatchObject({ 'operators-met': [33.3, 1, 3], 'mature-ambitious': [100, 1, 1] });
    });

    it('count an override as the group it names', async () => {
      const o2 = (await lead.get(`/api/actors/${ids['O2']}`).expect(200)).body as ActorDetailView;
      await lead
        .patch(`/api/actors/${o2.id}`)
        .send({ version: o2.version, groupOverride: { group: 'leaders', reason: 'Porte la donnée de la métropole' } })
        .expect(200);
      expect(figures(await diagnostic('2025-12-31'))['mature-ambitious']).toEqual([75, 3, 4]);
      await lead
        .patch(`/api/actors/${o2.id}`)
        .send({ version: o2.version + 1, groupOverride: null })
        .expect(200);
      expect(figures(await diagnostic('2025-12-31'))['mature-ambitious']).toEqual([50, 2, 4]);
    });
  });

  describe('the targets', () => {
    const url = (code: string) => `/api/roadmaps/${roadmapId}/diagnostic/targets/${code}`;

    it('sets a target, shows it with the figure, replaces it, removes it', async () => {
      const set = (await lead.put(url('workshop')).send({ value: 80, on: '2028-12-31' }).expect(200)).body as FigureView;
      expect(set).toMatchObject({ code: 'workshop', target: { value: 80, on: '2028-12-31' }, study: { value: 60, comparison: 'gt' } });
      await lead.put(url('workshop')).send({ value: 72.5, on: '2029-06-30' }).expect(200);
      await lead.put(url('experts')).send({ value: 8, on: '2027-12-31' }).expect(200);
      const d = await diagnostic('2025-12-31', elected);
      expect(d.figures.find((f) => f.code === 'workshop')?.target).toEqual({ value: 72.5, on: '2029-06-30' });
      expect(d.figures.find((f) => f.code === 'experts')?.target).toEqual({ value: 8, on: '2027-12-31' });
      await lead.delete(url('workshop')).expect(204);
      expect((await diagnostic('2025-12-31')).figures.find((f) => f.code === 'workshop')?.target).toBeNull();
    });

    it('refuses an unknown code (404), a percent above 100 or a count that is not whole (422), a day that is not one (400)', async () => {
      expect((await lead.put(url('budget')).send({ value: 10, on: '2028-12-31' }).expect(404)).body.message).toContain('budget');
      await lead.delete(url('budget')).expect(404);
      const pct = await lead.put(url('operators-met')).send({ value: 101, on: '2028-12-31' }).expect(422);
      expect(pct.body.errors).toEqual([
        { field: 'value', message: 'La cible de « Opérateurs rencontrés » est un pourcentage de 0 à 100.' },
      ]);
      const cnt = await lead.put(url('sensitive-data')).send({ value: 2.5, on: '2028-12-31' }).expect(422);
      expect(cnt.body.errors).toEqual([{ field: 'value', message: expect.stringContaining('entier') }]);
      const bad = await lead.put(url('workshop')).send({ value: -1, on: '2028-02-30' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['on', 'value']);
      expect(await db.query(`select code from diagnostic_target where roadmap_id = $1 and code <> 'experts'`, [roadmapId])).toEqual([]);
    });
  });

  describe('the actors an action targets', () => {
    let action: { id: string; version: number };
    let othersAction: string;
    let a: string;
    let b: string;
    let ownerOf: TestAgent;

    beforeAll(async () => {
      const make = async (name: string, referent: string | null) =>
        (
          (await lead.post(`/api/roadmaps/${brestId}/actors`).send({ name, kind: 'direction', referent }).expect(201))
            .body as ActorDetailView
        ).id;
      [a, b] = [await make('Test — Direction A', null), await make('Test — Direction B', 'Rozenn')];
      const ownerId = await ensureAccount(db, 'referente.diagnostic@test.example', 'owner');
      const [fn] = await db.query<{ id: string }>(`select id from target_function where roadmap_id = $1 and code = 'juridique'`, [brestId]);
      await db.query('update target_function set owner_id = $1 where id = $2', [ownerId, fn.id]);
      ownerOf = await signInAs(app, 'referente.diagnostic@test.example');
      [action] = await db.query<{ id: string; version: number }>(
        'select id, version from action where function_id = $1 order by id limit 1',
        [fn.id],
      );
      [{ id: othersAction }] = await db.query<{ id: string }>(
        `select a.id from action a join target_function f on f.id = a.function_id where f.roadmap_id = $1 and f.code = 'mediation' limit 1`,
        [brestId],
      );
    });

    it('replaces the list (each actor once), lists it by name to every reader, names the action on the actor', async () => {
      const set = (
        await lead
          .put(`/api/actions/${action.id}/actors`)
          .send({ actorIds: [b, a, b.toUpperCase()] })
          .expect(200)
      ).body as TargetActorView[];
      expect(set).toEqual([
        { id: a, name: 'Test — Direction A', kind: 'direction', referent: null },
        { id: b, name: 'Test — Direction B', kind: 'direction', referent: 'Rozenn' },
      ]);
      expect((await elected.get(`/api/actions/${action.id}/actors`).expect(200)).body).toEqual(set);
      const detail = (await elected.get(`/api/actors/${a}`).expect(200)).body as ActorDetailView;
      expect(detail.targetedBy).toEqual([expect.objectContaining({ id: action.id })]);
      const one = (
        await lead
          .put(`/api/actions/${action.id}/actors`)
          .send({ actorIds: [b] })
          .expect(200)
      ).body as TargetActorView[];
      expect(one.map((x) => x.id)).toEqual([b]);
    });

    it('lets the owner of the action’s function choose them; not another function’s action, not an elected official (403)', async () => {
      const links = () => db.query('select actor_id from action_actor where action_id = $1 order by actor_id', [othersAction]);
      const before = await links(); // the seed may link it already
      await ownerOf
        .put(`/api/actions/${action.id}/actors`)
        .send({ actorIds: [a, b] })
        .expect(200);
      await ownerOf
        .put(`/api/actions/${othersAction}/actors`)
        .send({ actorIds: [a] })
        .expect(403);
      await elected.put(`/api/actions/${action.id}/actors`).send({ actorIds: [] }).expect(403);
      expect(await links()).toEqual(before);
    });

    it('refuses an actor of another roadmap or an unknown one (422 on actorIds), an unknown action (404), a malformed list (400)', async () => {
      const stranger = ids['O1'];
      const res = await lead
        .put(`/api/actions/${action.id}/actors`)
        .send({ actorIds: [a, stranger] })
        .expect(422);
      expect(res.body.errors).toEqual([{ field: 'actorIds', message: expect.stringContaining(stranger) }]);
      await lead
        .put(`/api/actions/${action.id}/actors`)
        .send({ actorIds: ['00000000-0000-4000-8000-000000000000'] })
        .expect(422);
      await lead.put('/api/actions/00000000-0000-4000-8000-000000000000/actors').send({ actorIds: [] }).expect(404);
      await lead.get('/api/actions/00000000-0000-4000-8000-000000000000/actors').expect(404);
      await lead
        .put(`/api/actions/${action.id}/actors`)
        .send({ actorIds: ['x'] })
        .expect(400);
      expect(((await lead.get(`/api/actions/${action.id}/actors`).expect(200)).body as TargetActorView[]).map((x) => x.id)).toEqual([a, b]);
    });

    it('loses an actor’s link when the actor is deleted, and every link when the action is (the Corbeille does not bring them back)', async () => {
      const c = (
        (await lead.post(`/api/roadmaps/${brestId}/actors`).send({ name: 'Test — éphémère', kind: 'expert' }).expect(201))
          .body as ActorDetailView
      ).id;
      await lead
        .put(`/api/actions/${action.id}/actors`)
        .send({ actorIds: [a, b, c] })
        .expect(200);
      await lead.delete(`/api/actors/${c}`).expect(204);
      expect(((await lead.get(`/api/actions/${action.id}/actors`).expect(200)).body as TargetActorView[]).map((x) => x.id)).toEqual([a, b]);
      const [{ version }] = await db.query<{ version: number }>('select version from action where id = $1', [action.id]);
      await lead.delete(`/api/actions/${action.id}?version=${version}`).expect(204);
      expect(await db.query('select 1 from action_actor where action_id = $1', [action.id])).toEqual([]);
      expect(((await lead.get(`/api/actors/${a}`).expect(200)).body as ActorDetailView).targetedBy).toEqual([]);
      await lead.post(`/api/actions/${action.id}/restore`).expect(200);
      expect((await lead.get(`/api/actions/${action.id}/actors`).expect(200)).body).toEqual([]);
    });
  });
});
