import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiError } from '@jalons/contract';
import type { Response } from 'supertest';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { nextMandate } from './factories/next-mandate';

/*
 * Bad input on every governance write (ADR 0019) and on the citation of a decision, over real HTTP
 * and PostgreSQL, as the project lead: nulls, wrong types, 10 000 characters, wrong kinds, malformed
 * or unknown ids, items, meetings, instances and decisions of another roadmap, unknown fields, a
 * stale version. Each is refused with a 4xx in the one error shape, the field at fault named in
 * French, and the governance tables exactly as before.
 */

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const LONG = 'x'.repeat(10_000);

interface World {
  roadmapId: string;
  otherRoadmapId: string;
  instanceId: string;
  otherInstanceId: string;
  meetingId: string;
  meetingVersion: number;
  otherMeetingId: string;
  decisionId: string;
  otherDecisionId: string;
  actionId: string;
  actionVersion: number;
  milestoneId: string;
  accountId: string;
}

type Case = [label: string, body: (w: World) => Record<string, unknown> | unknown, status: number, field: string | null];
type Route = [method: 'post' | 'patch', url: (w: World) => string, valid: (w: World) => Record<string, unknown>, cases: Case[]];

const with_ = (valid: (w: World) => Record<string, unknown>, over: (w: World) => Record<string, unknown>) => (w: World) => ({
  ...valid(w),
  ...over(w),
});

const instance = () => ({ name: 'Comité des usagers', description: 'Les usagers du service.' });
const meeting = (w: World) => ({ instanceId: w.instanceId, date: '2026-12-10', title: 'Séance', minutes: 'Rien.' });
const decision = (w: World) => ({ date: '2026-12-10', kind: 'arbitrage', text: 'Texte.', meetingId: w.meetingId });
const meetingPatch = (w: World) => ({ version: w.meetingVersion, title: 'Autre titre' });

