import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IndicatorView, PublicRoadmapView, RoadmapDetailView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { createTestApp } from './app';
import { anonymous, signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/**
 * The public page of the seeded Brest roadmap (issue 13): what a citizen needs — the headline, the
 * phases with their purpose, the indicators, the slips against the latest baseline — each checked
 * against the database read here with its own SQL, and no person's name or e-mail anywhere.
 */
describe('the public page of a roadmap: headline, phases, indicators, slips, and no person', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let anon: TestAgent;
  let roadmapId: string;
  const slug = 'brest-2026-2032';
  const today = todayInParis();

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    anon = await anonymous(app);
    const [roadmap] = (await lead.get('/api/roadmaps').expect(200)).body as Array<{ id: string; slug: string; version: number }>;
    roadmapId = roadmap.id;
    await lead.patch(`/api/roadmaps/${roadmapId}/settings`).send({ version: roadmap.version, publicPage: true }).expect(200);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const page = async () => (await anon.get(`/api/public/roadmaps/${slug}`).expect(200)).body as PublicRoadmapView;

  it('gives the four phases with their purpose and dates, in order, the current one marked', async () => {
    const phases = await db.query<{ code: string; name: string; purpose: string | null; start: string; end: string }>(
      `select code, name, purpose, start_date::text as start, end_date::text as "end" from phase where roadmap_id = $1 order by position`,
      [roadmapId],
    );
    const body = await page();
    expect(phases).toHaveLength(4);
    expect(body.phases.map((p) => [p.order, p.code, p.name, p.purpose, p.start, p.end])).toEqual(
      phases.map((p, i) => [i + 1, p.code, p.name, p.purpose, p.start, p.end]),
    );
    expect(phases.filter((p) => p.purpose).length).toBeGreaterThan(0);
    const current = phases.find((p) => p.start <= today && today <= p.end);
    expect(body.currentPhaseCode).toBe(current?.code ?? null);
    expect(body.phases.filter((p) => p.current).map((p) => p.code)).toEqual(current ? [current.code] : []);
  });

  it('opens with the headline: the overall progress and the worse of the overall and current phase health', async () => {
    const internal = (await lead.get(`/api/roadmaps/${roadmapId}`).expect(200)).body as RoadmapDetailView;
    const body = await page();
    const rank = { on_track: 0, at_risk: 1, late: 2 } as const;
    const phase = internal.phases.find((p) => p.id === internal.currentPhaseId);
    const worse =
      phase && phase.rollUp.count > 0 && rank[phase.rollUp.health] > rank[internal.rollUp.health]
        ? phase.rollUp.health
        : internal.rollUp.health;
    expect(body.headline).toEqual({
      health: worse,
      drivenBy: worse === internal.rollUp.health ? 'overall' : 'currentPhase',
      progress: internal.rollUp.progress,
      expected: internal.rollUp.expected,
      currentPhaseCode: phase?.code ?? null,
    });
    expect(body.headline.progress).toBeGreaterThan(0);
  });

  it('lists every function with its progress, and the milestones achieved and to come with their stable ids', async () => {
    const fns = await db.query<{ code: string }>('select code from target_function where roadmap_id = $1 order by position', [roadmapId]);
    const ms = await db.query<{ id: string; date: string; achieved_on: string | null }>(
      'select id, milestone_date::text as date, achieved_on::text from milestone where roadmap_id = $1',
      [roadmapId],
    );
    const body = await page();
    expect(body.functions.map((f) => f.code)).toEqual(fns.map((f) => f.code));
    expect(body.milestones.map((m) => m.id).sort()).toEqual(ms.map((m) => m.id).sort());
    const achieved = ms.filter((m) => m.achieved_on).map((m) => m.id);
    expect(achieved.length).toBeGreaterThan(3);
    expect(
      body.milestones
        .filter((m) => m.state === 'achieved')
        .map((m) => m.id)
        .sort(),
    ).toEqual(achieved.sort());
    expect(body.milestones.filter((m) => m.state === 'upcoming').length).toBeGreaterThan(0);
  });

  it('gives each indicator its line, the last value up to today and whether it is on track', async () => {
    const rows = await db.query<{
      id: string;
      name: string;
      code: string;
      unit: string;
      direction: string;
      baseline_on: string;
      baseline_value: number;
      target_on: string;
      target_value: number;
      last_on: string | null;
      last_value: number | null;
    }>(
      `select i.id, i.name, f.code, i.unit, i.direction, i.baseline_on::text, i.baseline_value::float8, i.target_on::text,
              i.target_value::float8,
              (select m.measured_on::text from measurement m where m.indicator_id = i.id and m.measured_on <= $2
                order by m.measured_on desc limit 1) as last_on,
              (select m.value::float8 from measurement m where m.indicator_id = i.id and m.measured_on <= $2
                order by m.measured_on desc limit 1) as last_value
         from indicator i join target_function f on f.id = i.function_id where f.roadmap_id = $1`,
      [roadmapId, today],
    );
    const internal = (await lead.get(`/api/roadmaps/${roadmapId}/indicators`).expect(200)).body as IndicatorView[];
    const health = new Map(internal.map((i) => [i.id, i.health]));
    const body = await page();
    expect(rows.length).toBe(9);
    const sorted = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(body.indicators).map((i) => [i.id, i.name, i.functionCode, i.unit, i.direction, i.baseline, i.target, i.latest])).toEqual(
      sorted(rows).map((r) => [
        r.id,
        r.name,
        r.code,
        r.unit,
        r.direction,
        { on: r.baseline_on, value: r.baseline_value },
        { on: r.target_on, value: r.target_value },
        r.last_on ? { on: r.last_on, value: r.last_value } : null,
      ]),
    );
    expect(body.indicators.map((i) => i.health)).toEqual(body.indicators.map((i) => health.get(i.id)));
    expect(new Set(body.indicators.map((i) => i.health)).size).toBeGreaterThan(1);
  });

  it('counts no slip without a baseline, then the slips against the latest one: count, total and mean days, per function, per item', async () => {
    expect((await page()).slips).toBeNull();
    await lead.post(`/api/roadmaps/${roadmapId}/baselines`).send({ label: 'v1 — plan voté' }).expect(201);
    await lead.post(`/api/roadmaps/${roadmapId}/baselines`).send({ label: 'v2 — plan revu', decision: 'Conseil du 26 juin' }).expect(201);
    // two actions of different functions move later, one milestone earlier
    const moved = await db.query<{ id: string; title: string; code: string; due: string }>(
      `select distinct on (f.code) a.id, a.title, f.code, a.due_date::text as due from action a join target_function f on f.id = a.function_id
        where a.roadmap_id = $1 order by f.code, a.id limit 2`,
      [roadmapId],
    );
    await db.query('update action set due_date = due_date + 10 where id = $1', [moved[0].id]);
    await db.query('update action set due_date = due_date + 25 where id = $1', [moved[1].id]);
    const [early] = await db.query<{ id: string }>('select id from milestone where roadmap_id = $1 order by id limit 1', [roadmapId]);
    await db.query('update milestone set milestone_date = milestone_date - 3 where id = $1', [early.id]);

    // own SQL: today's dates against the latest baseline's
    const own = await db.query<{ code: string; days: number }>(
      `select f.code, (coalesce(a.due_date, m.milestone_date) - i.due)::int as days
         from baseline_item i join baseline b on b.id = i.baseline_id
         left join action a on i.item_type = 'action' and a.id = i.item_id
         left join milestone m on i.item_type = 'milestone' and m.id = i.item_id
         join target_function f on f.id = i.function_id
        where b.roadmap_id = $1 and b.number = (select max(number) from baseline where roadmap_id = $1)
          and coalesce(a.id, m.id) is not null and coalesce(a.due_date, m.milestone_date) <> i.due`,
      [roadmapId],
    );
    expect(own.map((o) => o.days).sort((a, b) => a - b)).toEqual([-3, 10, 25]);
    const later = own.filter((o) => o.days > 0);
    const slips = (await page()).slips!;
    expect(slips.baseline).toEqual({ number: 2, label: 'v2 — plan revu', on: today });
    expect(slips).toMatchObject({
      slipped: later.length,
      totalDays: later.reduce((s, o) => s + o.days, 0),
      meanDays: 17.5,
    });
    const [{ n }] = await db.query<{ n: number }>(
      `select count(*)::int as n from baseline_item i join baseline b on b.id = i.baseline_id where b.roadmap_id = $1 and b.number = 2`,
      [roadmapId],
    );
    expect(slips.compared).toBe(n);
    expect(slips.items.map((i) => [i.id, i.slipDays])).toEqual([
      [moved[1].id, 25],
      [moved[0].id, 10],
      [early.id, -3],
    ]);
    expect(slips.items[0]).toMatchObject({ type: 'action', title: moved[1].title, functionCode: moved[1].code, baselineDue: moved[1].due });
    const byFn = new Map(slips.functions.map((f) => [f.functionCode, f]));
    expect(byFn.get(moved[1].code)).toMatchObject({ slipped: 1, totalDays: 25, meanDays: 25 });
    expect(byFn.get(moved[0].code)).toMatchObject({ slipped: 1, totalDays: 10, meanDays: 10 });
    expect(slips.functions.filter((f) => f.slipped === 0)).toHaveLength(slips.functions.length - 2);
  });

  it('holds no account’s name or e-mail, no comment, no author, anywhere in the answer', async () => {
    // a measurement comment and a baseline decision name people: they stay inside
    const json = JSON.stringify(await page()).toLowerCase();
    const people = await db.query<{ name: string; email: string }>('select name, email from account');
    expect(people.length).toBeGreaterThan(5);
    const leaks = people.flatMap((p) => [p.name, p.email]).filter((s) => json.includes(s.toLowerCase()));
    expect(leaks).toEqual([]);
    const comments = await db.query<{ text: string }>(
      `select comment as text from change_history where comment is not null
       union select comment from measurement where comment is not null
       union select decision from baseline where decision is not null`,
    );
    expect(comments.length).toBeGreaterThan(5);
    expect(comments.map((c) => c.text).filter((t) => json.includes(t.toLowerCase()))).toEqual([]);
    expect(json).not.toMatch(/@/);
    expect(json).not.toMatch(/"(owner|recordedby|createdby|author|actor|attendees|comment|email|name)":\s*\{/);
  });

  it('answers 404 in the one error shape for a closed page, whatever it holds', async () => {
    const roadmap = (await lead.get(`/api/roadmaps/${roadmapId}`).expect(200)).body as { version: number };
    await lead.patch(`/api/roadmaps/${roadmapId}/settings`).send({ version: roadmap.version, publicPage: false }).expect(200);
    const res = await anon.get(`/api/public/roadmaps/${slug}`).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'not_found' });
  });
});
