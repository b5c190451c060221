import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AccountView } from '@jalons/contract';
import request from 'supertest';
import type { Response } from 'supertest';

import { createTestApp } from './app';
import { ensureAccount, signIn } from './auth';
import type { TestAgent } from './auth';
import { ACCEPTS_EMPTY, casesOf, expectRefused, FIELD_WORDS, fingerprint, LONG, sendAs, VERSION } from './bad-input';
import type { Bad, Case, Route } from './bad-input';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { nextMandate } from './factories/next-mandate';

/*
 * Bad input on issue 13's routes over real HTTP and PostgreSQL: the sites allowed to frame the widget
 * (PATCH /api/roadmaps/:id/settings embedOrigins), the anonymisation of an account (and the account
 * changes it forbids afterwards), the open data's addresses (odd slugs, unknown resources, encoded paths),
 * the public API's methods, the personal data export signed out. Each must be a 4xx in the one error
 * shape (ADR 0005), the field named in French, and the tables exactly as before. Harness: bad-input.ts.
 */

interface World {
  roadmapId: string;
  slug: string;
  closedSlug: string;
  adminId: string;
  departedId: string;
  anonymisedId: string;
  version(id: string): Promise<number>;
}

const WORDS: Record<string, RegExp> = { ...FIELD_WORDS, active: /réactiv|activ/i, name: /nom/i };

const origins = (n: number) => Array.from({ length: n }, (_, i) => `https://site${i}.exemple.fr`);
const EMBED_ORIGINS: Bad[] = [
  ['a single origin, not a list', 'https://www.brest.fr', 422],
  ['null', null, 422],
  ['a number', 42, 422],
  ['an object', { origin: 'https://www.brest.fr' }, 422],
  ['a number inside', [42], 422],
  ['null inside', [null], 422],
  ['a list inside', [['https://www.brest.fr']], 422],
  ['an empty string inside', [''], 422],
  ['a path', ['https://www.brest.fr/agenda'], 422],
  ['a query', ['https://www.brest.fr?encart=1'], 422],
  ['a fragment', ['https://www.brest.fr#encart'], 422],
  ['javascript:', ['javascript:alert(1)'], 422],
  ['data:', ['data:text/html,<h1>x</h1>'], 422],
  ['no scheme', ['www.brest.fr'], 422],
  ['ftp:', ['ftp://www.brest.fr'], 422],
  ['a wildcard', ['https://*.brest.fr'], 422],
  ['a bare *', ['*'], 422],
  ["'self'", ["'self'"], 422],
  ['credentials', ['https://moi:secret@www.brest.fr'], 422],
  ['a port out of range', ['https://www.brest.fr:99999'], 422],
  ['a CSP directive smuggled', ['https://www.brest.fr; script-src *'], 422],
  ['a space in the host', ['https://www.br est.fr'], 422],
  ['a backslash', ['https://www.brest.fr\\evil.example'], 422],
  ['a trailing dot and a path', ['https://www.brest.fr./x'], 422],
  ['a label of 64 characters', [`https://${'a'.repeat(64)}.fr`], 422],
  ['a host of 10 000 characters', [`https://${'a.'.repeat(4999)}fr`], 422],
  ['a host of 254 characters', [`https://${'abcdefghi.'.repeat(25)}fran`], 422],
  ['10 000 characters', [LONG], 422],
  ['21 sites', origins(21), 422],
  ['10 000 sites', origins(10_000), [413, 422]],
];

const snapshotTables = [
  'roadmap',
  'account',
  'session',
  'account_token',
  'calendar_feed',
  'notification',
  'outbox',
  'change_history',
  'meeting_attendee',
  'target_function',
  'action',
];