const ROUTES: Route[] = [
  [
    'post',
    (w) => `/api/roadmaps/${w.roadmapId}/instances`,
    instance,
    [
      ['name null', with_(instance, () => ({ name: null })), 400, 'name'],
      ['name blank', with_(instance, () => ({ name: '   ' })), 400, 'name'],
      ['name of 10 000 characters', with_(instance, () => ({ name: LONG })), 400, 'name'],
      ['description of 10 000 characters', with_(instance, () => ({ description: LONG })), 400, 'description'],
      ['name a number', with_(instance, () => ({ name: 42 })), 400, 'name'],
      ['an unknown field', with_(instance, () => ({ roadmapId: UNKNOWN })), 400, 'roadmapId'],
      ['a list', () => [instance], 400, null],
      ['the name of a seeded instance, another case', with_(instance, () => ({ name: 'comité de PILOTAGE' })), 409, 'name'],
    ],
  ],
  [
    'patch',
    (w) => `/api/instances/${w.instanceId}`,
    () => ({ description: 'Nouvelle description' }),
    [
      ['name null', () => ({ name: null }), 400, 'name'],
      ['name of 10 000 characters', () => ({ name: LONG }), 400, 'name'],
      ['an unknown field', () => ({ meetings: 3 }), 400, 'meetings'],
    ],
  ],
  [
    'post',
    (w) => `/api/roadmaps/${w.roadmapId}/meetings`,
    meeting,
    [
      ['instanceId null', with_(meeting, () => ({ instanceId: null })), 400, 'instanceId'],
      ['instanceId malformed', with_(meeting, () => ({ instanceId: 'copil' })), 400, 'instanceId'],
      ['instanceId unknown', with_(meeting, () => ({ instanceId: UNKNOWN })), 422, 'instanceId'],
      ['an instance of another roadmap', with_(meeting, (w) => ({ instanceId: w.otherInstanceId })), 422, 'instanceId'],
      ['date impossible', with_(meeting, () => ({ date: '2026-02-30' })), 400, 'date'],
      ['date null', with_(meeting, () => ({ date: null })), 400, 'date'],
      ['title of 10 000 characters', with_(meeting, () => ({ title: LONG })), 400, 'title'],
      ['minutes of 30 000 characters', with_(meeting, () => ({ minutes: 'x'.repeat(30_000) })), 400, 'minutes'],
      ['attendees not a list', with_(meeting, () => ({ attendees: 'Camille' })), 400, 'attendees'],
      ['an attendee null', with_(meeting, () => ({ attendees: [null] })), 400, 'attendees.0'],
      [
        'an attendee with both',
        with_(meeting, (w) => ({ attendees: [{ accountId: w.accountId, name: 'X' }] })),
        400,
        'attendees.0.accountId',
      ],
      ['an attendee with neither', with_(meeting, () => ({ attendees: [{}] })), 400, 'attendees.0.name'],
      ['an unknown account', with_(meeting, () => ({ attendees: [{ accountId: UNKNOWN }] })), 422, 'attendees.0.accountId'],
      [
        '101 attendees',
        with_(meeting, () => ({ attendees: Array.from({ length: 101 }, (_, i) => ({ name: `P${i}` })) })),
        400,
        'attendees',
      ],
      ['an agenda item without label', with_(meeting, () => ({ agenda: [{ itemType: 'action' }] })), 400, 'agenda.0.label'],
      [
        'an agenda item of a wrong type',
        with_(meeting, (w) => ({ agenda: [{ label: 'A', itemType: 'phase', itemId: w.actionId }] })),
        400,
        'agenda.0.itemType',
      ],
      [
        'an agenda item with a type and no id',
        with_(meeting, () => ({ agenda: [{ label: 'A', itemType: 'action' }] })),
        422,
        'agenda.0.itemId',
      ],
      [
        'an agenda item unknown',
        with_(meeting, () => ({ agenda: [{ label: 'A', itemType: 'action', itemId: UNKNOWN }] })),
        422,
        'agenda.0.itemId',
      ],
      [
        'an action named as a milestone',
        with_(meeting, (w) => ({ agenda: [{ label: 'A', itemType: 'milestone', itemId: w.actionId }] })),
        422,
        'agenda.0.itemId',
      ],
      ['an unknown field in an agenda item', with_(meeting, () => ({ agenda: [{ label: 'A', position: 1 }] })), 400, 'agenda.0.position'],
      ['an unknown field', with_(meeting, () => ({ version: 1 })), 400, 'version'],
    ],
  ],
  [
    'post',
    (w) => `/api/roadmaps/${w.otherRoadmapId}/meetings`,
    (w) => ({ instanceId: w.otherInstanceId, date: '2032-06-01' }),
    [
      [
        'an agenda item of another roadmap',
        (w) => ({ instanceId: w.otherInstanceId, date: '2032-06-01', agenda: [{ label: 'A', itemType: 'action', itemId: w.actionId }] }),
        422,
        'agenda.0.itemId',
      ],
    ],
  ],
  [
    'patch',
    (w) => `/api/meetings/${w.meetingId}`,
    meetingPatch,
    [
      ['version missing', () => ({ title: 'Autre' }), 400, 'version'],
      ['version stale', (w) => ({ version: w.meetingVersion - 1 + 100, title: 'Autre' }), 409, 'version'],
      ['version a text', () => ({ version: '1', title: 'Autre' }), 400, 'version'],
      ['date null', with_(meetingPatch, () => ({ date: null })), 400, 'date'],
      ['instanceId null', with_(meetingPatch, () => ({ instanceId: null })), 400, 'instanceId'],
      ['an instance of another roadmap', with_(meetingPatch, (w) => ({ instanceId: w.otherInstanceId })), 422, 'instanceId'],
      ['agenda null', with_(meetingPatch, () => ({ agenda: 'rien' })), 400, 'agenda'],
    ],
  ],
  [
    'post',
    (w) => `/api/roadmaps/${w.roadmapId}/decisions`,
    decision,
    [
      ['kind unknown', with_(decision, () => ({ kind: 'vote' })), 400, 'kind'],
      ['kind null', with_(decision, () => ({ kind: null })), 400, 'kind'],
      ['text empty', with_(decision, () => ({ text: '' })), 400, 'text'],
      ['text of 10 000 characters', with_(decision, () => ({ text: LONG })), 400, 'text'],
      ['text null', with_(decision, () => ({ text: null })), 400, 'text'],
      ['date missing', () => ({ kind: 'budget', text: 'T' }), 400, 'date'],
      ['meetingId unknown', with_(decision, () => ({ meetingId: UNKNOWN })), 422, 'meetingId'],
      ['a meeting of another roadmap', with_(decision, (w) => ({ meetingId: w.otherMeetingId })), 422, 'meetingId'],
      ['items not a list', with_(decision, () => ({ items: {} })), 400, 'items'],
      ['an item of a wrong type', with_(decision, (w) => ({ items: [{ type: 'function', id: w.actionId }] })), 400, 'items.0.type'],
      ['an item id malformed', with_(decision, () => ({ items: [{ type: 'action', id: 'x' }] })), 400, 'items.0.id'],
      [
        'an item unknown',
        with_(decision, (w) => ({
          items: [
            { type: 'action', id: w.actionId },
            { type: 'milestone', id: UNKNOWN },
          ],
        })),
        422,
        'items.1.id',
      ],
      [
        '51 items',
        with_(decision, (w) => ({ items: Array.from({ length: 51 }, () => ({ type: 'action', id: w.actionId })) })),
        400,
        'items',
      ],
      ['an unknown field', with_(decision, () => ({ roadmapId: UNKNOWN })), 400, 'roadmapId'],
    ],
  ],
  [
    'post',
    (w) => `/api/roadmaps/${w.otherRoadmapId}/decisions`,
    () => ({ date: '2032-06-01', kind: 'budget', text: 'Budget.' }),
    [
      [
        'an item of another roadmap',
        (w) => ({ date: '2032-06-01', kind: 'budget', text: 'B', items: [{ type: 'milestone', id: w.milestoneId }] }),
        422,
        'items.0.id',
      ],
    ],
  ],
  [
    'patch',
    (w) => `/api/decisions/${w.decisionId}`,
    () => ({ text: 'Texte révisé.' }),
    [
      ['text null', () => ({ text: null }), 400, 'text'],
      ['kind null', () => ({ kind: null }), 400, 'kind'],
      ['items null', () => ({ items: null }), 400, 'items'],
      ['a meeting of another roadmap', (w) => ({ meetingId: w.otherMeetingId }), 422, 'meetingId'],
      ['an unknown field', () => ({ createdBy: UNKNOWN }), 400, 'createdBy'],
    ],
  ],
  [
    'patch',
    (w) => `/api/actions/${w.actionId}`,
    (w) => ({ version: w.actionVersion, title: 'Titre cité', decisionId: w.decisionId }),
    [
      ['decisionId malformed', (w) => ({ version: w.actionVersion, title: 'T', decisionId: 'v1' }), 400, 'decisionId'],
      ['decisionId unknown', (w) => ({ version: w.actionVersion, title: 'T', decisionId: UNKNOWN }), 422, 'decisionId'],
      [
        'a decision of another roadmap',
        (w) => ({ version: w.actionVersion, title: 'T', decisionId: w.otherDecisionId }),
        422,
        'decisionId',
      ],
    ],
  ],
  [
    'patch',
    (w) => `/api/milestones/${w.milestoneId}`,
    () => ({}),
    [['a decision of another roadmap', (w) => ({ version: 1, title: 'T', decisionId: w.otherDecisionId }), 422, 'decisionId']],
  ],
  [
    'post',
    (w) => `/api/roadmaps/${w.roadmapId}/baselines`,
    () => ({}),
    [
      ['decisionId unknown', () => ({ label: 'v9', decisionId: UNKNOWN }), 422, 'decisionId'],
      ['a decision of another roadmap', (w) => ({ label: 'v9', decisionId: w.otherDecisionId }), 422, 'decisionId'],
    ],
  ],
  [
    'post',
    (w) => `/api/decisions/${w.decisionId}/evidence`,
    () => ({}),
    [
      ['kind unknown', () => ({ title: 'T', url: 'https://brest.fr', kind: 'photo' }), 400, 'kind'],
      ['url not a web address', () => ({ title: 'T', url: 'javascript:alert(1)', kind: 'document' }), 400, 'url'],
    ],
  ],
];

