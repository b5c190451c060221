import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ChronogramView, FunctionWithRollUpView, RoadmapDetailView } from '@jalons/contract';
import { chronogramOf } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/*
 * Roll-ups at a past date (issue 12, ADR 0020) on a freshly seeded Brest database: the API replays its
 * items back from today through the history; this test counts FORWARD from the seeded history with
 * its own SQL — each action's status and progress are the last values written on or before the day
 * (`à lancer`, 0 % before any) — and rolls up with SQL arithmetic, never with the replay's code.
 */

const DAYS = ['2025-06-30', '2025-12-31', '2026-06-30'] as const;

/** The roll-up of `function` (a code; all when null) at the end of `day`, from the history lines only. */
const ROLL_UP_SQL = `
  with day as (select $2::date as d),
  state as (
    select a.start_date, a.due_date,
           coalesce((select h.to_value from change_history h where h.item_id = a.id and h.field = 'status'
                       and (h.at at time zone 'Europe/Paris')::date <= (select d from day) order by h.at desc limit 1), 'a_lancer') as status,
           coalesce((select h.to_value::int from change_history h where h.item_id = a.id and h.field = 'progress'
                       and (h.at at time zone 'Europe/Paris')::date <= (select d from day) order by h.at desc limit 1), 0) as progress
      from action a join target_function f on f.id = a.function_id
     where a.roadmap_id = $1 and ($3::text is null or f.code = $3)
  ),
  weighted as (
    select (due_date - start_date + 1) as w,
           case when status = 'terminee' then 100 else progress end as achieved,
           greatest(0, least((select d from day) - start_date + 1, due_date - start_date + 1)) as expected_days,
           status
      from state where status <> 'abandonnee'
  )
  select count(*)::int as count,
         count(*) filter (where status = 'terminee')::int as done,
         count(*) filter (where status = 'bloquee')::int as blocked,
         round(sum(w * achieved)::numeric / sum(w), 1)::float as progress,
         round(sum(expected_days * 100)::numeric / sum(w), 1)::float as expected
    from weighted`;

/** Milestones achieved by the end of `day`: an achievement line written on or before it, for a day on or before it. */
const ACHIEVED_SQL = `
  select count(*)::int as n from milestone m
   where m.roadmap_id = $1
     and exists (select 1 from change_history h where h.item_id = m.id and h.field = 'achievedOn'
                   and (h.at at time zone 'Europe/Paris')::date <= $2::date and h.to_value::date <= $2::date)`;

interface Figures {
  count: number;
  done: number;
  blocked: number;
  progress: number;
  expected: number;
}