const ROUTES: Route<World>[] = [
  {
    route: 'PATCH /api/roadmaps/:id/settings',
    params: (w) => ({ id: w.roadmapId }),
    body: async (w) => ({ version: await w.version(w.roadmapId), embedOrigins: ['https://www.brest.fr'] }),
    fields: { version: VERSION, embedOrigins: EMBED_ORIGINS },
  },
  {
    route: 'POST /api/accounts/:id/anonymise',
    params: (w) => ({ id: w.departedId }),
    body: async (w) => ({ version: await w.version(w.departedId) }),
    fields: { version: [...VERSION, ['missing', undefined, 400]] },
  },
  {
    route: 'PATCH /api/accounts/:id',
    label: 'PATCH /api/accounts/:id (an anonymised account)',
    params: (w) => ({ id: w.anonymisedId }),
    body: async (w) => ({ version: await w.version(w.anonymisedId), role: 'elected' }),
    fields: {
      active: [['true: reactivated', true, 409]],
      name: [['a new name', 'Soizic Le Bihan', 409]],
    },
    bodiesAccepted: ACCEPTS_EMPTY,
  },
];

/** Requests on the public data and the export that must be refused: [title, path or [method, path], statuses, as a signed-in person]. */
type Plain = [title: string, request: string | [method: string, path: string], status: number | number[]];
const OPEN = '/api/public/roadmaps/:slug/open-data';
const PLAIN: Plain[] = [
  ['an unknown resource', `${OPEN}/inconnue.csv`, 404],
  ['a resource in another format', `${OPEN}/actions.xml`, 404],
  ['a resource without a format', `${OPEN}/actions`, 404],
  ['a resource in capitals', `${OPEN}/ACTIONS.CSV`, 404],
  ['a format in capitals', `${OPEN}/actions.CSV`, 404],
  ['a resource and a dot more', `${OPEN}/actions.csv.`, 404],
  ['a resource twice', `${OPEN}/actions.csv.csv`, 404],
  ['__proto__', `${OPEN}/__proto__.json`, 404],
  ['constructor', `${OPEN}/constructor.json`, 404],
  ['an encoded climb', `${OPEN}/..%2F..%2Fpublic%2Finstance`, 404],
  ['an encoded dot-dot', `${OPEN}/%2e%2e`, 404],
  ['a climb', `${OPEN}/../../../instance`, 404],
  ['an encoded NUL', `${OPEN}/actions.csv%00`, 404],
  ['a malformed escape', `${OPEN}/actions%E0%A4%A.csv`, [400, 404]],
  ['10 000 characters', `${OPEN}/${LONG}.csv`, [404, 414]],
  ['a sub-folder', `${OPEN}/schemas/actions.json`, 404],
  ['an unknown slug', '/api/public/roadmaps/inconnue/open-data/datapackage.json', 404],
  ['the slug in capitals', '/api/public/roadmaps/:SLUG/open-data/datapackage.json', 404],
  ['a closed roadmap', '/api/public/roadmaps/:closed/open-data/datapackage.json', 404],
  ['a closed roadmap’s resource', '/api/public/roadmaps/:closed/open-data/actions.csv', 404],
  ['an SQL fragment as slug', `/api/public/roadmaps/${encodeURIComponent("x' or '1'='1")}/open-data/actions.csv`, 404],
  ['a NUL in the slug', '/api/public/roadmaps/brest%00/open-data/actions.csv', 404],
  ['a NUL as the whole slug', '/api/public/roadmaps/%00/open-data/datapackage.json', 404],
  ['a lone surrogate in the slug', '/api/public/roadmaps/%ED%A0%80/open-data/actions.csv', [400, 404]],
  ['a slug of 10 000 characters', `/api/public/roadmaps/${LONG}/open-data/actions.csv`, [404, 414]],
  ['an accented slug', `/api/public/roadmaps/${encodeURIComponent('brést-2026-2032')}/open-data/actions.csv`, 404],
  ['the slug and a NUL, public page', '/api/public/roadmaps/:slug%00', 404],
  ['an unknown page under the instance', '/api/public/instance/autre', 404],
  ['the instance with a NUL', '/api/public/instance%00', 404],
  ['the personal data export signed out', '/api/account/data', 401],
  ...(['POST', 'PUT', 'PATCH', 'DELETE'] as const).flatMap((m): Plain[] => [
    [`${m} on the data package`, [m, `${OPEN}/datapackage.json`], 405],
    [`${m} on a resource`, [m, `${OPEN}/actions.csv`], 405],
    [`${m} on the instance`, [m, '/api/public/instance'], 405],
    [`${m} on an unknown public address`, [m, '/api/public/inconnue'], 405],
  ]),
  ['TRACE on the instance', ['TRACE', '/api/public/instance'], 405],
  ['POST in capitals on the public API', ['POST', '/API/PUBLIC/instance'], 405],
];

