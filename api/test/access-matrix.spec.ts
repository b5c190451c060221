import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { createTestApp } from './app';
import { anonymous, ensureAccount, signInAs } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/**
 * The authorisation matrix: every route of the OpenAPI document × every kind of caller, checked
 * against one table. A route missing from the table fails the test (so a new route cannot ship
 * without someone deciding who may call it), and so does a table line for a route that no longer
 * exists.
 *
 * Callers: anonymous; a deactivated account; each role; the function owner twice — on items of
 * a function they own ('owner') and of one they do not ('ownerOther'). A refusal must be exactly
 * 401 (no valid session) or 403 (role). An allowed call must get past the guard: writes are sent
 * with a body that then fails validation (400), so the matrix changes no data.
 */
type Caller = 'anonymous' | 'deactivated' | 'admin' | 'lead' | 'owner' | 'ownerOther' | 'elected';
const CALLERS: Caller[] = ['anonymous', 'deactivated', 'admin', 'lead', 'owner', 'ownerOther', 'elected'];
type Rule = Caller[]; // who is allowed

const EVERYONE: Rule = [...CALLERS];
const READERS: Rule = ['admin', 'lead', 'owner', 'ownerOther', 'elected'];
const ITEM_WRITERS: Rule = ['lead', 'owner'];
const LEAD: Rule = ['lead'];
const ADMIN: Rule = ['admin'];

