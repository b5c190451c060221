import type { NestExpressApplication } from '@nestjs/platform-express';
import type {
  ActionView,
  BaselineView,
  ChronogramActionView,
  ChronogramView,
  FunctionWithRollUpView,
  RoadmapDetailView,
  SCurveView,
} from '@jalons/contract';
import { chronogramOf } from '@jalons/contract';
import { addDays, rollUp, todayInParis } from '@jalons/domain';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { nextMandate } from './factories/next-mandate';

/*
 * The S-curve (issue 12, ADR 0020) on the seeded Brest roadmap: its points are the month ends of the
 * mandate plus today; each point's figures are the roll-up's at that day, so they must agree with
 * GET /api/roadmaps/:id?at= and /functions/:functionId?at= (the past reads, tested against the raw
 * history in past-rollups.spec.ts).
 */
describe('GET /api/roadmaps/:id/s-curve', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let elected: TestAgent;
  let roadmapId: string;
  let centralId: string;
  const today = todayInParis();

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    elected = await signIn(app, db, 'elected');
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    [{ id: centralId }] = await db.query<{ id: string }>('select id from target_function where roadmap_id = $1 and central', [roadmapId]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const curve = async (query = '', who: TestAgent = elected) =>
    (await who.get(`/api/roadmaps/${roadmapId}/s-curve${query}`).expect(200)).body as SCurveView;
  const point = (c: SCurveView, date: string) => c.points.find((p) => p.date === date)!;

  it('gives the roadmap’s curve: every month end from March 2025 to the mandate’s end (14 March 2032), plus today', async () => {
    const c = await curve();
    expect(c).toMatchObject({ scope: 'roadmap', scopeId: null, name: 'Ville et Métropole de Brest', baselineId: null, today });
    expect(c).toMatchObject({ start: '2025-03-01', end: '2032-03-14' });
    const dates = c.points.map((p) => p.date);
    expect(dates[0]).toBe('2025-03-31');
    expect(dates).toContain('2025-12-31');
    expect(dates).toContain('2028-02-29');
    expect(dates.at(-1)).toBe('2032-03-14');
    expect(dates).toContain(today);
    // 85 months (March 2025 to March 2032), and today unless it is a month end
    expect(dates).toHaveLength(addDays(today, 1).endsWith('-01') ? 85 : 86);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(c.points.at(-1)!.expected).toBe(100);
    for (const p of c.points) expect(p.achieved === null).toBe(p.date > today);
  });

  /** Today's plan rolled up at `day`: what the expected curve says (an action abandoned since is out of it at every day). */
  const planned = async (day: string, keep: (a: ChronogramActionView) => boolean = () => true) =>
    rollUp(chronogramOf((await elected.get(`/api/roadmaps/${roadmapId}/chronogram`).expect(200)).body).actions.filter(keep), day).expected;

  it('achieves what the roll-up said at each day, past and today; expects what today’s plan expected then', async () => {
    const c = await curve();
    for (const day of ['2025-06-30', '2025-12-31', '2026-06-30', today]) {
      const r = (await elected.get(`/api/roadmaps/${roadmapId}?at=${day}`).expect(200)).body as RoadmapDetailView;
      expect(point(c, day)).toEqual({ date: day, expected: await planned(day), achieved: r.rollUp.progress });
    }
    const now = (await elected.get(`/api/roadmaps/${roadmapId}`).expect(200)).body as RoadmapDetailView;
    expect(point(c, today).expected).toBe(now.rollUp.expected);
  });

  it('tells the seeded story: the diagnostic in 2025, a pause over the elections, the restart after them', async () => {
    const c = await curve();
    const achieved = (d: string) => point(c, d).achieved!;
    expect(achieved('2025-03-31')).toBeGreaterThan(0);
    expect(achieved('2025-06-30')).toBeGreaterThan(achieved('2025-03-31'));
    expect(achieved('2025-12-31')).toBeGreaterThan(achieved('2025-06-30'));
    // the electoral reserve: nothing moves between the end of February and the end of March 2026
    expect(achieved('2026-03-31')).toBe(achieved('2026-02-28'));
    expect(achieved('2026-09-30')).toBeGreaterThan(achieved('2026-03-31'));
  });

  it('gives a function’s and a phase’s curve, each point its roll-up at that day', async () => {
    const fn = await curve(`?scope=function&scopeId=${centralId}`);
    expect(fn).toMatchObject({ scope: 'function', scopeId: centralId, name: 'Fonction centrale' });
    const r = (await elected.get(`/api/roadmaps/${roadmapId}/functions/${centralId}?at=2025-12-31`).expect(200))
      .body as FunctionWithRollUpView;
    const inCentral = (a: ChronogramActionView) => a.functionId === centralId;
    expect(point(fn, '2025-12-31')).toEqual({
      date: '2025-12-31',
      expected: await planned('2025-12-31', inCentral),
      achieved: r.rollUp.progress,
    });

    const detail = (await elected.get(`/api/roadmaps/${roadmapId}?at=2026-06-30`).expect(200)).body as RoadmapDetailView;
    const post = detail.phases[1];
    const ph = await curve(`?scope=phase&scopeId=${post.id}`);
    expect(ph).toMatchObject({ scope: 'phase', scopeId: post.id, name: post.name });
    const inPost = (a: ChronogramActionView) => a.phaseId === post.id;
    expect(point(ph, '2026-06-30')).toEqual({
      date: '2026-06-30',
      expected: await planned('2026-06-30', inPost),
      achieved: post.rollUp.progress,
    });
    // the phase's expected curve would differ from its roll-up of that day: an action of the phase was abandoned since (innovation.choisir-pilotes)
    expect(point(ph, '2026-06-30').expected).not.toBe(post.rollUp.expected);
  });

  it('expects by a baseline’s frozen dates when asked, by the current plan otherwise', async () => {
    const baseline = (await lead.post(`/api/roadmaps/${roadmapId}/baselines`).send({ label: 'v1 — plan voté' }).expect(201))
      .body as BaselineView;
    const before = await curve();
    expect((await curve(`?baseline=${baseline.id}`)).points).toEqual(before.points);
    // one long action of the emergence phase pushed a year later: the current plan now expects less in 2027
    const actions = (await lead.get(`/api/roadmaps/${roadmapId}/actions?functionId=${centralId}`).expect(200)).body as ActionView[];
    const a = actions.find((x) => x.start >= '2027-01-01' && x.start < '2027-06-01')!;
    const later = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
    await lead
      .patch(`/api/actions/${a.id}`)
      .send({ version: a.version, start: later(a.start), due: later(a.due), reason: 'Reporté d’un an par le comité de pilotage.' })
      .expect(200);
    const replanned = await curve();
    const frozen = await curve(`?baseline=${baseline.id}`);
    expect(frozen.baselineId).toBe(baseline.id);
    expect(point(replanned, '2027-12-31').expected).toBeLessThan(point(frozen, '2027-12-31').expected);
    expect(point(frozen, '2027-12-31').expected).toBe(point(before, '2027-12-31').expected);
    // the achieved curve does not depend on the baseline
    expect(frozen.points.map((p) => p.achieved)).toEqual(replanned.points.map((p) => p.achieved));
  });

  it('refuses an unknown scope (400), a scopeId missing, of the wrong kind or of another roadmap (422), a malformed or foreign baseline', async () => {
    const http = elected;
    const base = `/api/roadmaps/${roadmapId}/s-curve`;
    const unknown = await http.get(`${base}?scope=quarter`).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'scope' })]);
    const missing = await http.get(`${base}?scope=function`).expect(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'scopeId' })]);
    const detail = (await http.get(`/api/roadmaps/${roadmapId}`).expect(200)).body as RoadmapDetailView;
    await http.get(`${base}?scope=function&scopeId=${detail.phases[0].id}`).expect(422);
    await http.get(`${base}?scopeId=${centralId}`).expect(422);
    const other = await nextMandate(db);
    const [{ id: foreignFn }] = await db.query<{ id: string }>('select id from target_function where roadmap_id = $1 and central', [other]);
    const foreign = await http.get(`${base}?scope=function&scopeId=${foreignFn}`).expect(422);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'scopeId' })]);
    expect((await http.get(`${base}?scope=function&scopeId=pas-un-id`).expect(400)).body.errors).toEqual([
      expect.objectContaining({ field: 'scopeId' }),
    ]);
    expect((await http.get(`${base}?baseline=v1`).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'baseline' })]);
    const none = await http.get(`${base}?baseline=00000000-0000-4000-8000-000000000000`).expect(422);
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'baseline' })]);
    await http.get(`/api/roadmaps/00000000-0000-4000-8000-000000000000/s-curve`).expect(404);
    // the other roadmap's curve is empty but whole: 0 expected, 0 achieved
    const empty = (await http.get(`/api/roadmaps/${other}/s-curve`).expect(200)).body as SCurveView;
    expect(empty.points.every((p) => p.expected === 0)).toBe(true);
  });
});