describe('bad input on issue 13’s routes: embed origins, anonymisation, open data, the public API', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let admin: TestAgent;
  let lead: TestAgent;
  const w = {} as World;
  const snapshot = () => fingerprint(db, snapshotTables);
  const agentFor = (r: Route<World>) => (r.route.includes('/accounts/') ? admin : lead);

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url, { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }));
    admin = await signIn(app, db, 'admin');
    lead = await signIn(app, db, 'lead');
    [{ id: w.roadmapId, slug: w.slug }] = await db.query<{ id: string; slug: string }>(
      `select id, slug from roadmap where slug = 'brest-2026-2032'`,
    );
    await db.query('update roadmap set public_page = true where id = $1', [w.roadmapId]);
    const other = await nextMandate(db);
    w.closedSlug = (await db.query<{ slug: string }>('select slug from roadmap where id = $1', [other]))[0].slug;
    w.adminId = (await db.query<{ id: string }>(`select id from account where email = 'admin@test.example'`))[0].id;
    w.departedId = await ensureAccount(db, 'partie.bientot@brest.example', 'owner', 'Partie Bientôt');
    w.anonymisedId = await ensureAccount(db, 'deja.partie@brest.example', 'owner', 'Déjà Partie');
    w.version = async (id) =>
      (
        await db.query<{ version: number }>(
          'select version from roadmap where id = $1 union all select version from account where id = $1',
          [id],
        )
      )[0].version;
    const done = await admin.post(`/api/accounts/${w.anonymisedId}/anonymise`).send({ version: await w.version(w.anonymisedId) });
    expect(done.status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe.each(ROUTES.map((r) => [r.label ?? r.route, r] as const))('%s', (_, route) => {
    it.each(casesOf(route, (r, world, o) => sendAs(agentFor(r), r, world, o)).map((c) => [c.title, c] as const))(
      'refuses %s, changing nothing',
      async (_title, c) => {
        const before = await snapshot();
        expectRefused(await c.send(w), c, WORDS);
        expect(await snapshot()).toEqual(before);
      },
    );
  });

  /** The anonymisation's refusals that are not one field's: oneself, an account already anonymised. */
  const anonymise = (as: () => TestAgent, id: (w: World) => string, status: number): Case<World> => ({
    title: '',
    status: [status],
    send: async (world) =>
      as()
        .post(`/api/accounts/${id(world)}/anonymise`)
        .send({ version: await world.version(id(world)) }),
  });
  it.each([
    [
      'the administrator’s own account',
      anonymise(
        () => admin,
        (x) => x.adminId,
        422,
      ),
    ],
    [
      'an account already anonymised',
      anonymise(
        () => admin,
        (x) => x.anonymisedId,
        409,
      ),
    ],
    [
      'as the project lead',
      anonymise(
        () => lead,
        (x) => x.departedId,
        403,
      ),
    ],
    [
      'as nobody signed in',
      anonymise(
        () => request.agent(app.getHttpServer()),
        (x) => x.departedId,
        403,
      ),
    ],
  ])('refuses to anonymise %s, changing nothing', async (_, c) => {
    const before = await snapshot();
    const res = await c.send(w);
    expectRefused(res, { ...c, status: res.status === 401 ? [401] : c.status });
    expect(await snapshot()).toEqual(before);
  });

  const sendPlain = (req: Plain[1], agent: TestAgent | ReturnType<typeof request>) => {
    const [method, path] = typeof req === 'string' ? ['GET', req] : req;
    const url = path.replace(':slug', w.slug).replace(':SLUG', w.slug.toUpperCase()).replace(':closed', w.closedSlug);
    return (agent as unknown as Record<string, (u: string) => Promise<Response>>)[method.toLowerCase()](url);
  };
  it.each(PLAIN)('refuses %s in the one error shape, uncached, changing nothing', async (_, req, status) => {
    const before = await snapshot();
    const res = await sendPlain(req, request(app.getHttpServer()));
    expectRefused(res, { title: '', status: [status].flat(), send: () => Promise.resolve(res) });
    expect(res.headers['cache-control']).toMatch(/no-store/);
    expect(res.headers['etag']).toBeUndefined();
    if (res.status === 405) expect(res.headers['allow']).toBe('GET, HEAD');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a signed-in person’s writes under /api/public as anyone else’s (405, no cookie read)', async () => {
    const res = await lead.post('/api/public/roadmaps').send({});
    expectRefused(res, { title: '', status: [405], send: () => Promise.resolve(res) });
  });

  it.each([
    ['the data package', `${OPEN}/datapackage.json`],
    ['a resource', `${OPEN}/actions.csv`],
    ['the instance', '/api/public/instance'],
  ])('answers the preflight of %s with 204, GET and HEAD, and no credentials', async (_, path) => {
    const res = await request(app.getHttpServer())
      .options(path.replace(':slug', w.slug))
      .set('Origin', 'https://ailleurs.example')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'if-none-match');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.text).toBe('');
  });

  it('keeps CORS closed on the signed-in routes', async () => {
    for (const path of ['/api/account/data', `/api/roadmaps/${w.roadmapId}`, '/api/auth/me']) {
      const res = await lead.get(path).set('Origin', 'https://ailleurs.example');
      expect([path, res.headers['access-control-allow-origin']]).toEqual([path, undefined]);
      const pre = await request(app.getHttpServer())
        .options(path)
        .set('Origin', 'https://ailleurs.example')
        .set('Access-Control-Request-Method', 'GET');
      expect([path, pre.headers['access-control-allow-origin']]).toEqual([path, undefined]);
    }
  });

  /** The tables' requests untouched: accepted, so each refusal above came from the one thing changed. */
  it.each(ROUTES.map((r) => [r.label ?? r.route, r] as const))('accepts %s as the tables send it', async (_, r) => {
    const before = await snapshot();
    const res = await sendAs(agentFor(r), r, w, {});
    if (res.status >= 300) throw new Error(`${r.route} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 400)}`);
    expect(await snapshot()).not.toEqual(before);
  });

  it('keeps an anonymised account anonymised: a role change is taken, its name and inactivity stay', async () => {
    const account = (await admin.get('/api/accounts').expect(200)).body as AccountView[];
    const gone = account.find((a) => a.id === w.anonymisedId) as AccountView;
    expect(gone).toEqual(expect.objectContaining({ name: 'Ancien·ne responsable', active: false, role: 'elected' }));
    expect(gone.anonymisedAt).toEqual(expect.any(String));
    const same = await admin
      .patch(`/api/accounts/${w.anonymisedId}`)
      .send({ version: gone.version, name: 'Ancien·ne responsable', active: false });
    expect(same.status).toBe(200);
  });

  it.each([
    ['a trailing slash, capitals and a default port', ['HTTPS://WWW.Brest.FR/', 'https://www.brest.fr:443'], ['https://www.brest.fr']],
    [
      'duplicates, the same origin written twice',
      ['https://a.exemple.fr', 'https://a.exemple.fr/', 'http://a.exemple.fr:8080'],
      ['https://a.exemple.fr', 'http://a.exemple.fr:8080'],
    ],
    ['an international host, as punycode', ['https://bücher.example'], ['https://xn--bcher-kva.example']],
    ['20 sites', origins(20), origins(20)],
    ['21 entries that are 20 sites', [...origins(20), origins(1)[0]], origins(20)],
    ['none', [], []],
  ])('stores embed origins given as %s, normalised', async (_, given, stored) => {
    const res = await lead
      .patch(`/api/roadmaps/${w.roadmapId}/settings`)
      .send({ version: await w.version(w.roadmapId), embedOrigins: given });
    expect(res.status).toBe(200);
    const [row] = await db.query<{ o: string[] }>('select embed_origins as o from roadmap where id = $1', [w.roadmapId]);
    expect(row.o).toEqual(stored);
  });
});
