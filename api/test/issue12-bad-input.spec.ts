import type { NestExpressApplication } from '@nestjs/platform-express';
import type { BaselineView, DecisionView, InstanceView, MeetingView } from '@jalons/contract';
import { addDays } from '@jalons/domain';
import type { Response } from 'supertest';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import {
  ACCEPTS_EMPTY,
  BOOLEAN,
  casesOf,
  expectRefused,
  fingerprint,
  later as laterOf,
  LONG,
  NOT_TEXT,
  sendAs,
  text,
  UNKNOWN,
  VERSION,
} from './bad-input';
import type { Bad, Req, Route as RouteOf } from './bad-input';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { nextMandate } from './factories/next-mandate';

/*
 * Bad input on issue 12's routes — governance (instances, meetings, decisions, a decision's evidence),
 * freezing a baseline that cites a decision, a re-plan's reason and cited decision, the council
 * report with every parameter wrong, the S-curve, the next meeting and the monthly summary setting —
 * over real HTTP and PostgreSQL, as the project lead. The style of diagnostic-bad-input.spec.ts: each
 * case changes one thing of a request the route accepts (the last block sends those untouched and
 * sees them accepted). Each must be refused with a 4xx in the one error shape (ADR 0005), the field
 * at fault named with a French message, and the tables of issue 12 exactly as before.
 */

interface World {
  roadmapId: string;
  otherRoadmapId: string;
  instanceId: string;
  otherInstanceId: string;
  meetingId: string;
  otherMeetingId: string;
  decisionId: string;
  otherDecisionId: string;
  baselineId: string;
  otherBaselineId: string;
  actionId: string;
  otherActionId: string;
  milestoneId: string;
  phaseId: string;
  functionId: string;
  otherPhaseId: string;
  version(table: 'action' | 'milestone' | 'meeting', id: string): Promise<number>;
  due(id: string): Promise<string>;
}

/** A value only known once the world is built. */
const later = (of: (w: World) => unknown) => laterOf(of);
type Route = RouteOf<World>;