const MATRIX: Record<string, Rule> = {
  'GET /api/health': EVERYONE,
  'GET /api/health/live': EVERYONE,
  'GET /api/health/ready': EVERYONE,
  'GET /api/auth/me': READERS, // anonymous: 401 is the answer ("not signed in")
  'GET /api/auth/session': EVERYONE, // anonymous: 200 {account: null}
  'POST /api/auth/login': EVERYONE,
  'POST /api/auth/logout': EVERYONE,
  'POST /api/auth/password': READERS,
  'POST /api/auth/password-reset/request': EVERYONE,
  'POST /api/auth/password-reset': EVERYONE,
  'POST /api/auth/invitation': EVERYONE,
  'GET /api/accounts': ADMIN,
  'POST /api/accounts': ADMIN,
  'PATCH /api/accounts/{id}': ADMIN,
  'POST /api/accounts/{id}/invitation': ADMIN,
  'POST /api/accounts/{id}/anonymise': ADMIN,
  'GET /api/roadmaps': READERS,
  'GET /api/roadmaps/{id}': READERS,
  'PATCH /api/roadmaps/{id}/settings': LEAD,
  'POST /api/roadmaps': LEAD,
  'POST /api/roadmaps/preview': LEAD,
  'GET /api/roadmaps/{id}/functions': READERS,
  'GET /api/roadmaps/{id}/functions/{functionId}': READERS,
  'PATCH /api/roadmaps/{id}/functions/{functionId}': LEAD,
  'PUT /api/roadmaps/{id}/phases': LEAD,
  'POST /api/roadmaps/{id}/carry-over': LEAD,
  'GET /api/roadmaps/{id}/actions': READERS,
  'POST /api/roadmaps/{id}/actions': ITEM_WRITERS,
  'GET /api/roadmaps/{id}/milestones': READERS,
  'POST /api/roadmaps/{id}/milestones': ITEM_WRITERS,
  'GET /api/roadmaps/{id}/changes': READERS,
  'GET /api/roadmaps/{id}/export': READERS,
  'POST /api/roadmaps/{id}/import': LEAD, // dry run or not: without a file, 400 once allowed
  'GET /api/roadmaps/{id}/chronogram': READERS,
  'GET /api/public/roadmaps': EVERYONE,
  'GET /api/public/roadmaps/{slug}': EVERYONE,
  'GET /api/public/roadmaps/{slug}/open-data/datapackage.json': EVERYONE, // the page is closed here: 404 past the guard
  'GET /api/public/roadmaps/{slug}/open-data/{file}': EVERYONE,
  'GET /api/public/instance': EVERYONE,
  'GET /api/actions/{id}': READERS,
  'GET /api/actions/{id}/history': READERS,
  'PATCH /api/actions/{id}': ITEM_WRITERS,
  'PUT /api/actions/{id}/status': ITEM_WRITERS,
  'DELETE /api/actions/{id}': ITEM_WRITERS,
  'POST /api/actions/{id}/restore': ITEM_WRITERS, // not in the Corbeille: 404 once allowed
  'POST /api/actions/{id}/dependencies': ITEM_WRITERS,
  'DELETE /api/actions/{id}/dependencies/{predecessorId}': ITEM_WRITERS,
  'GET /api/milestones/{id}': READERS,
  'GET /api/milestones/{id}/history': READERS,
  'PATCH /api/milestones/{id}': ITEM_WRITERS,
  'DELETE /api/milestones/{id}': ITEM_WRITERS,
  'POST /api/milestones/{id}/restore': ITEM_WRITERS,
  'GET /api/roadmaps/{id}/trash': ['lead', 'owner', 'ownerOther'],
  'GET /api/persons': READERS,
  'GET /api/notifications': READERS,
  'POST /api/notifications/{id}/read': READERS,
  'POST /api/notifications/read-all': READERS,
  'PUT /api/auth/preferences': READERS,
  'GET /api/account/summary': READERS,
  'PUT /api/account/summary': READERS,
  'GET /api/account/data': READERS,
  'GET /api/admin/reminders': ADMIN,
  'POST /api/admin/reminders/run': ADMIN,
  'POST /api/admin/outbox/{id}/retry': ADMIN,
  'POST /api/admin/test-mail': ADMIN,
  'GET /api/calendars': READERS,
  'POST /api/calendars': READERS,
  'DELETE /api/calendars/{id}': READERS,
  'GET /api/calendars/feeds/{file}': EVERYONE,
  'GET /api/me/items': READERS,
  // the diagnostic (issue 11): the register, the map and figures, the actions' actors
  'GET /api/roadmaps/{id}/actors': READERS,
  'POST /api/roadmaps/{id}/actors': LEAD,
  'GET /api/roadmaps/{id}/diagnostic': READERS,
  'PUT /api/roadmaps/{id}/diagnostic/targets/{code}': LEAD,
  'DELETE /api/roadmaps/{id}/diagnostic/targets/{code}': LEAD, // no target set: 204, nothing changes
  'GET /api/actors/{id}': READERS,
  'PATCH /api/actors/{id}': LEAD,
  'DELETE /api/actors/{id}': LEAD, // the roadmap's id is no actor's: 404 once allowed
  'POST /api/actors/{id}/assessments': LEAD,
  'DELETE /api/assessments/{id}': LEAD,
  'GET /api/actions/{id}/actors': READERS,
  'PUT /api/actions/{id}/actors': ITEM_WRITERS,
  // indicators per function (issue 11): the lead and the owner of the function write them
  'GET /api/roadmaps/{id}/indicators': READERS,
  'GET /api/roadmaps/{id}/functions/{functionId}/indicators': READERS,
  'POST /api/roadmaps/{id}/functions/{functionId}/indicators': ITEM_WRITERS,
  'PATCH /api/indicators/{id}': ITEM_WRITERS,
  'DELETE /api/indicators/{id}': ITEM_WRITERS, // sent with ?version=0: 400 once allowed
  'POST /api/indicators/{id}/measurements': ITEM_WRITERS,
  'DELETE /api/measurements/{id}': ITEM_WRITERS, // each caller's own measurement: an allowed caller deletes it (204)
  // evidence (issue 12): the item's writers add and delete its links
  'GET /api/actions/{id}/evidence': READERS,
  'POST /api/actions/{id}/evidence': ITEM_WRITERS,
  'GET /api/milestones/{id}/evidence': READERS,
  'POST /api/milestones/{id}/evidence': ITEM_WRITERS,
  'DELETE /api/evidence/{id}': ITEM_WRITERS, // each caller's own link: an allowed caller deletes it (204)
  // baselines (issue 12): every reader sees them and the slips, the lead freezes and deletes the latest
  'GET /api/roadmaps/{id}/baselines': READERS,
  'POST /api/roadmaps/{id}/baselines': LEAD,
  'GET /api/baselines/{id}/slips': READERS, // the roadmap's id is no baseline's: 404 once allowed
  'DELETE /api/baselines/{id}': LEAD, // 404 once allowed
  'GET /api/roadmaps/{id}/s-curve': READERS, // progress over time (issue 12, ADR 0020)
  // governance (issue 12, ADR 0019): every reader sees instances, meetings and decisions; the lead writes them
  'GET /api/roadmaps/{id}/instances': READERS,
  'POST /api/roadmaps/{id}/instances': LEAD,
  'PATCH /api/instances/{id}': LEAD, // the roadmap's id is no instance's: 404 once allowed
  'DELETE /api/instances/{id}': LEAD,
  'GET /api/roadmaps/{id}/meetings': READERS,
  'POST /api/roadmaps/{id}/meetings': LEAD,
  'GET /api/roadmaps/{id}/meetings/next': READERS,
  'GET /api/meetings/{id}': READERS,
  'PATCH /api/meetings/{id}': LEAD,
  'DELETE /api/meetings/{id}': LEAD,
  'GET /api/roadmaps/{id}/decisions': READERS,
  'POST /api/roadmaps/{id}/decisions': LEAD,
  'PATCH /api/decisions/{id}': LEAD,
  'DELETE /api/decisions/{id}': LEAD,
  'GET /api/decisions/{id}/evidence': READERS,
  'POST /api/decisions/{id}/evidence': LEAD,
  'GET /api/roadmaps/{id}/report': READERS, // the council report (issue 12, ADR 0021)
};