describe('roll-ups at a past date, from the seeded history (issue 12)', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: TestAgent;
  let roadmapId: string;
  let communicationId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    http = await signIn(app, db, 'lead');
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    [{ id: communicationId }] = await db.query<{ id: string }>(
      `select id from target_function where roadmap_id = $1 and code = 'communication'`,
      [roadmapId],
    );
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const fromHistory = async (day: string, fn: string | null = null): Promise<Figures> =>
    (await db.query<Figures>(ROLL_UP_SQL, [roadmapId, day, fn]))[0];
  const roadmapAt = async (day: string) => (await http.get(`/api/roadmaps/${roadmapId}?at=${day}`).expect(200)).body as RoadmapDetailView;
  const functionAt = async (day: string, id: string) =>
    (await http.get(`/api/roadmaps/${roadmapId}/functions/${id}?at=${day}`).expect(200)).body as FunctionWithRollUpView;

  it('seeds a history that moves: the three days differ', async () => {
    const figures: Figures[] = [];
    for (const d of DAYS) figures.push(await fromHistory(d));
    expect(new Set(figures.map((f) => f.progress)).size).toBe(3);
    expect(figures[0].progress).toBeLessThan(figures[1].progress);
    expect(figures[1].progress).toBeLessThan(figures[2].progress);
  });

  it.each(DAYS)('rolls the roadmap up at %s as the history counted forward says', async (day) => {
    const api = await roadmapAt(day);
    const mine = await fromHistory(day);
    expect(api.at).toBe(day);
    expect(api.rollUp).toMatchObject(mine);
    const [{ n }] = await db.query<{ n: number }>(ACHIEVED_SQL, [roadmapId, day]);
    expect(api.milestones.achieved).toBe(n);
  });

  it.each(DAYS)('rolls a function up at %s (communication, and every function through /functions)', async (day) => {
    expect((await functionAt(day, communicationId)).rollUp).toMatchObject(await fromHistory(day, 'communication'));
    const all = (await http.get(`/api/roadmaps/${roadmapId}/functions?at=${day}`).expect(200)).body as FunctionWithRollUpView[];
    const codes = await db.query<{ id: string; code: string }>('select id, code from target_function where roadmap_id = $1', [roadmapId]);
    for (const f of all) expect(f.rollUp).toMatchObject(await fromHistory(day, codes.find((c) => c.id === f.id)!.code));
  });

  it('gives the figures worked out by hand from the seed file', async () => {
    /*
     * Communication: informer-agents 2025-04-01 → 08-31 (153 days), lancement-public 2026-07-23 → 10-22 (92),
     * reunions-publiques 2027-06-01 → 2028-06-30 (396), evenement-portail 2028-07-01 → 08-31 (62),
     * bilan-annuel 2029-01-01 → 04-30 (120): 823 days in all.
     * On 2025-06-30 informer-agents is « en cours » at 60 % (update of 2025-06-02), the others untouched:
     *   achieved = 153 × 60 / 823 = 11.15… → 11.2 ; expected = 91 days (April–June) × 100 / 823 = 11.06… → 11.1.
     * On 2025-12-31 informer-agents is « terminée » (2025-07-15): 153 × 100 / 823 = 18.59… → 18.6.
     * The roadmap's finished actions: 1 on 2025-06-30 (acculturer-direction-generale, 2025-06-24), 8 on
     * 2025-12-31 (+ informer-agents, etat-lieux-obligations, etudier-organisations, diagnostic-acteurs,
     * positionner-maturite-ambition, recenser-acteurs, relever-enjeux-ethiques), 16 on 2026-06-30 (+ conforter-dpo,
     * atelier-co-construction, identifier-besoins, estimer-couts, scenarios-anticipation, reperer-cas-usage,
     * formuler-pourquoi, deliberation-principe); milestones achieved: 0, 1 (diagnostic restitué), 3.
     */
    expect((await functionAt('2025-06-30', communicationId)).rollUp).toMatchObject({ progress: 11.2, expected: 11.1, done: 0 });
    expect((await functionAt('2025-12-31', communicationId)).rollUp).toMatchObject({ progress: 18.6, done: 1 });
    const rollUps = await Promise.all(DAYS.map(roadmapAt));
    expect(rollUps.map((r) => r.rollUp.done)).toEqual([1, 8, 16]);
    expect(rollUps.map((r) => r.milestones.achieved)).toEqual([0, 1, 3]);
  });

  it('reads today as it is: ?at= today and no ?at= answer the same', async () => {
    const today = todayInParis();
    const plain = (await http.get(`/api/roadmaps/${roadmapId}`).expect(200)).body as RoadmapDetailView;
    expect((await roadmapAt(today)).rollUp).toEqual(plain.rollUp);
  });

  it('leaves out at a past date an action created today, and keeps one deleted today (from the Corbeille)', async () => {
    const day = '2026-06-30';
    const before = await roadmapAt(day);
    const chronoBefore = chronogramOf((await http.get(`/api/roadmaps/${roadmapId}/chronogram?at=${day}`).expect(200)).body);
    const created = (
      await http
        .post(`/api/roadmaps/${roadmapId}/actions`)
        .send({
          functionId: communicationId,
          title: 'Action ajoutée aujourd’hui',
          start: '2026-01-05',
          due: '2026-02-27',
          status: 'terminee',
          progress: 100,
        })
        .expect(201)
    ).body as { id: string };
    const gone = chronoBefore.actions.find((a) => a.status === 'terminee' && a.functionId === communicationId)!;
    await http.delete(`/api/actions/${gone.id}?version=${gone.version}`).expect(204);

    const after = await roadmapAt(day);
    expect(after.rollUp).toEqual(before.rollUp);
    const chrono = chronogramOf((await http.get(`/api/roadmaps/${roadmapId}/chronogram?at=${day}`).expect(200)).body);
    expect(chrono.actions.map((a) => a.id)).not.toContain(created.id);
    expect(chrono.actions.find((a) => a.id === gone.id)).toMatchObject({ title: gone.title, status: 'terminee' });
    expect(chrono.roadmap.rollUp).toEqual(before.rollUp);
    // today, the new action counts and the deleted one does not
    const now = chronogramOf((await http.get(`/api/roadmaps/${roadmapId}/chronogram`).expect(200)).body);
    expect(now.actions.map((a) => a.id)).toContain(created.id);
    expect(now.actions.map((a) => a.id)).not.toContain(gone.id);
  });
});