/** Impossible or malformed days, as strings (a query can only send strings, or a list of them). */
const DATE_TEXT: Bad[] = [
  ['30 February', '2026-02-30'],
  ['29 February of a common year', '2026-02-29'],
  ['31 April', '2026-04-31'],
  ['year 0', '0000-01-01'],
  ['year 9999', '9999-12-31'],
  ['year 1899', '1899-12-31'],
  ['month 13', '2026-13-01'],
  ['day 0', '2026-01-00'],
  ['unpadded', '2026-1-5'],
  ['the French order', '05/01/2026'],
  ['an instant', '2026-01-05T00:00:00Z'],
  ['a word', 'aujourdhui'],
  ['an empty string', ''],
  ['a NUL character', '2026-01-05\u0000'],
];
const QUERY_DATE: Bad[] = [...DATE_TEXT, ['twice', ['2026-01-05', '2026-01-06']]];
const date = (nullable = false): Bad[] => [
  ...DATE_TEXT,
  ['a number', 20260105],
  ['a list', ['2026-01-05']],
  ...(nullable ? [] : ([['null', null]] as Bad[])),
];
const code = (valid: string, nullable = false): Bad[] => [
  ['an unknown code', 'inconnu'],
  ['upper case', valid.toUpperCase()],
  ['a number', 1],
  ['an empty string', ''],
  ...(nullable ? [] : ([['null', null]] as Bad[])),
  ['a list', [valid]],
  ['__proto__', '__proto__'],
];
const queryCode = (valid: string): Bad[] => [
  ['an unknown code', 'inconnu'],
  ['upper case', valid.toUpperCase()],
  ['an empty string', ''],
  ['twice', [valid, valid]],
  ['__proto__', '__proto__'],
  ['10 000 characters', LONG],
];
/** An id in a body or a query: malformed (400), unknown or of another roadmap (422 unless said). */
const id = (other: (w: World) => string, nullable = false): Bad[] => [
  ['not a UUID', 'pas-un-id', 400],
  ['a UUID and one character more', `${UNKNOWN}0`, 400],
  ['an SQL fragment', "1' or '1'='1", 400],
  ['10 000 characters', LONG, 400],
  ...(nullable ? [] : ([['null', null, 400]] as Bad[])),
  ['a number', 42, 400],
  ['a list', [UNKNOWN], 400],
  ['an unknown UUID', UNKNOWN, 422],
  ['one of another roadmap', later(other), 422],
];
const queryId = (other: (w: World) => string): Bad[] => [
  ['not a UUID', 'pas-un-id', 400],
  ['a UUID and one character more', `${UNKNOWN}0`, 400],
  ['an SQL fragment', "1' or '1'='1", 400],
  ['10 000 characters', LONG, 400],
  ['an empty string', '', 400],
  ['twice', [UNKNOWN, UNKNOWN], 400],
  ['an unknown UUID', UNKNOWN, 422],
  ['one of another roadmap', later(other), 422],
];
const LINKED_ITEMS: Bad[] = [
  ['one item, not a list', later((w) => ({ type: 'action', id: w.actionId }))],
  ['a string', 'action'],
  ['an unknown type', later((w) => [{ type: 'phase', id: w.actionId }])],
  ['a malformed id', [{ type: 'action', id: 'pas-un-id' }]],
  ['a missing id', [{ type: 'action' }]],
  ['null inside', [null]],
  ['an extra key', later((w) => [{ type: 'action', id: w.actionId, titre: 'x' }])],
  ['51 items', later((w) => Array(51).fill({ type: 'action', id: w.actionId }))],
  ['10 000 items', later((w) => Array(10_000).fill({ type: 'action', id: w.actionId })), [400, 413]],
  ['an unknown action', [{ type: 'action', id: UNKNOWN }], 422],
  ['a milestone id as an action', later((w) => [{ type: 'action', id: w.milestoneId }]), 422],
  ['an action of another roadmap', later((w) => [{ type: 'action', id: w.otherActionId }]), 422],
];
const ATTENDEES: Bad[] = [
  ['one attendee, not a list', { name: 'Anne' }],
  ['a string', 'Anne'],
  ['an attendee with neither', [{}]],
  ['an attendee with both', [{ name: 'Anne', accountId: UNKNOWN }]],
  ['a blank name', [{ name: '  ' }]],
  ['a name of 10 000 characters', [{ name: LONG }]],
  ['a malformed account', [{ accountId: 'pas-un-id' }]],
  ['null inside', [null]],
  ['an extra key', [{ name: 'Anne', role: 'élue' }]],
  ['10 000 attendees', Array(10_000).fill({ name: 'Anne' }), [400, 413]],
  ['an unknown account', [{ accountId: UNKNOWN }], 422],
];
const AGENDA: Bad[] = [
  ['one item, not a list', { label: 'Point' }],
  ['a blank label', [{ label: '  ' }]],
  ['a label of 10 000 characters', [{ label: LONG }]],
  ['a type without an id', [{ label: 'Point', itemType: 'action' }]],
  ['an id without a type', later((w) => [{ label: 'Point', itemId: w.actionId }])],
  ['an unknown type', later((w) => [{ label: 'Point', itemType: 'phase', itemId: w.actionId }])],
  ['a malformed id', [{ label: 'Point', itemType: 'action', itemId: 'pas-un-id' }]],
  ['null inside', [null]],
  ['10 000 points', Array(10_000).fill({ label: 'Point' }), [400, 413]],
  ['an action of another roadmap', later((w) => [{ label: 'Point', itemType: 'action', itemId: w.otherActionId }]), 422],
];
const SOURCE_URL: Bad[] = [
  ...NOT_TEXT,
  ['null', null],
  ['an empty string', ''],
  ['javascript:', 'javascript:alert(1)'],
  ['without a host', 'http://'],
  ['a relative path', '/deliberation.pdf'],
  ['10 000 characters', `https://exemple.fr/${LONG}`],
];
const instanceBody = () => ({ name: 'Comité des usagers (essai)', description: 'Les usagers du service.' });
const meetingBody = (w: World) => ({
  instanceId: w.instanceId,
  date: '2026-12-10',
  title: 'Séance d’essai',
  attendees: [{ name: 'Anne Le Gall' }],
  agenda: [{ label: 'Point sur le portail', itemType: 'action', itemId: w.actionId }],
  minutes: 'Rien à signaler.',
});
const decisionBody = (w: World) => ({
  date: '2026-12-10',
  kind: 'arbitrage',
  text: 'Le portail attendra le printemps.',
  meetingId: w.meetingId,
  items: [{ type: 'action', id: w.actionId }],
});
const MEETING_FIELDS: Record<string, Bad[]> = {
  title: text(0, true),
  minutes: [...text(0, true).filter(([l]) => l !== '10 000 characters'), ['20 001 characters', 'x'.repeat(20_001)]],
  attendees: ATTENDEES,
  agenda: AGENDA,
};
const DECISION_FIELDS: Record<string, Bad[]> = {
  kind: code('arbitrage'),
  text: text(1),
  items: LINKED_ITEMS,
};
const reportQuery = async (w: World) => ({
  at: '2026-06-30',
  format: 'html',
  paper: 'a3',
  lang: 'en',
  baseline: w.baselineId,
  since: '2026-03-01',
});