describe('governance: bad input', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let w: World;

  /** Every governance row, and the cited item's, as text: must not move under a refused request. */
  const snapshot = async () =>
    JSON.stringify(
      await db.query(
        `select (select json_agg(t order by t.id) from governance_instance t) i, (select json_agg(t order by t.id) from meeting t) m,
                (select json_agg(t order by t.meeting_id, t.position) from meeting_attendee t) a,
                (select json_agg(t order by t.meeting_id, t.position) from agenda_item t) g,
                (select json_agg(t order by t.id) from decision t) d, (select count(*) from decision_item) di,
                (select count(*) from evidence) e, (select count(*) from baseline) b, (select count(*) from change_history) h,
                (select version from action where id = $1) v`,
        [w.actionId],
      ),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    const q = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params))[0];
    const roadmapId = (await q<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`)).id;
    const otherRoadmapId = await nextMandate(db);
    const otherInstanceId = (
      await q<{ id: string }>(`insert into governance_instance (roadmap_id, name) values ($1, 'Copil 2032') returning id`, [otherRoadmapId])
    ).id;
    const otherMeetingId = (
      await q<{ id: string }>(`insert into meeting (roadmap_id, instance_id, date) values ($1, $2, '2032-05-01') returning id`, [
        otherRoadmapId,
        otherInstanceId,
      ])
    ).id;
    const otherDecisionId = (
      await q<{ id: string }>(
        `insert into decision (roadmap_id, date, kind, text) values ($1, '2032-05-01', 'budget', 'Autre') returning id`,
        [otherRoadmapId],
      )
    ).id;
    const meetingRow = await q<{ id: string; version: number; instance_id: string }>(
      `select id, version, instance_id from meeting where roadmap_id = $1 order by date limit 1`,
      [roadmapId],
    );
    const action = await q<{ id: string; version: number }>(
      `select id, version from action where kit_key = 'centrale.cartographier-donnees'`,
    );
    w = {
      roadmapId,
      otherRoadmapId,
      instanceId: meetingRow.instance_id,
      otherInstanceId,
      meetingId: meetingRow.id,
      meetingVersion: meetingRow.version,
      otherMeetingId,
      decisionId: (await q<{ id: string }>(`select id from decision where roadmap_id = $1 order by date limit 1`, [roadmapId])).id,
      otherDecisionId,
      actionId: action.id,
      actionVersion: action.version,
      milestoneId: (await q<{ id: string }>(`select id from milestone where kit_key = 'centrale.catalogue-en-ligne'`)).id,
      accountId: (await q<{ id: string }>(`select id from account where email = 'camille.legoff@brest.example'`)).id,
    };
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const cases = ROUTES.flatMap(([method, url, , list]) =>
    list.map(([label, body, status, field]) => ({ method, url, label, body, status, field })),
  );

  it.each(cases)(
    '$method $label: refused with its status, the field named, nothing written',
    async ({ method, url, body, status, field }) => {
      const before = await snapshot();
      const res: Response = await lead[method](url(w)).send(body(w) as object);
      const error = res.body as ApiError;
      expect({ status: res.status, error: error.error }).toEqual({ status, error: expect.any(String) });
      expect(error.message).toMatch(/\S/);
      if (field) expect((error.errors ?? []).map((e) => e.field)).toContain(field);
      for (const e of error.errors ?? []) expect(e.message).toMatch(/[a-zé]/);
      expect(await snapshot()).toBe(before);
    },
  );

  it('a body that is not JSON, and an empty body on a create, are refused (400)', async () => {
    const res = await lead.post(`/api/roadmaps/${w.roadmapId}/decisions`).set('Content-Type', 'application/json').send('{"kind":');
    expect(res.status).toBe(400);
    await lead.post(`/api/roadmaps/${w.roadmapId}/meetings`).send({}).expect(400);
  });

  it('accepts the valid requests the cases were made from (the cases fail for their one change)', async () => {
    for (const [method, url, valid] of ROUTES.slice(0, 3)) {
      const res = await lead[method](url(w)).send(valid(w));
      expect([res.status, res.body.errors]).toEqual([method === 'post' ? 201 : 200, undefined]);
    }
    await lead.post(`/api/roadmaps/${w.roadmapId}/decisions`).send(decision(w)).expect(201);
    await lead.patch(`/api/meetings/${w.meetingId}`).send(meetingPatch(w)).expect(200);
  });
});
