import { randomUUID } from 'node:crypto';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ActorDetailView, ApiError, AssessmentView, IndicatorView } from '@jalons/contract';
import { addDays, todayInParis } from '@jalons/domain';
import type { Response } from 'supertest';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { nextMandate } from './factories/next-mandate';

/*
 * Bad input on every write of issue 11 — the register of actors, assessments, the figures' targets,
 * the actors an action targets, indicators and measurements — over real HTTP and PostgreSQL, as the
 * project lead (who may write all of them). Each case changes one thing of a request the route
 * accepts (the last block sends those requests untouched and sees them accepted): a field of the
 * wrong type, null, empty, 10 000 characters, 1e308, an impossible date, an id malformed or unknown,
 * an unknown field, a body that is a list, empty or not JSON, a stale version. Each must be refused
 * with a 4xx in the one error shape (ADR 0005), the field at fault named with a French message that
 * says what to send, and the six tables of the diagnostic and the indicators exactly as before.
 */

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const LONG = 'x'.repeat(10_000);
const today = todayInParis();

/** What the cases need of the world the tests built. */
interface World {
  roadmapId: string;
  otherRoadmapId: string;
  functionId: string;
  otherFunctionId: string;
  actorId: string;
  siblingId: string;
  siblingName: string;
  otherActorId: string;
  assessmentId: string;
  assessedOn: string;
  actionId: string;
  indicatorId: string;
  measurementId: string;
  measuredOn: string;
  version(table: 'actor' | 'indicator', id: string): Promise<number>;
}

/** A value only known once the world is built. */
class Later {
  constructor(readonly of: (w: World) => unknown) {}
}
const later = (of: (w: World) => unknown) => new Later(of);
const resolve = (v: unknown, w: World) => (v instanceof Later ? v.of(w) : v);

/** A bad value: what it is, the value, the statuses allowed (400 or 422 unless said), the field named (the one changed unless said). */
type Bad = [label: string, value: unknown, status?: number | number[], field?: string];