const ROUTES: Route[] = [
  {
    route: 'POST /api/roadmaps/:id/instances',
    params: (w) => ({ id: w.roadmapId }),
    body: instanceBody,
    fields: { name: [...text(1), ['a name the roadmap has', 'Comité de pilotage', 409]], description: text(0, true) },
  },
  {
    route: 'PATCH /api/instances/:id',
    params: (w) => ({ id: w.instanceId }),
    body: () => ({ description: 'Renommée.' }),
    fields: { name: text(1), description: text(0, true) },
    bodiesAccepted: ACCEPTS_EMPTY,
  },
  {
    route: 'POST /api/roadmaps/:id/meetings',
    params: (w) => ({ id: w.roadmapId }),
    body: meetingBody,
    fields: { instanceId: id((w) => w.otherInstanceId), date: date(), ...MEETING_FIELDS },
  },
  {
    route: 'PATCH /api/meetings/:id',
    params: (w) => ({ id: w.meetingId }),
    body: async (w) => ({ ...meetingBody(w), title: 'Séance renommée', version: await w.version('meeting', w.meetingId) }),
    fields: { version: VERSION, instanceId: id((w) => w.otherInstanceId), date: date(), ...MEETING_FIELDS },
  },
  {
    route: 'POST /api/roadmaps/:id/decisions',
    params: (w) => ({ id: w.roadmapId }),
    body: decisionBody,
    fields: { date: date(), meetingId: id((w) => w.otherMeetingId, true), ...DECISION_FIELDS },
  },
  {
    route: 'PATCH /api/decisions/:id',
    params: (w) => ({ id: w.decisionId }),
    body: (w) => ({ ...decisionBody(w), text: 'Le portail attendra l’été.' }),
    fields: { date: date(), meetingId: id((w) => w.otherMeetingId, true), ...DECISION_FIELDS },
    bodiesAccepted: ACCEPTS_EMPTY,
  },
  {
    route: 'POST /api/decisions/:id/evidence',
    params: (w) => ({ id: w.decisionId }),
    body: () => ({ title: 'Délibération du conseil', url: 'https://brest.example/deliberation.pdf', kind: 'deliberation' }),
    fields: { title: text(1), url: SOURCE_URL, kind: code('deliberation') },
  },
  {
    route: 'POST /api/roadmaps/:id/baselines',
    params: (w) => ({ id: w.roadmapId }),
    body: (w) => ({ label: 'v2 — replanification', decision: 'Comité du 10/12/2026', decisionId: w.decisionId }),
    fields: { label: text(1), decision: text(0, true), decisionId: id((w) => w.otherDecisionId, true) },
  },
  {
    route: 'PATCH /api/actions/:id',
    label: 'PATCH /api/actions/:id (a re-plan of a frozen action)',
    params: (w) => ({ id: w.actionId }),
    body: async (w) => ({
      version: await w.version('action', w.actionId),
      due: addDays(await w.due(w.actionId), 7),
      reason: 'Le marché a pris du retard.',
      decisionId: w.decisionId,
    }),
    fields: {
      reason: [...text(1, true), ['missing while a date changes', undefined, 422], ['null while a date changes', null, 422]],
      decisionId: id((w) => w.otherDecisionId, true),
    },
  },
  {
    route: 'PATCH /api/milestones/:id',
    label: 'PATCH /api/milestones/:id (a re-plan of a frozen milestone)',
    params: (w) => ({ id: w.milestoneId }),
    body: async (w) => ({
      version: await w.version('milestone', w.milestoneId),
      date: addDays(await w.due(w.milestoneId), 7),
      reason: 'Le comité a repoussé l’échéance.',
      decisionId: w.decisionId,
    }),
    fields: {
      reason: [...text(1, true), ['missing while a date changes', undefined, 422], ['null while a date changes', null, 422]],
      decisionId: id((w) => w.otherDecisionId, true),
    },
  },
  {
    route: 'PUT /api/account/summary',
    params: () => ({}),
    body: () => ({ enabled: false }),
    fields: { enabled: BOOLEAN },
  },
  {
    route: 'GET /api/roadmaps/:id/report',
    params: (w) => ({ id: w.roadmapId }),
    query: reportQuery,
    queryFields: {
      at: QUERY_DATE,
      since: [...QUERY_DATE, ['the day after at', '2026-07-01', [400, 422]]],
      format: queryCode('html'),
      paper: queryCode('a3'),
      lang: queryCode('en'),
      baseline: queryId((w) => w.otherBaselineId),
    },
  },
  {
    route: 'GET /api/roadmaps/:id/s-curve',
    params: (w) => ({ id: w.roadmapId }),
    query: async (w) => ({ scope: 'phase', scopeId: w.phaseId, baseline: w.baselineId }),
    queryFields: {
      scope: queryCode('phase'),
      scopeId: [...queryId((w) => w.otherPhaseId), ['a function, the scope a phase', later((w) => w.functionId), 422]],
      baseline: queryId((w) => w.otherBaselineId),
    },
  },
  {
    route: 'GET /api/roadmaps/:id/chronogram',
    params: (w) => ({ id: w.roadmapId }),
    query: async (w) => ({ at: '2026-03-31', baseline: w.baselineId }),
    queryFields: { at: QUERY_DATE, baseline: queryId((w) => w.otherBaselineId) },
  },
  {
    route: 'GET /api/roadmaps/:id',
    label: 'GET /api/roadmaps/:id (at a past day)',
    params: (w) => ({ id: w.roadmapId }),
    query: async () => ({ at: '2026-03-31' }),
    queryFields: { at: QUERY_DATE },
  },
  {
    route: 'GET /api/roadmaps/:id/functions',
    params: (w) => ({ id: w.roadmapId }),
    query: async () => ({ at: '2026-03-31' }),
    queryFields: { at: QUERY_DATE },
  },
  {
    route: 'GET /api/roadmaps/:id/functions/:functionId',
    params: (w) => ({ id: w.roadmapId, functionId: w.functionId }),
    query: async () => ({ at: '2026-03-31' }),
    queryFields: { at: QUERY_DATE },
  },
  { route: 'GET /api/baselines/:id/slips', params: (w) => ({ id: w.baselineId }) },
  { route: 'GET /api/meetings/:id', params: (w) => ({ id: w.meetingId }) },
  { route: 'GET /api/decisions/:id/evidence', params: (w) => ({ id: w.decisionId }) },
  {
    route: 'GET /api/roadmaps/:id/meetings/next',
    params: (w) => ({ id: w.roadmapId }),
    query: async () => ({ at: '2026-01-01' }),
    queryFields: { at: QUERY_DATE },
  },
  {
    route: 'GET /api/roadmaps/:id/decisions',
    params: (w) => ({ id: w.roadmapId }),
    query: async (w) => ({ since: '2025-01-01', until: '2026-12-31', itemId: w.actionId }),
    queryFields: { since: QUERY_DATE, until: QUERY_DATE, itemId: queryId(() => UNKNOWN).slice(0, 6) },
  },
];

