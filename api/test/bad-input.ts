import type { ApiError } from '@jalons/contract';
import type { Response } from 'supertest';

import type { TestAgent } from './auth';
import type { TestDatabase } from './database';

/*
 * The shared harness of the bad-input specs (issue12-bad-input.spec.ts, issue13-bad-input.spec.ts):
 * tables of bad values, the cases of a route built from them, the check that a refusal is a 4xx in the
 * one error shape (ADR 0005) naming the field in French, and a fingerprint of tables to see that nothing
 * was written. Each spec keeps its own world (the ids its routes need) and its own tables of ids.
 */

export const UNKNOWN = '00000000-0000-4000-8000-000000000000';
export const LONG = 'x'.repeat(10_000);

/** A value only known once the world is built. */
export class Later {
  constructor(readonly of: (w: never) => unknown) {}
}
export const later = <W>(of: (w: W) => unknown) => new Later(of as (w: never) => unknown);
export const resolve = <W>(v: unknown, w: W): unknown => (v instanceof Later ? (v.of as (w: W) => unknown)(w) : v);

/** A bad value: what it is, the value, the statuses allowed (400 or 422 unless said), the field named (the one changed unless said). */
export type Bad = [label: string, value: unknown, status?: number | number[], field?: string];

export const NOT_TEXT: Bad[] = [
  ['a number', 42],
  ['a boolean', true],
  ['an object', { fr: 'x' }],
  ['a list', ['x']],
];
export const text = (min: number, nullable = false): Bad[] => [
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
export const BOOLEAN: Bad[] = [
  ['"true"', 'true'],
  ['1', 1],
  ['"oui"', 'oui'],
  ['null', null],
  ['a list', [true]],
];
export const VERSION: Bad[] = [
  ['version 0', 0],
  ['version -1', -1],
  ['version 1.5', 1.5],
  ['version as a string', '1'],
  ['version null', null],
  ['version 1e308', 1e308, 409],
  ['a stale version', 999, 409],
];
/** Path ids: malformed ones (400 naming the parameter), an unknown one (404). */
export const BAD_IDS: Bad[] = [
  ['not a UUID', 'pas-un-id', 400],
  ['a number', '42', 400],
  ['a UUID and one character more', `${UNKNOWN}0`, 400],
  ['an SQL fragment', "1' or '1'='1", 400],
  ['a NUL character', '\u0000', 400],
  ['10 000 characters', LONG, 400],
  ['an unknown UUID', UNKNOWN, 404],
];
/** Whole bodies, raw: [label, text, content type, statuses]. */
export type RawBody = [
  label: string,
  raw: (valid: Record<string, unknown>) => string | undefined,
  type?: string,
  status?: number | number[],
];
const nested = (depth: number): unknown => (depth ? { a: nested(depth - 1) } : 1);
export const BODIES: RawBody[] = [
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
/** An update of optional fields takes no field at all: no body, `{}`, or a body the JSON parser leaves aside (text, a form). */
export const ACCEPTS_EMPTY = ['an empty object', 'no body at all', 'plain text', 'a form'];

/** A route, a request it accepts, and the bad values of each of its fields. */
export interface Route<W> {
  /** method and path, parameters as `:name` */
  route: string;
  /** the title of its cases when the route is in the table twice */
  label?: string;
  params: (w: W) => Record<string, string>;
  /** a body it accepts (read when sent: versions move) */
  body?: (w: W) => Promise<Record<string, unknown>> | Record<string, unknown>;
  query?: (w: W) => Promise<Record<string, string>>;
  fields?: Record<string, Bad[]>;
  queryFields?: Record<string, Bad[]>;
  /** bad values of path parameters beyond the ids' (the UUID parameters get BAD_IDS) */
  badParams?: Record<string, Bad[]>;
  /** whole bodies this route accepts (an update of optional fields takes `{}`) */
  bodiesAccepted?: string[];
}

/** One bad request: how to send it, what must come back. */
export interface Case<W> {
  title: string;
  send: (w: W) => Promise<Response>;
  status: number[];
  /** the field (or path parameter) the errors must name */
  field?: string;
}

export interface Req {
  params?: Record<string, string>;
  body?: unknown;
  raw?: string;
  /** send no body at all */
  noBody?: boolean;
  type?: string;
  query?: Record<string, unknown>;
}

export const statuses = (s: number | number[] | undefined, fallback: number[]) => (s === undefined ? fallback : [s].flat());

const bodyOf = async <W>(r: Route<W>, w: W) => (r.body ? r.body(w) : {});
const queryOf = async <W>(r: Route<W>, w: W) => (r.query ? r.query(w) : {});

/** The cases of a route, from the tables. */
export function casesOf<W>(r: Route<W>, send: (r: Route<W>, w: W, o: Req) => Promise<Response>): Case<W>[] {
  const cases: Case<W>[] = [];
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
        send: async (w) => send(r, w, { query: { ...(await queryOf(r, w)), [field]: resolve(value, w) } }),
      });
    }
  }
  if (r.body) {
    for (const [label, raw, type, status] of BODIES.filter(([l]) => !r.bodiesAccepted?.includes(l))) {
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

/** Sends a route's request as `agent`, with what the case changes. */
export async function sendAs<W>(agent: TestAgent, r: Route<W>, world: W, o: Req): Promise<Response> {
  const [method, template] = r.route.split(' ');
  const params = o.params ?? r.params(world);
  const path = template.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(params[k]));
  const req = agent[method.toLowerCase() as 'post'](path);
  const query = o.query ?? (r.query ? await r.query(world) : undefined);
  if (query) void req.query(query);
  if (o.raw !== undefined) return req.set('Content-Type', o.type ?? 'application/json').send(o.raw);
  if (o.noBody) return req;
  const body = o.body ?? (r.body ? await r.body(world) : undefined);
  return body === undefined ? req : req.send(body as object);
}

/** English left by a library, or a technical word a person cannot act on. */
export const NOT_FOR_PEOPLE = /\b(must|should|an unknown value|constraint|violates|undefined|NaN|\[object|error:|exception)\b/i;
/** What a message may say instead of a field's code name. */
export const FIELD_WORDS: Record<string, RegExp> = {
  date: /date|jour/i,
  version: /version/i,
  name: /nom/i,
  label: /libellé|nom/i,
  reason: /raison|motif/i,
  items: /élément|action|jalon/i,
  attendees: /participant/i,
  agenda: /ordre du jour|point/i,
  accountId: /compte|personne/i,
  itemId: /élément|action|jalon/i,
  itemType: /type/i,
  baseline: /référence|ligne de base/i,
  instanceId: /instance/i,
  meetingId: /réunion/i,
  decisionId: /décision/i,
  scopeId: /phase|fonction/i,
  id: /action|jalon/i,
};

/** A 4xx in the one error shape; the field named, each field's message French and about its field (`words`: what a message may say instead). */
export function expectRefused<W>(res: Response, c: Case<W>, words: Record<string, RegExp> = FIELD_WORDS): void {
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
    const about = e.message.includes(leaf) || words[leaf]?.test(e.message) === true;
    if (!about || NOT_FOR_PEOPLE.test(e.message)) throw new Error(`the message for ${e.field} does not say what to send: ${e.message}`);
  }
}

/** Every row of these tables as one fingerprint per table (a count and an md5 of the rows as text). */
export async function fingerprint(db: TestDatabase, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await db.query<{ n: number; h: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`,
    );
    out[table] = `${row.n} rows ${row.h}`;
  }
  return out;
}
