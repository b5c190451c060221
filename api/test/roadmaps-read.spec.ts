import type { NestExpressApplication } from '@nestjs/platform-express';
import type {
  ActionView,
  ChronogramActionView,
  ChronogramView,
  ChronogramWire,
  FunctionWithRollUpView,
  RoadmapDetailView,
  RoadmapSummaryView,
} from '@jalons/contract';
import { chronogramOf } from '@jalons/contract';
import { ACTOR_KINDS, ACTOR_NEEDS, DATA_TYPES, INDICATOR_DIRECTIONS, isOverdue, PHASE_CODES, rollUp } from '@jalons/domain';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

const AT = '2026-11-28';

/** The parts of the OpenAPI document the tests read. */
interface OpenApiSchema {
  properties?: Record<string, OpenApiSchema & { items?: OpenApiSchema }>;
  required?: string[];
  enum?: string[];
  $ref?: string;
}
interface OpenApiOperation {
  summary?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

/** issue 11's routes (docs/diagnostic.md, docs/indicators.md): method, path, the request body's DTO */
const DIAGNOSTIC_ROUTES: [string, string, string | null][] = [
  ['get', '/api/roadmaps/{id}/actors', null],
  ['post', '/api/roadmaps/{id}/actors', 'CreateActorDto'],
  ['get', '/api/actors/{id}', null],
  ['patch', '/api/actors/{id}', 'UpdateActorDto'],
  ['delete', '/api/actors/{id}', null],
  ['post', '/api/actors/{id}/assessments', 'CreateAssessmentDto'],
  ['delete', '/api/assessments/{id}', null],
  ['get', '/api/roadmaps/{id}/diagnostic', null],
  ['put', '/api/roadmaps/{id}/diagnostic/targets/{code}', 'FigureTargetDto'],
  ['delete', '/api/roadmaps/{id}/diagnostic/targets/{code}', null],
  ['get', '/api/actions/{id}/actors', null],
  ['put', '/api/actions/{id}/actors', 'ActionTargetsDto'],
  ['get', '/api/roadmaps/{id}/indicators', null],
  ['get', '/api/roadmaps/{id}/functions/{functionId}/indicators', null],
  ['post', '/api/roadmaps/{id}/functions/{functionId}/indicators', 'CreateIndicatorDto'],
  ['patch', '/api/indicators/{id}', 'UpdateIndicatorDto'],
  ['delete', '/api/indicators/{id}', null],
  ['post', '/api/indicators/{id}/measurements', 'CreateMeasurementDto'],
  ['delete', '/api/measurements/{id}', null],
];

describe('reading the seeded Brest roadmap over HTTP', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: TestAgent;
  let roadmap: RoadmapSummaryView;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    http = await signIn(app, db, 'lead');
    const res = await http.get('/api/roadmaps').expect(200);
    roadmap = (res.body as RoadmapSummaryView[])[0];
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers /api/health once the database is reachable', async () => {
    const res = await http.get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('lists exactly the Brest roadmap, with its project lead', async () => {
    const res = await http.get('/api/roadmaps').expect(200);
    expect(res.body).toHaveLength(1);
    expect(roadmap).toMatchObject({
      slug: 'brest-2026-2032',
      territory: 'Ville et Métropole de Brest',
      electionDates: ['2026-03-15', '2026-03-22'],
      start: '2025-03-01',
      end: '2032-03-14',
    });
    expect(roadmap.projectLead?.email).toMatch(/@brest\.example$/);
  });

  it('gives the chronogram: 4 phases in order, the central function and the ten, ≥ 45 actions, ≥ 15 milestones', async () => {
    const res = await http.get(`/api/roadmaps/${roadmap.id}/chronogram?at=${AT}`).expect(200);
    const c = chronogramOf(res.body);
    expect(c.roadmap.phases.map((p) => p.code)).toEqual([...PHASE_CODES]);
    for (let i = 1; i < c.roadmap.phases.length; i++) {
      expect(c.roadmap.phases[i].start > c.roadmap.phases[i - 1].end).toBe(true);
    }
    expect(c.functions).toHaveLength(11);
    expect(c.functions[0]).toMatchObject({ code: 'centrale', central: true });
    expect(c.functions[0].volets.map((v) => v.code)).toEqual(['strategique', 'metiers', 'technique']);
    expect(
      c.functions
        .filter((f) => !f.central)
        .map((f) => f.family)
        .sort(),
    ).toEqual([
      'anticipation',
      'anticipation',
      'ecosysteme',
      'ecosysteme',
      'ecosysteme',
      'ressources',
      'ressources',
      'ressources',
      'socle',
      'socle',
    ]);
    expect(c.actions.length).toBeGreaterThanOrEqual(45);
    expect(c.milestones.length).toBeGreaterThanOrEqual(15);
    expect(c.dependencies.length).toBeGreaterThan(0);
    // owners are given once, in persons
    const persons = new Set(c.persons.map((p) => p.id));
    expect(c.actions.filter((a) => a.ownerId).every((a) => persons.has(a.ownerId!))).toBe(true);
    expect(c.functions.every((f) => f.owner && persons.has(f.owner.id))).toBe(true);
    const ids = new Set(c.actions.map((a) => a.id));
    for (const d of c.dependencies) expect(ids.has(d.predecessorId) && ids.has(d.successorId)).toBe(true);
    // every status shows in late November 2026, and some actions are late
    expect(new Set(c.actions.map((a) => a.status))).toEqual(new Set(['a_lancer', 'en_cours', 'bloquee', 'terminee', 'abandonnee']));
    expect(c.actions.some((a) => isOverdue(a, AT))).toBe(true);
    expect(c.milestones.some((m) => m.state === 'late')).toBe(true);
    expect(c.milestones.some((m) => m.state === 'achieved')).toBe(true);
  });

  it('rolls up exactly as the domain library computes, for the roadmap, each phase and each function', async () => {
    const c = chronogramOf((await http.get(`/api/roadmaps/${roadmap.id}/chronogram?at=${AT}`).expect(200)).body);
    const items = (as: ChronogramActionView[]) => as.map((a) => ({ start: a.start, due: a.due, status: a.status, progress: a.progress }));
    expect(c.roadmap.rollUp).toEqual(rollUp(items(c.actions), AT));
    for (const p of c.roadmap.phases) expect(p.rollUp).toEqual(rollUp(items(c.actions.filter((a) => a.phaseId === p.id)), AT));
    for (const f of c.functions) {
      expect(f.rollUp).toEqual(rollUp(items(c.actions.filter((a) => a.functionId === f.id)), AT));
      for (const p of c.roadmap.phases) {
        expect(f.byPhase[p.id]).toEqual(rollUp(items(c.actions.filter((a) => a.functionId === f.id && a.phaseId === p.id)), AT));
      }
    }
    // and the same figures again from the rows read straight from the database, not from the API
    const rows = await db.query<{ start: string; due: string; status: ChronogramActionView['status']; progress: number; phase_id: string }>(
      'select start_date::text as start, due_date::text as due, status, progress, phase_id from action where roadmap_id = $1',
      [roadmap.id],
    );
    expect(rows).toHaveLength(c.actions.length);
    expect(c.roadmap.rollUp).toEqual(rollUp(rows, AT));
    for (const p of c.roadmap.phases)
      expect(p.rollUp).toEqual(
        rollUp(
          rows.filter((r) => r.phase_id === p.id),
          AT,
        ),
      );
    // late November 2026: the pre-electoral phase is nearly done, the post-electoral one is under way
    const [pre, post, emergence] = c.roadmap.phases;
    expect(pre.rollUp.progress).toBeGreaterThan(90);
    expect(post.rollUp.progress).toBeGreaterThan(0);
    expect(post.rollUp.progress).toBeLessThan(100);
    expect(emergence.rollUp.progress).toBe(0);
    expect(c.roadmap.currentPhaseId).toBe(post.id);
    // the same figures from the roadmap and functions endpoints
    const detail = (await http.get(`/api/roadmaps/${roadmap.id}?at=${AT}`).expect(200)).body as RoadmapDetailView;
    expect(detail.rollUp).toEqual(c.roadmap.rollUp);
    const fns = (await http.get(`/api/roadmaps/${roadmap.id}/functions?at=${AT}`).expect(200)).body as FunctionWithRollUpView[];
    expect(fns.map((f) => f.rollUp)).toEqual(c.functions.map((f) => f.rollUp));
  });

  it('gives the chronogram of one function: its actions and milestones only, the roadmap roll-up unchanged', async () => {
    const all = chronogramOf((await http.get(`/api/roadmaps/${roadmap.id}/chronogram?at=${AT}`).expect(200)).body);
    const ethique = all.functions.find((f) => f.code === 'ethique')!;
    const one = chronogramOf((await http.get(`/api/roadmaps/${roadmap.id}/chronogram?at=${AT}&functionId=${ethique.id}`).expect(200)).body);
    expect(one.functions.map((f) => f.code)).toEqual(['ethique']);
    expect(one.actions.length).toBe(all.actions.filter((a) => a.functionId === ethique.id).length);
    expect(one.actions.every((a) => a.functionId === ethique.id)).toBe(true);
    expect(one.milestones.every((m) => m.functionId === ethique.id)).toBe(true);
    expect(one.roadmap.rollUp).toEqual(all.roadmap.rollUp);
    const shown = new Set(one.actions.map((a) => a.id));
    expect(one.dependencies.every((d) => shown.has(d.predecessorId) && shown.has(d.successorId))).toBe(true);
  });

  it('filters actions by function, phase, status, owner and due dates', async () => {
    const c = chronogramOf((await http.get(`/api/roadmaps/${roadmap.id}/chronogram?at=${AT}`).expect(200)).body);
    const base = `/api/roadmaps/${roadmap.id}/actions?at=${AT}`;
    const get = async (q: string) => ((await http.get(`${base}&${q}`).expect(200)).body as ActionView[]).map((a) => a.id).sort();
    const expected = (pred: (a: ChronogramActionView) => boolean) =>
      c.actions
        .filter(pred)
        .map((a) => a.id)
        .sort();
    const fn = c.functions[1];
    const phase = c.roadmap.phases[1];
    const ownerId = c.actions.find((a) => a.ownerId)!.ownerId!;
    expect(await get(`functionId=${fn.id}`)).toEqual(expected((a) => a.functionId === fn.id));
    expect(await get(`phaseId=${phase.id}`)).toEqual(expected((a) => a.phaseId === phase.id));
    expect(await get('status=en_cours,bloquee')).toEqual(expected((a) => a.status === 'en_cours' || a.status === 'bloquee'));
    expect(await get(`ownerId=${ownerId}`)).toEqual(expected((a) => a.ownerId === ownerId));
    expect(await get('dueBefore=2026-06-30&dueAfter=2026-04-01')).toEqual(expected((a) => a.due <= '2026-06-30' && a.due >= '2026-04-01'));
    expect((await get('status=bloquee')).length).toBeGreaterThan(0);
  });

  it('filters milestones by achievement and date', async () => {
    const c = chronogramOf((await http.get(`/api/roadmaps/${roadmap.id}/chronogram?at=${AT}`).expect(200)).body);
    const res = await http.get(`/api/roadmaps/${roadmap.id}/milestones?achieved=true&dueBefore=2026-12-31`).expect(200);
    expect(res.body.map((m: { id: string }) => m.id).sort()).toEqual(
      c.milestones
        .filter((m) => m.achievedOn && m.date <= '2026-12-31')
        .map((m) => m.id)
        .sort(),
    );
  });

  it('keeps a history for every seeded item', async () => {
    const c = chronogramOf((await http.get(`/api/roadmaps/${roadmap.id}/chronogram?at=${AT}`).expect(200)).body);
    const res = await http.get(`/api/actions/${c.actions[0].id}/history`).expect(200);
    expect(res.body[0]).toMatchObject({ itemType: 'action', itemId: c.actions[0].id, field: 'created' });
    const ms = await http.get(`/api/milestones/${c.milestones[0].id}/history`).expect(200);
    expect(ms.body[0]).toMatchObject({ itemType: 'milestone', field: 'created' });
  });

  it('lists the persons, and answers one function with its roll-up or a 404', async () => {
    const persons = (await http.get('/api/persons').expect(200)).body as Array<{ email: string }>;
    expect(persons.length).toBeGreaterThanOrEqual(8);
    expect(persons.every((p) => p.email.endsWith('@brest.example'))).toBe(true);
    const fns = (await http.get(`/api/roadmaps/${roadmap.id}/functions?at=${AT}`).expect(200)).body as FunctionWithRollUpView[];
    const one = (await http.get(`/api/roadmaps/${roadmap.id}/functions/${fns[3].id}?at=${AT}`).expect(200)).body as FunctionWithRollUpView;
    expect(one).toEqual(fns[3]);
    const missing = await http.get(`/api/roadmaps/${roadmap.id}/functions/00000000-0000-4000-8000-000000000000`).expect(404);
    expect(missing.body.error).toBe('not_found');
    await http.get(`/api/roadmaps/${roadmap.id}/chronogram?functionId=00000000-0000-4000-8000-000000000000`).expect(404);
    await http.get('/api/roadmaps/00000000-0000-4000-8000-000000000000/chronogram').expect(404);
    await http.get('/api/roadmaps/00000000-0000-4000-8000-000000000000/functions').expect(404);
    await http.get('/api/roadmaps/00000000-0000-4000-8000-000000000000/milestones').expect(404);
  });

  it('names persons to an elected official without their e-mail, in the list and in the chronogram (issue #16)', async () => {
    const elected = await signIn(app, db, 'elected');
    const persons = (await elected.get('/api/persons').expect(200)).body as Array<Record<string, unknown>>;
    expect(persons.length).toBeGreaterThanOrEqual(8);
    expect(persons.filter((p) => Object.keys(p).sort().join() !== 'id,name')).toEqual([]);

    // the lead reads it first, so the cached chronogram holds e-mails: the elected official still gets none
    const url = `/api/roadmaps/${roadmap.id}/chronogram?at=${AT}`;
    const forLead = await http.get(url).expect(200);
    expect((forLead.body as ChronogramWire).persons.every((p) => p.email?.endsWith('@brest.example'))).toBe(true);
    const forElected = await elected.get(url).expect(200);
    const c = forElected.body as ChronogramWire;
    expect(c.persons.map((p) => p.id)).toEqual((forLead.body as ChronogramWire).persons.map((p) => p.id));
    expect(c.roadmap.projectLead?.name).toBeTruthy();
    expect(forElected.text).not.toMatch(/"email"|@brest\.example/);
    // nor a 304 on the lead's copy: the two are different answers
    expect(forElected.headers['etag']).not.toBe(forLead.headers['etag']);
    await elected.get(url).set('If-None-Match', forLead.headers['etag']).expect(200);
    await elected.get(url).set('If-None-Match', forElected.headers['etag']).expect(304);
  });

  it('publishes the OpenAPI document and the Swagger UI', async () => {
    const doc = await http.get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/roadmaps/{id}/chronogram', '/api/actions/{id}/status']));
    const ui = await http.get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('documents the diagnostic’s and the indicators’ routes, each with a summary and its request body’s schema', async () => {
    const doc = (await http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const undocumented = DIAGNOSTIC_ROUTES.filter(([method, path]) => !doc.paths[path]?.[method]?.summary).map((r) => r.join(' '));
    expect(undocumented).toEqual([]);
    const bodies = DIAGNOSTIC_ROUTES.map(([method, path]) => [
      method,
      path,
      doc.paths[path][method].requestBody?.content['application/json']?.schema.$ref ?? null,
    ]);
    expect(bodies).toEqual(DIAGNOSTIC_ROUTES.map(([method, path, dto]) => [method, path, dto && `#/components/schemas/${dto}`]));
    expect(doc.paths['/api/roadmaps/{id}/diagnostic'].get.parameters?.map((p) => `${p.in} ${p.name}`)).toEqual(['path id', 'query on']);

    // each body's fields, the required ones and the choices, as a client reads them
    const schema = (name: string) => doc.components.schemas[name] ?? { properties: {} };
    const fields = (name: string) => Object.keys(schema(name).properties ?? {}).sort();
    const actorFields = [
      'dataTypes',
      'groupOverride',
      'kind',
      'metOn',
      'name',
      'needs',
      'personalData',
      'referent',
      'sensitiveData',
      'workshop',
    ];
    expect(fields('CreateActorDto')).toEqual(actorFields);
    expect(schema('CreateActorDto').required?.sort()).toEqual(['kind', 'name']);
    expect(schema('CreateActorDto').properties?.['kind'].enum).toEqual([...ACTOR_KINDS]);
    expect(schema('CreateActorDto').properties?.['needs'].items?.enum).toEqual([...ACTOR_NEEDS]);
    expect(schema('CreateActorDto').properties?.['dataTypes'].items?.enum).toEqual([...DATA_TYPES]);
    expect(fields('UpdateActorDto')).toEqual([...actorFields, 'version'].sort());
    expect(schema('UpdateActorDto').required).toEqual(['version']);
    expect(fields('CreateAssessmentDto')).toEqual(['ambition', 'assessedBy', 'axes', 'comment', 'maturity', 'on']);
    expect(schema('CreateAssessmentDto').required?.sort()).toEqual(['ambition', 'assessedBy', 'maturity', 'on']);
    expect(fields('FigureTargetDto')).toEqual(['on', 'value']);
    expect(fields('ActionTargetsDto')).toEqual(['actorIds']);
    const indicatorFields = ['baselineOn', 'baselineValue', 'direction', 'name', 'targetOn', 'targetValue', 'unit'];
    expect(fields('CreateIndicatorDto')).toEqual(indicatorFields);
    expect(schema('CreateIndicatorDto').required?.sort()).toEqual(indicatorFields);
    expect(schema('CreateIndicatorDto').properties?.['direction'].enum).toEqual([...INDICATOR_DIRECTIONS]);
    expect(fields('UpdateIndicatorDto')).toEqual([...indicatorFields, 'version'].sort());
    expect(fields('CreateMeasurementDto')).toEqual(['comment', 'on', 'sourceUrl', 'value']);
    expect(schema('CreateMeasurementDto').required?.sort()).toEqual(['on', 'value']);
  });

  it('answers an unknown roadmap with a 404 and a malformed id with a 400, in the one error shape', async () => {
    const nf = await http.get('/api/roadmaps/00000000-0000-4000-8000-000000000000').expect(404);
    expect(nf.body).toMatchObject({ statusCode: 404, error: 'not_found' });
    expect(nf.body.message).toContain('00000000-0000-4000-8000-000000000000');
    const bad = await http.get('/api/roadmaps/42').expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'validation_failed', errors: [{ field: 'id' }] });
    const badAt = await http.get(`/api/roadmaps/${roadmap.id}?at=2026-02-29`).expect(400);
    expect(badAt.body.errors[0].field).toBe('at');
    const badStatus = await http.get(`/api/roadmaps/${roadmap.id}/actions?status=fini`).expect(400);
    expect(badStatus.body.errors[0]).toMatchObject({ field: 'status' });
    const unknownQuery = await http.get(`/api/roadmaps/${roadmap.id}/actions?colour=red`).expect(400);
    expect(unknownQuery.body.errors[0]).toMatchObject({ field: 'colour' });
    const route = await http.get('/api/nowhere').expect(404);
    expect(route.body).toMatchObject({ statusCode: 404, error: 'not_found' });
  });
});