/** Queries for the writes that need nothing else: these must fail validation once allowed. */
const INVALID_QUERY: Record<string, string> = {
  'DELETE /api/indicators/{id}': '?version=0',
  'GET /api/roadmaps/{id}/report': '?format=docx', // past the guard, a 400 rather than a whole PDF per caller
};

/** Bodies for the writes whose empty body would be valid: these must fail validation once allowed. */
const INVALID_BODY: Record<string, Record<string, unknown>> = {
  'POST /api/admin/reminders/run': { date: '2027-02-30' },
  'POST /api/admin/test-mail': { to: 'pas-une-adresse' },
};

/** Routes that end the caller's session are tried last, so they do not spoil the others. */
const LAST = new Set(['POST /api/auth/logout']);

interface Fixture {
  roadmapId: string;
  slug: string;
  ownFunction: string;
  otherFunction: string;
  ownAction: string;
  otherAction: string;
  ownMilestone: string;
  otherMilestone: string;
  accountId: string;
  ownIndicator: string;
  otherIndicator: string;
  /** a measurement of each indicator per caller, so that an allowed deletion leaves the next caller one to try */
  measurements: Record<Caller, { own: string; other: string }>;
  /** a proof link on an action of each function per caller, likewise */
  evidence: Record<Caller, { own: string; other: string }>;
}