const NOT_TEXT: Bad[] = [
  ['a number', 42],
  ['a boolean', true],
  ['an object', { fr: 'x' }],
  ['a list', ['x']],
];
const text = (min: number, nullable = false): Bad[] => [
  ...NOT_TEXT,
  ...(nullable ? [] : ([['null', null]] as Bad[])),
  ...(min > 0
    ? ([
        ['an empty string', ''],
        ['only spaces', '   '],
      ] as Bad[])
    : []),
  ['10 000 characters', LONG],
  ['a NUL character', 'a\u0000b'],
  ['a lone surrogate', 'a\uD800b'],
];
const NOT_A_NUMBER: Bad[] = [
  ['a numeric string', '3'],
  ['"NaN"', 'NaN'],
  ['"Infinity"', 'Infinity'],
  ['"-Infinity"', '-Infinity'],
  ['an empty string', ''],
  ['a boolean', true],
  ['a list', [3]],
  ['an object', { value: 3 }],
  ['null', null],
];
const HUGE: Bad[] = [
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['1e21', 1e21],
];
const SCORE: Bad[] = [...NOT_A_NUMBER, ...HUGE, ['0.1 + 0.2', 0.1 + 0.2], ['0', 0], ['6', 6], ['2.5', 2.5], ['-1', -1]];
/** (more than 4 decimals are kept to 4, numeric(18,4), and the line's rules checked on what is kept: see the targetValue rows) */
const INDICATOR_VALUE: Bad[] = [...NOT_A_NUMBER, ...HUGE, ['just over 10¹²', 1e12 + 1], ['-10¹³', -1e13]];
const date = (nullable = false): Bad[] => [
  ['30 February', '2026-02-30'],
  ['29 February of a common year', '2026-02-29'],
  ['year 0', '0000-01-01'],
  ['year 9999', '9999-12-31'],
  ['month 13', '2026-13-01'],
  ['day 0', '2026-01-00'],
  ['unpadded', '2026-1-5'],
  ['the French order', '05/01/2026'],
  ['an instant', '2026-01-05T00:00:00Z'],
  ['a number', 20260105],
  ['an empty string', ''],
  ['a list', ['2026-01-05']],
  ...(nullable ? [] : ([['null', null]] as Bad[])),
];
const BOOLEAN: Bad[] = [
  ['"true"', 'true'],
  ['1', 1],
  ['"oui"', 'oui'],
  ['null', null],
  ['a list', [true]],
];
const code = (valid: string): Bad[] => [
  ['an unknown code', 'inconnu'],
  ['upper case', valid.toUpperCase()],
  ['a number', 1],
  ['an empty string', ''],
  ['null', null],
  ['a list', [valid]],
];
const codeList = (valid: string): Bad[] => [
  ['one code, not a list', valid],
  ['an unknown code', [valid, 'inconnu']],
  ['a number inside', [1]],
  ['null inside', [null]],
  ['null', null],
  ['an object', { 0: valid }],
  ['10 000 entries', Array(10_000).fill(valid)],
];
const VERSION: Bad[] = [
  ['version 0', 0],
  ['version -1', -1],
  ['version 1.5', 1.5],
  ['version as a string', '1'],
  ['version null', null],
  ['version "NaN"', 'NaN'],
  ['version 1e308', 1e308, 409],
  ['a stale version', 999, 409],
];
const OVERRIDE: Bad[] = [
  ['a string', 'leaders'],
  ['a number', 3],
  ['a list', [{ group: 'leaders', reason: 'Pilote' }]],
  ['without its reason', { group: 'leaders' }],
  ['a blank reason', { group: 'leaders', reason: '  ' }],
  ['a reason of 10 000 characters', { group: 'leaders', reason: LONG }],
  ['an unknown group', { group: 'champions', reason: 'Pilote' }],
  ['a null group', { group: null, reason: 'Pilote' }],
  ['an unknown key', { group: 'leaders', reason: 'Pilote', by: 'moi' }],
];
const AXES: Bad[] = [
  ['a list', [{ maturity: 3, ambition: 3 }]],
  ['a string', 'strategie'],
  ['null', null],
  ['an unknown axis', { finances: { maturity: 3, ambition: 3 } }],
  ['a bare score', { strategie: 3 }],
  ['a null axis', { strategie: null }],
  ['a score of 6', { outils: { maturity: 6, ambition: 3 } }],
  ['a score of 1e308', { donnees: { maturity: 1e308, ambition: 3 } }],
  ['a missing ambition', { gouvernance: { maturity: 3 } }],
  ['an extra key in an axis', { competences: { maturity: 3, ambition: 3, poids: 2 } }],
];
const ACTOR_IDS: Bad[] = [
  ['one id, not a list', later((w) => w.actorId)],
  ['null', null],
  ['an object', { 0: UNKNOWN }],
  ['a malformed id', ['pas-un-id']],
  ['a number inside', [1]],
  ['null inside', [null]],
  ['a good id and a malformed one', later((w) => [w.actorId, `${w.actorId}0`])],
  ['501 ids', Array.from({ length: 501 }, () => randomUUID())],
  ['10 000 ids', Array.from({ length: 10_000 }, () => randomUUID()), [400, 413]],
  ['10 000 copies of one id', later((w) => Array(10_000).fill(w.actorId)), [400, 413]],
  ['an unknown id', [UNKNOWN], 422],
  ['an actor of another roadmap', later((w) => [w.actorId, w.otherActorId]), 422],
];
const SOURCE_URL: Bad[] = [
  ...NOT_TEXT,
  ['an empty string', ''],
  ['ftp', 'ftp://exemple.fr/donnees.csv'],
  ['javascript:', 'javascript:alert(1)'],
  ['without a host', 'http://'],
  ['with a space', 'https://exemple.fr/a b'],
  ['a relative path', '/donnees.csv'],
  ['10 000 characters', `https://exemple.fr/${LONG}`],
  ['an upper-case scheme', 'HTTPS://exemple.fr/donnees.csv'],
  ['one slash', 'https:/exemple.fr/donnees.csv'],
  ['no slash', 'http:exemple.fr'],
  ['backslashes', 'https:\\\\exemple.fr\\donnees.csv'],
];
/** Path ids: malformed ones (400 naming the parameter), an unknown one (404). */
const BAD_IDS: Bad[] = [
  ['not a UUID', 'pas-un-id', 400],
  ['a number', '42', 400],
  ['a UUID and one character more', `${UNKNOWN}0`, 400],
  ['a UUID in braces', `{${UNKNOWN}}`, 400],
  ['an SQL fragment', "1' or '1'='1", 400],
  ['a NUL character', '\u0000', 400],
  ['10 000 characters', LONG, 400],
  ['an unknown UUID', UNKNOWN, 404],
];
const BAD_CODES: Bad[] = [
  ['an unknown code', 'inconnu', 404],
  ['upper case', 'WORKSHOP', 404],
  ['__proto__', '__proto__', 404],
  ['constructor', 'constructor', 404],
  ['10 000 characters', LONG, 404],
];
/** Whole bodies, raw: [label, text, content type, statuses]. */
type RawBody = [label: string, raw: (valid: Record<string, unknown>) => string | undefined, type?: string, status?: number | number[]];
const nested = (depth: number): unknown => (depth ? { a: nested(depth - 1) } : 1);
const BODIES: RawBody[] = [
  ['no body at all', () => undefined],
  ['an empty object', () => '{}'],
  ['a JSON array', () => '[]'],
  ['the accepted body inside an array', (v) => JSON.stringify([v])],
  ['JSON null', () => 'null'],
  ['a JSON string', () => '"bonjour"'],
  ['a JSON number', () => '42'],
  ['a body that is not JSON', () => '{"name": ', undefined, 400],
  ['single quotes', (v) => JSON.stringify(v).replace(/"/g, "'"), undefined, 400],
  ['plain text', () => 'bonjour', 'text/plain'],
  ['a form', () => 'name=Essai&kind=direction', 'application/x-www-form-urlencoded'],
  ['JSON nested 20 levels deep', (v) => JSON.stringify({ ...v, extra: nested(20) }), undefined, 400],
  ['more than 256 KB', (v) => JSON.stringify({ ...v, extra: LONG.repeat(30) }), undefined, 413],
  ['an unknown field', (v) => JSON.stringify({ ...v, extra: 1 })],
  ['an id of its own', (v) => JSON.stringify({ ...v, id: UNKNOWN })],
  ['a roadmap id', (v) => JSON.stringify({ ...v, roadmapId: UNKNOWN })],
  ['a __proto__ field', (v) => `{"__proto__": {"version": 1, "admin": true}, ${JSON.stringify(v).slice(1)}`],
  ['a constructor field', (v) => JSON.stringify({ ...v, constructor: { name: 'Object' } })],
];

/** A write route, a request it accepts, and the bad values of each of its fields. */
interface Route {
  /** method and path, parameters as `:name` */
  route: string;
  /** the title of its cases when the route is in the table twice */
  label?: string;
  params: (w: World) => Record<string, string>;
  /** a body it accepts (read when sent: versions move) */
  body?: (w: World) => Promise<Record<string, unknown>> | Record<string, unknown>;
  query?: (w: World) => Promise<Record<string, string>>;
  fields?: Record<string, Bad[]>;
  queryFields?: Record<string, Bad[]>;
  /** bad values of path parameters beyond the ids' (the UUID parameters get BAD_IDS) */
  badParams?: Record<string, Bad[]>;
}

const actorBody = () => ({
  name: 'Service des archives (essai)',
  kind: 'direction',
  referent: 'Anne Le Gall',
  metOn: '2025-03-01',
  workshop: true,
  needs: ['competences'],
  dataTypes: ['metiers'],
  personalData: true,
  sensitiveData: false,
  groupOverride: { group: 'median', reason: 'Vu en entretien' },
});
const ACTOR_FIELDS: Record<string, Bad[]> = {
  kind: code('direction'),
  referent: text(1, true),
  metOn: date(true),
  workshop: BOOLEAN,
  personalData: BOOLEAN,
  sensitiveData: BOOLEAN,
  needs: codeList('competences'),
  dataTypes: codeList('metiers'),
  groupOverride: OVERRIDE,
};
const indicatorBody = () => ({
  name: 'Jeux publiés (essai)',
  unit: 'jeux',
  direction: 'up',
  baselineOn: addDays(today, -30),
  baselineValue: 5,
  targetOn: addDays(today, 300),
  targetValue: 50,
});

const ROUTES: Route[] = [
  {
    route: 'POST /api/roadmaps/:id/actors',
    params: (w) => ({ id: w.roadmapId }),
    body: actorBody,
    fields: {
      name: [...text(1), ['a name the roadmap has, in other letters', later((w) => w.siblingName.toUpperCase()), 409]],
      ...ACTOR_FIELDS,
    },
  },
  {
    route: 'PATCH /api/actors/:id',
    params: (w) => ({ id: w.actorId }),
    body: async (w) => ({ ...actorBody(), name: 'Direction des essais (renommée)', version: await w.version('actor', w.actorId) }),
    fields: {
      version: VERSION,
      name: [...text(1), ['the name of another actor', later((w) => w.siblingName), 409]],
      ...ACTOR_FIELDS,
    },
  },
  { route: 'DELETE /api/actors/:id', params: (w) => ({ id: w.actorId }) },
  {
    route: 'POST /api/actors/:id/assessments',
    params: (w) => ({ id: w.actorId }),
    body: () => ({
      on: addDays(today, -20),
      maturity: 4,
      ambition: 5,
      axes: { strategie: { maturity: 4, ambition: 5 } },
      assessedBy: 'Équipe diagnostic',
      comment: 'Deuxième entretien',
    }),
    fields: {
      on: [...date(), ['tomorrow', addDays(today, 1), 422], ['a day already assessed', later((w) => w.assessedOn), 409]],
      maturity: SCORE,
      ambition: SCORE,
      axes: AXES,
      assessedBy: text(1),
      comment: text(0, true),
    },
  },
  { route: 'DELETE /api/assessments/:id', params: (w) => ({ id: w.assessmentId }) },
  {
    route: 'PUT /api/roadmaps/:id/diagnostic/targets/:code',
    params: (w) => ({ id: w.roadmapId, code: 'workshop' }),
    body: () => ({ value: 80, on: '2029-06-30' }),
    fields: { value: [...NOT_A_NUMBER, ...HUGE, ['-1', -1], ['101 %', 101]], on: date() },
    badParams: { code: BAD_CODES },
  },
  {
    route: 'PUT /api/roadmaps/:id/diagnostic/targets/:code',
    label: 'PUT /api/roadmaps/:id/diagnostic/targets/experts (a count)',
    params: (w) => ({ id: w.roadmapId, code: 'experts' }),
    body: () => ({ value: 8, on: '2029-06-30' }),
    fields: { value: [...NOT_A_NUMBER, ...HUGE, ['-1', -1], ['2.5 experts', 2.5], ['0.1 + 0.2', 0.1 + 0.2]] },
  },
  {
    route: 'DELETE /api/roadmaps/:id/diagnostic/targets/:code',
    params: (w) => ({ id: w.roadmapId, code: 'workshop' }),
    badParams: { code: BAD_CODES },
  },
  {
    route: 'PUT /api/actions/:id/actors',
    params: (w) => ({ id: w.actionId }),
    body: (w) => ({ actorIds: [w.actorId, w.siblingId, w.siblingId.toUpperCase()] }),
    fields: { actorIds: ACTOR_IDS },
  },
  {
    route: 'POST /api/roadmaps/:id/functions/:functionId/indicators',
    params: (w) => ({ id: w.roadmapId, functionId: w.functionId }),
    body: indicatorBody,
    fields: {
      name: text(1),
      unit: text(1),
      direction: code('up'),
      baselineOn: date(),
      baselineValue: [...INDICATOR_VALUE, ['the target value', 50, 400, 'targetValue']],
      targetOn: [...date(), ['the baseline day', addDays(today, -30)], ['before the baseline', addDays(today, -31)]],
      targetValue: [...INDICATOR_VALUE, ['below the baseline, going up', 4], ['the baseline once kept to 4 decimals', 5.00001]],
    },
    badParams: { functionId: [['a function of another roadmap', later((w) => w.otherFunctionId), 404]] },
  },
  {
    route: 'PATCH /api/indicators/:id',
    params: (w) => ({ id: w.indicatorId }),
    body: async (w) => ({ ...indicatorBody(), baselineOn: addDays(today, -120), version: await w.version('indicator', w.indicatorId) }),
    fields: {
      version: VERSION,
      name: text(1),
      unit: text(1),
      direction: [...code('up'), ['down, its target above', 'down', 422, 'targetValue']],
      baselineOn: [...date(), ['after its first measurement', addDays(today, -10), 422]],
      baselineValue: [...INDICATOR_VALUE, ['above its target', 60, 422, 'targetValue']],
      targetOn: [...date(), ['before its baseline', addDays(today, -121), 422]],
      targetValue: [...INDICATOR_VALUE, ['equal to its baseline', 5, 422], ['its baseline once kept to 4 decimals', 5.00004]],
    },
  },
  {
    route: 'DELETE /api/indicators/:id',
    params: (w) => ({ id: w.indicatorId }),
    query: async (w) => ({ version: String(await w.version('indicator', w.indicatorId)) }),
    queryFields: {
      version: [
        ['"abc"', 'abc', 400],
        ['empty', '', 400],
        ['0', '0', 400],
        ['-1', '-1', 400],
        ['1.5', '1.5', 400],
        ['"NaN"', 'NaN', 400],
        ['"Infinity"', 'Infinity', 400],
        ['1e308', '1e308', [400, 409]],
        ['twice', ['1', '2'], 400],
        ['a stale one', '999', 409],
      ],
    },
  },
  {
    route: 'POST /api/indicators/:id/measurements',
    params: (w) => ({ id: w.indicatorId }),
    body: () => ({ on: addDays(today, -5), value: 12.5, comment: 'Relevé du portail', sourceUrl: 'https://data.brest.example/jeux' }),
    fields: {
      on: [
        ...date(),
        ['tomorrow', addDays(today, 1)],
        ['before the baseline', addDays(today, -101), 422],
        ['a day already measured', later((w) => w.measuredOn), 409],
      ],
      value: INDICATOR_VALUE,
      comment: text(0, true),
      sourceUrl: SOURCE_URL,
    },
  },
  { route: 'DELETE /api/measurements/:id', params: (w) => ({ id: w.measurementId }) },
  {
    route: 'GET /api/roadmaps/:id/diagnostic',
    params: (w) => ({ id: w.roadmapId }),
    query: async () => ({ on: '2026-06-30' }),
    queryFields: { on: date().filter(([, v]) => typeof v === 'string') },
  },
];

/** One bad request: how to send it, what must come back. */
interface Case {
  title: string;
  send: (w: World) => Promise<Response>;
  status: number[];
  /** the field (or path parameter) the errors must name */
  field?: string;
}

const statuses = (s: number | number[] | undefined, fallback: number[]) => (s === undefined ? fallback : [s].flat());

const bodyOf = async (r: Route, w: World) => (r.body ? r.body(w) : {});
const queryOf = async (r: Route, w: World) => (r.query ? r.query(w) : {});

/** The cases of a route, from the tables. */
function casesOf(r: Route, send: (r: Route, w: World, o: Req) => Promise<Response>): Case[] {
  const cases: Case[] = [];
  const uuidParams = [...r.route.matchAll(/:(\w+)/g)].map((m) => m[1]).filter((p) => p !== 'code');
  const badParams: [string, Bad[]][] = [...uuidParams.map((p): [string, Bad[]] => [p, BAD_IDS]), ...Object.entries(r.badParams ?? {})];
  for (const [param, bads] of badParams) {
    for (const [label, value, status] of bads) {
      const st = statuses(status, [400]);
      cases.push({
        title: `path ${param}: ${label}`,
        status: st,
        field: st.includes(400) ? param : undefined,
        send: (w) => send(r, w, { params: { ...r.params(w), [param]: resolve(value, w) as string } }),
      });
    }
  }
  for (const [field, bads] of Object.entries(r.fields ?? {})) {
    for (const [label, value, status, named] of bads) {
      cases.push({
        title: `${field}: ${label}`,
        status: statuses(status, [400, 422]),
        field: named ?? field,
        send: async (w) => send(r, w, { body: { ...(await bodyOf(r, w)), [field]: resolve(value, w) } }),
      });
    }
  }
  for (const [field, bads] of Object.entries(r.queryFields ?? {})) {
    for (const [label, value, status] of bads) {
      cases.push({
        title: `?${field}=: ${label}`,
        status: statuses(status, [400]),
        field,
        send: async (w) => send(r, w, { query: { ...(await queryOf(r, w)), [field]: value as string } }),
      });
    }
  }
  if (r.body) {
    for (const [label, raw, type, status] of BODIES) {
      cases.push({
        title: `body: ${label}`,
        status: statuses(status, [400]),
        send: async (w) => {
          const text = raw(await bodyOf(r, w));
          return send(r, w, text === undefined ? { noBody: true } : { raw: text, type });
        },
      });
    }
  }
  return cases;
}

interface Req {
  params?: Record<string, string>;
  body?: unknown;
  raw?: string;
  /** send no body at all */
  noBody?: boolean;
  type?: string;
  query?: Record<string, unknown>;
}

/** English left by a library, or a technical word a person cannot act on. */
const NOT_FOR_PEOPLE = /\b(must|should|an unknown value|constraint|violates|undefined|NaN|\[object|error:|exception)\b/i;
/** What a message may say instead of a field's code name. */
const FIELD_WORDS: Record<string, RegExp> = {
  on: /date|jour/i,
  targetOn: /cible/i,
  targetValue: /cible/i,
  baselineOn: /départ/i,
  version: /version/i,
  name: /nom/i,
  actorIds: /acteur/i,
  value: /cible|valeur/i,
};

/** A 4xx in the one error shape; the field named, each field's message French and about its field. */
function expectRefused(res: Response, c: Case): void {
  const shown = JSON.stringify(res.body).slice(0, 600);
  if (!c.status.includes(res.status)) throw new Error(`expected ${c.status.join(' or ')}, got ${res.status}: ${shown}`);
  const body = res.body as ApiError;
  expect(body).toEqual(expect.objectContaining({ statusCode: res.status, error: expect.stringMatching(/^[a-z_]+$/) }));
  expect(Object.keys(body).filter((k) => !['statusCode', 'error', 'message', 'errors', 'currentVersion', 'requestId'].includes(k))).toEqual(
    [],
  );
  expect(typeof body.message === 'string' && body.message.length > 10 && !NOT_FOR_PEOPLE.test(body.message)).toBe(true);
  if (c.field === undefined || res.status === 413) return;
  const errors = body.errors ?? [];
  const named = errors.filter((e) => e.field === c.field || e.field.startsWith(`${c.field}.`));
  if (!named.length) throw new Error(`no error names ${c.field}: ${shown}`);
  for (const e of errors) {
    const leaf = e.field.split('.').at(-1) ?? e.field;
    const about = e.message.includes(leaf) || FIELD_WORDS[leaf]?.test(e.message) === true;
    if (!about || NOT_FOR_PEOPLE.test(e.message)) throw new Error(`the message for ${e.field} does not say what to send: ${e.message}`);
  }
}

describe('bad input on the diagnostic’s and the indicators’ writes', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  const w = {} as World;

  /** Every row of the six tables, as one fingerprint per table. */
  async function snapshot(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of ['actor', 'assessment', 'action_actor', 'diagnostic_target', 'indicator', 'measurement']) {
      const [row] = await db.query<{ n: number; h: string }>(
        `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`,
      );
      out[table] = `${row.n} rows ${row.h}`;
    }
    return out;
  }

  async function send(r: Route, world: World, o: Req): Promise<Response> {
    const [method, template] = r.route.split(' ');
    const params = o.params ?? r.params(world);
    const path = template.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(params[k]));
    const req = lead[method.toLowerCase() as 'post'](path);
    const query = o.query ?? (r.query ? await r.query(world) : undefined);
    if (query) void req.query(query);
    if (o.raw !== undefined) return req.set('Content-Type', o.type ?? 'application/json').send(o.raw);
    if (o.noBody) return req;
    const body = o.body ?? (r.body ? await r.body(world) : undefined);
    return body === undefined ? req : req.send(body as object);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    [{ id: w.roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    w.otherRoadmapId = await nextMandate(db);
    const fn = (roadmap: string) =>
      db.query<{ id: string }>(`select id from target_function where roadmap_id = $1 and code = 'mediation'`, [roadmap]);
    [[{ id: w.functionId }], [{ id: w.otherFunctionId }]] = [await fn(w.roadmapId), await fn(w.otherRoadmapId)];
    const actor = async (roadmap: string, name: string, kind: string) =>
      ((await lead.post(`/api/roadmaps/${roadmap}/actors`).send({ name, kind }).expect(201)).body as ActorDetailView).id;
    w.actorId = await actor(w.roadmapId, 'Direction des essais', 'direction');
    w.siblingName = 'Opérateur des essais';
    w.siblingId = await actor(w.roadmapId, w.siblingName, 'operateur');
    w.otherActorId = await actor(w.otherRoadmapId, 'Acteur d’un autre mandat', 'expert');
    w.assessedOn = addDays(today, -60);
    const assessment = { on: w.assessedOn, maturity: 2, ambition: 4, assessedBy: 'Équipe diagnostic' };
    w.assessmentId = ((await lead.post(`/api/actors/${w.actorId}/assessments`).send(assessment).expect(201)).body as AssessmentView).id;
    await lead.put(`/api/roadmaps/${w.roadmapId}/diagnostic/targets/workshop`).send({ value: 70, on: '2028-06-30' }).expect(200);
    [{ id: w.actionId }] = await db.query<{ id: string }>(
      'select a.id from action a join target_function f on f.id = a.function_id where f.roadmap_id = $1 order by a.id limit 1',
      [w.roadmapId],
    );
    await lead
      .put(`/api/actions/${w.actionId}/actors`)
      .send({ actorIds: [w.actorId] })
      .expect(200);
    const indicator = { ...indicatorBody(), baselineOn: addDays(today, -100), baselineValue: 10, targetValue: 110 };
    w.indicatorId = (
      (await lead.post(`/api/roadmaps/${w.roadmapId}/functions/${w.functionId}/indicators`).send(indicator).expect(201))
        .body as IndicatorView
    ).id;
    w.measuredOn = addDays(today, -50);
    const measured = await lead.post(`/api/indicators/${w.indicatorId}/measurements`).send({ on: w.measuredOn, value: 20 }).expect(201);
    w.measurementId = (measured.body as IndicatorView).latest?.id as string;
    w.version = async (table, id) => (await db.query<{ version: number }>(`select version from ${table} where id = $1`, [id]))[0].version;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe.each(ROUTES.map((r) => [r.label ?? r.route, r] as const))('%s', (_, route) => {
    it.each(casesOf(route, (r, world, o) => send(r, world, o)).map((c) => [c.title, c] as const))(
      'refuses %s, changing nothing',
      async (_title, c) => {
        const before = await snapshot();
        expectRefused(await c.send(w), c);
        expect(await snapshot()).toEqual(before);
      },
    );
  });

  it('kept the world it probed: the actor, its assessment, the action’s link, the target, the indicator and its measurement', async () => {
    expect((await lead.get(`/api/actors/${w.actorId}`).expect(200)).body).toMatchObject({
      name: 'Direction des essais',
      kind: 'direction',
      version: 1,
      assessments: [{ id: w.assessmentId, on: w.assessedOn, maturity: 2, ambition: 4, axes: {} }],
      targetedBy: [{ id: w.actionId }],
    });
    expect((await lead.get(`/api/actions/${w.actionId}/actors`).expect(200)).body).toEqual([expect.objectContaining({ id: w.actorId })]);
    const figures = (await lead.get(`/api/roadmaps/${w.roadmapId}/diagnostic`).expect(200)).body.figures as {
      code: string;
      target: unknown;
    }[];
    expect(figures.find((f) => f.code === 'workshop')?.target).toEqual({ value: 70, on: '2028-06-30' });
    expect(figures.find((f) => f.code === 'experts')?.target).toBeNull();
    const [indicator] = (
      (await lead.get(`/api/roadmaps/${w.roadmapId}/functions/${w.functionId}/indicators`).expect(200)).body as IndicatorView[]
    ).filter((i) => i.id === w.indicatorId);
    expect(indicator).toMatchObject({
      version: 1,
      baseline: { value: 10 },
      target: { value: 110 },
      measurements: [{ id: w.measurementId, value: 20 }],
    });
  });

  it.each(ROUTES.map((r) => [r.label ?? r.route, r] as const))('refuses %s with a path badly percent-encoded', async (_, r) => {
    const [method, template] = r.route.split(' ');
    const params = r.params(w);
    const path = template.replace(/:(\w+)/g, (_m, k: string) => (k === 'id' ? '%E0%A4%A' : encodeURIComponent(params[k])));
    const before = await snapshot();
    const res = await lead[method.toLowerCase() as 'post'](path).send((await bodyOf(r, w)) as object);
    expectRefused(res, { title: path, status: [400], send: () => Promise.resolve(res) });
    expect(res.body.message).toMatch(/^L’adresse de la requête est mal encodée/);
    expect(await snapshot()).toEqual(before);
  });

  it('counts a name in characters, those outside the basic plane too (two code units each, no half one), up to 150', async () => {
    const url = `/api/roadmaps/${w.roadmapId}/actors`;
    const created = await lead
      .post(url)
      .send({ name: '𝔅'.repeat(150), kind: 'partenaire' })
      .expect(201);
    expect((created.body as ActorDetailView).name).toBe('𝔅'.repeat(150));
    const refused = await lead
      .post(url)
      .send({ name: '𝔅'.repeat(151), kind: 'partenaire' })
      .expect(400);
    expect(refused.body.errors).toEqual([{ field: 'name', message: 'name doit être un texte de 1 à 150 caractères.' }]);
  });

  /** The tables' requests untouched: accepted, so each refusal above came from the one thing changed (deletions last). */
  const deletionsLast = [
    ...ROUTES.filter((r) => !r.route.startsWith('DELETE')),
    ...ROUTES.filter((r) => r.route.startsWith('DELETE')).reverse(),
  ];
  it.each(deletionsLast.map((r) => [r.label ?? r.route, r] as const))('accepts %s as the tables send it', async (_, r) => {
    const before = await snapshot();
    const res = await send(r, w, {});
    if (res.status >= 300) throw new Error(`${r.route} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 400)}`);
    if (!r.route.startsWith('GET')) expect(await snapshot()).not.toEqual(before);
  });
});