describe('bad input on issue 12’s routes: governance, baselines, re-plans, the report, the S-curve, the summary', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  const w = {} as World;

  /** Every row of issue 12's tables and of the items, as one fingerprint per table; the accounts' summary setting. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = ['governance_instance', 'meeting', 'meeting_attendee', 'agenda_item', 'decision', 'decision_item', 'evidence'];
    const out = await fingerprint(db, [...tables, 'baseline', 'baseline_item', 'change_history', 'action', 'milestone']);
    const [acc] = await db.query<{ h: string }>(
      `select md5(string_agg(id || ':' || coalesce(monthly_summary::text, '-'), '|' order by id)) as h from account`,
    );
    out['account.monthly_summary'] = acc.h;
    return out;
  }

  const send = (r: Route, world: World, o: Req): Promise<Response> => sendAs(lead, r, world, o);

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    [{ id: w.roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    w.otherRoadmapId = await nextMandate(db);
    const post = async <T>(url: string, body: object) => (await lead.post(url).send(body).expect(201)).body as T;
    w.instanceId = (await post<InstanceView>(`/api/roadmaps/${w.roadmapId}/instances`, { name: 'Comité des essais' })).id;
    w.otherInstanceId = (await post<InstanceView>(`/api/roadmaps/${w.otherRoadmapId}/instances`, { name: 'Comité d’un autre mandat' })).id;
    w.meetingId = (await post<MeetingView>(`/api/roadmaps/${w.roadmapId}/meetings`, { instanceId: w.instanceId, date: '2026-11-02' })).id;
    w.otherMeetingId = (
      await post<MeetingView>(`/api/roadmaps/${w.otherRoadmapId}/meetings`, { instanceId: w.otherInstanceId, date: '2031-05-02' })
    ).id;
    const decision = { date: '2026-11-02', kind: 'validation', text: 'Plan d’essai validé.' };
    w.decisionId = (await post<DecisionView>(`/api/roadmaps/${w.roadmapId}/decisions`, { ...decision, meetingId: w.meetingId })).id;
    w.otherDecisionId = (await post<DecisionView>(`/api/roadmaps/${w.otherRoadmapId}/decisions`, { ...decision, date: '2031-05-02' })).id;
    w.otherBaselineId = (await post<BaselineView>(`/api/roadmaps/${w.otherRoadmapId}/baselines`, { label: 'v1 autre mandat' })).id;
    w.baselineId = (await post<BaselineView>(`/api/roadmaps/${w.roadmapId}/baselines`, { label: 'v1 essai', decisionId: w.decisionId })).id;
    const one = async (sql: string, ...args: string[]) => (await db.query<{ id: string }>(sql, args))[0].id;
    const ofRoadmap = (table: string) =>
      `select i.id from ${table} i join target_function f on f.id = i.function_id where f.roadmap_id = $1 order by i.id limit 1`;
    w.actionId = await one(ofRoadmap('action'), w.roadmapId);
    w.milestoneId = await one(ofRoadmap('milestone'), w.roadmapId);
    const otherFn = await one(`select id from target_function where roadmap_id = $1 order by code limit 1`, w.otherRoadmapId);
    w.otherActionId = (
      await post<{ id: string }>(`/api/roadmaps/${w.otherRoadmapId}/actions`, {
        functionId: otherFn,
        title: 'Action d’un autre mandat',
        start: '2033-01-01',
        due: '2033-06-30',
      })
    ).id;
    w.phaseId = await one(`select id from phase where roadmap_id = $1 order by position limit 1`, w.roadmapId);
    w.otherPhaseId = await one(`select id from phase where roadmap_id = $1 order by position limit 1`, w.otherRoadmapId);
    w.functionId = await one(`select id from target_function where roadmap_id = $1 order by code limit 1`, w.roadmapId);
    w.version = async (table, id) => (await db.query<{ version: number }>(`select version from ${table} where id = $1`, [id]))[0].version;
    w.due = async (id) =>
      (
        await db.query<{ d: string }>(
          `select to_char(coalesce((select due_date from action where id = $1), (select milestone_date from milestone where id = $1)), 'YYYY-MM-DD') as d`,
          [id],
        )
      )[0].d;
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

  /** The tables' requests untouched: accepted, so each refusal above came from the one thing changed. */
  it.each(ROUTES.map((r) => [r.label ?? r.route, r] as const))('accepts %s as the tables send it', async (_, r) => {
    const before = await snapshot();
    const res = await send(r, w, {});
    if (res.status >= 300) throw new Error(`${r.route} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 400)}`);
    if (!r.route.startsWith('GET')) expect(await snapshot()).not.toEqual(before);
  });

  it.each([
    ['the report on the first day the calendar takes', `report?at=1900-01-01&format=html`],
    ['the report on the last day the calendar takes', `report?at=2999-12-31&format=html`],
    ['the report since the first day the calendar takes', `report?since=1900-01-01&format=html`],
    ['the S-curve of a function', 's-curve?scope=function&scopeId=:function'],
    ['the next meeting after the last day the calendar takes', 'meetings/next?at=2999-12-31'],
    ['the decisions between days the wrong way round', 'decisions?since=2026-12-31&until=2025-01-01'],
    ['the PDF report on the first day the calendar takes', 'report?at=1900-01-01'],
    ['the A3 English PDF report on the last day the calendar takes', 'report?at=2999-12-31&paper=a3&lang=en'],
    ['a function’s S-curve against a baseline', 's-curve?scope=function&scopeId=:function&baseline=:baseline'],
    ['the chronogram on the first day the calendar takes', 'chronogram?at=1900-01-01'],
  ])('answers %s without a server error', async (_, path) => {
    const res = await lead.get(
      `/api/roadmaps/${w.roadmapId}/${path.replace(':function', w.functionId).replace(':baseline', w.baselineId)}`,
    );
    expect(res.status).toBeLessThan(300);
  });

  it.each([
    ['the report as PDF', 'report'],
    ['the report as a web page', 'report?format=html'],
    ['the S-curve', 's-curve'],
    ['the S-curve against its baseline', 's-curve?baseline=:baseline'],
    ['the next meeting', 'meetings/next'],
  ])('answers %s of a mandate not begun (one action, one baseline) without a server error', async (_, path) => {
    const res = await lead.get(`/api/roadmaps/${w.otherRoadmapId}/${path.replace(':baseline', w.otherBaselineId)}`);
    expect(res.status).toBeLessThan(300);
  });
});