describe('authorisation matrix: every route × every caller', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let routes: string[];
  let fx: Fixture;
  let historyBefore: string;
  const agents = new Map<Caller, TestAgent>();

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    const doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

    historyBefore = (await db.query<{ h: string }>('select count(*) h from change_history'))[0].h;
    const [roadmap] = await db.query<{ id: string; slug: string }>('select id, slug from roadmap');
    const [own] = await db.query<{ id: string }>(`select id from target_function where code = 'innovation'`);
    const [other] = await db.query<{ id: string }>(`select id from target_function where code = 'juridique'`);
    const first = async (table: string, fn: string) =>
      (await db.query<{ id: string }>(`select id from ${table} where function_id = $1 order by id limit 1`, [fn]))[0].id;
    const ownerId = await ensureAccount(db, 'owner@test.example', 'owner');
    await db.query('update target_function set owner_id = $1 where id = $2', [ownerId, own.id]);
    const accountId = await ensureAccount(db, 'target@test.example', 'elected');
    const indicator = async (fn: string) =>
      (
        await db.query<{ id: string }>(
          `insert into indicator (function_id, name, unit, direction, baseline_on, baseline_value, target_on, target_value)
           values ($1, 'Indicateur de la matrice', 'u', 'up', '2026-01-01', 0, '2032-01-01', 10) returning id`,
          [fn],
        )
      )[0].id;
    const [ownIndicator, otherIndicator] = [await indicator(own.id), await indicator(other.id)];
    const measurement = async (indicatorId: string, day: number) =>
      (
        await db.query<{ id: string }>(
          `insert into measurement (indicator_id, measured_on, value) values ($1, date '2026-02-01' + $2::int, 1) returning id`,
          [indicatorId, day],
        )
      )[0].id;
    const measurements = {} as Fixture['measurements'];
    for (const [i, caller] of CALLERS.entries()) {
      measurements[caller] = { own: await measurement(ownIndicator, i), other: await measurement(otherIndicator, i) };
    }
    const ownAction = await first('action', own.id);
    const otherAction = await first('action', other.id);
    const link = async (actionId: string) =>
      (
        await db.query<{ id: string }>(
          `insert into evidence (action_id, title, url, kind) values ($1, 'Lien de la matrice', 'https://brest.fr', 'document') returning id`,
          [actionId],
        )
      )[0].id;
    const evidence = {} as Fixture['evidence'];
    for (const caller of CALLERS) evidence[caller] = { own: await link(ownAction), other: await link(otherAction) };
    fx = {
      roadmapId: roadmap.id,
      slug: roadmap.slug,
      ownFunction: own.id,
      otherFunction: other.id,
      ownAction,
      otherAction,
      ownMilestone: await first('milestone', own.id),
      otherMilestone: await first('milestone', other.id),
      accountId,
      ownIndicator,
      otherIndicator,
      measurements,
      evidence,
    };
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** A fresh browser per caller and run, so that sign-out routes do not leak into other checks. */
  async function agentFor(caller: Caller): Promise<TestAgent> {
    switch (caller) {
      case 'anonymous':
        return anonymous(app);
      case 'deactivated': {
        await ensureAccount(db, 'gone@test.example', 'lead');
        const agent = await signInAs(app, 'gone@test.example');
        await db.query(`update account set active = false where email = 'gone@test.example'`);
        return agent;
      }
      case 'owner':
      case 'ownerOther':
        return signInAs(app, 'owner@test.example');
      default:
        await ensureAccount(db, `${caller}@test.example`, caller);
        return signInAs(app, `${caller}@test.example`);
    }
  }

  function concrete(route: string, caller: Caller): { method: string; url: string; body: Record<string, unknown> } {
    const [method, path] = route.split(' ');
    const mine = caller !== 'ownerOther';
    const item = path.startsWith('/api/milestones')
      ? mine
        ? fx.ownMilestone
        : fx.otherMilestone
      : path.startsWith('/api/accounts')
        ? fx.accountId
        : path.startsWith('/api/actions')
          ? mine
            ? fx.ownAction
            : fx.otherAction
          : fx.roadmapId;
    // an indicator of the caller's own function or of another; a measurement of the caller's own
    const indicatorItem = path.startsWith('/api/indicators')
      ? mine
        ? fx.ownIndicator
        : fx.otherIndicator
      : path.startsWith('/api/measurements')
        ? fx.measurements[caller][mine ? 'own' : 'other']
        : path.startsWith('/api/evidence')
          ? fx.evidence[caller][mine ? 'own' : 'other']
          : undefined;
    const url = path
      .replace('{id}', indicatorItem ?? item)
      .replace('{functionId}', mine ? fx.ownFunction : fx.otherFunction)
      .replace('{predecessorId}', mine ? fx.otherAction : fx.ownAction)
      .replace('{slug}', fx.slug)
      .replace('{code}', 'workshop')
      .replace('{file}', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')
      .concat(INVALID_QUERY[route] ?? '');
    // creating an item names its function; every other write gets an empty body (400 once allowed)
    const body =
      INVALID_BODY[route] ??
      (method === 'POST' && /\/(actions|milestones)$/.test(path) ? { functionId: mine ? fx.ownFunction : fx.otherFunction } : {});
    return { method, url, body };
  }

  it('has a policy decision in the table for every route of the OpenAPI document, and no stale line', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('answers every route × caller as the table says: 0 unexpected allows, 0 unexpected refusals', async () => {
    const unexpected: string[] = [];
    let checked = 0;
    for (const caller of CALLERS) {
      const ordered = [...routes].sort((a, b) => Number(LAST.has(a)) - Number(LAST.has(b)));
      const agent = await agentFor(caller);
      for (const route of ordered) {
        const { method, url, body } = concrete(route, caller);
        const call = agent[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
        const res = method === 'GET' ? await call : await call.send(body);
        const allowed = MATRIX[route].includes(caller);
        const refusal = caller === 'anonymous' || caller === 'deactivated' ? 401 : 403;
        checked++;
        if (res.status >= 500) unexpected.push(`${caller} ${route}: ${res.status} (server error)`);
        else if (allowed && (res.status === 401 || res.status === 403))
          unexpected.push(`${caller} ${route}: refused ${res.status}, expected allowed`);
        else if (!allowed && res.status !== refusal && !(route === 'GET /api/auth/me' && res.status === 401))
          unexpected.push(`${caller} ${route}: ${res.status}, expected ${refusal}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(checked).toBe(routes.length * CALLERS.length);
  });

  it('changed no indicator while probing, and deleted only the measurements left for the allowed callers', async () => {
    const [row] = await db.query<{ n: string; v: number }>('select count(*) n, max(version) v from indicator where id in ($1, $2)', [
      fx.ownIndicator,
      fx.otherIndicator,
    ]);
    expect(row).toEqual({ n: '2', v: 1 });
    const left = await db.query<{ id: string }>('select id from measurement where indicator_id in ($1, $2)', [
      fx.ownIndicator,
      fx.otherIndicator,
    ]);
    const deleted = CALLERS.flatMap((c) => [fx.measurements[c].own, fx.measurements[c].other]).filter(
      (id) => !left.some((m) => m.id === id),
    );
    expect(deleted.sort()).toEqual([fx.measurements.lead.own, fx.measurements.owner.own].sort());
  });

  it('deleted only the proof links left for the allowed callers', async () => {
    const all = CALLERS.flatMap((c) => [fx.evidence[c].own, fx.evidence[c].other]);
    const left = await db.query<{ id: string }>('select id from evidence where id = any($1::uuid[])', [all]);
    const deleted = all.filter((id) => !left.some((e) => e.id === id));
    expect(deleted.sort()).toEqual([fx.evidence.lead.own, fx.evidence.owner.own].sort());
  });

  it('changed nothing while probing the writes', async () => {
    const [row] = await db.query<{ r: number; h: string; n: string; o: string; f: string }>(
      'select (select sum(revision) from roadmap)::int r, (select count(*) from change_history) h, (select count(*) from notification) n, (select count(*) from outbox) o, (select count(*) from calendar_feed) f',
    );
    expect(row).toEqual({ r: 0, h: historyBefore, n: '0', o: '0', f: '0' });
  });
});
