import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ActionView, ActorView, DiagnosticView, FigureView, RoadmapSummaryView, TargetActorView } from '@jalons/contract';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/*
 * Brest seeded as on a first start (seeds/roadmaps/brest-2026-2032.json): the figures computed from its
 * register equal the study's (« Préfiguration d'un service public de la donnée », Les chiffres). The
 * expected values are the study's, written here as numbers, never read from the code under test.
 */

/** The study's as-of day for the seeded state, and a day between the diagnostic and the autumn 2026 campaign. */
const TODAY = '2026-11-29';
const AFTER_DIAGNOSTIC = '2026-01-01';

/** The actors the October 2026 campaign moved on the map. */
const MOVERS = [
  'Direction de la commande publique',
  'Direction de la culture',
  'Direction des mobilités',
  'Direction des ressources humaines',
  "Direction des systèmes d'information et des télécommunications (DSIT)",
  "Direction de l'éducation",
  'SPL Rade Mobilités',
];

describe('Brest’s diagnostic, seeded: the study’s figures computed from the register', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: TestAgent;
  let roadmapId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    http = await signIn(app, db, 'elected');
    const roadmaps = (await http.get('/api/roadmaps').expect(200)).body as RoadmapSummaryView[];
    roadmapId = roadmaps.find((r) => r.slug === 'brest-2026-2032')!.id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const diagnostic = async (on: string) =>
    (await http.get(`/api/roadmaps/${roadmapId}/diagnostic?on=${on}`).expect(200)).body as DiagnosticView;
  const figure = (view: DiagnosticView, code: string): FigureView => {
    const found = view.figures.find((f) => f.code === code);
    if (!found) throw new Error(`no figure ${code}`);
    return found;
  };

  it.each([TODAY, AFTER_DIAGNOSTIC])('on %s: 80 % of operators and 50 % of directions met, 45 % mature and ambitious', async (on) => {
    const view = await diagnostic(on);
    expect(figure(view, 'operators-met')).toMatchObject({ unit: 'percent', value: 80, study: { value: 80, comparison: 'eq' } });
    expect(figure(view, 'directions-met')).toMatchObject({ unit: 'percent', value: 50, study: { value: 50, comparison: 'eq' } });
    expect(figure(view, 'mature-ambitious')).toMatchObject({ unit: 'percent', value: 45, study: { value: 45, comparison: 'eq' } });
  });

  it.each([TODAY, AFTER_DIAGNOSTIC])(
    'on %s: more than 60 % came to the workshop, three quarters hold personal data, 3 handle sensitive data, 6 experts',
    async (on) => {
      const view = await diagnostic(on);
      const workshop = figure(view, 'workshop');
      expect(workshop.study).toEqual({ value: 60, comparison: 'gt' });
      expect(workshop.value).toBeGreaterThan(60);
      expect(figure(view, 'personal-data')).toMatchObject({ unit: 'percent', value: 75, study: { value: 75, comparison: 'eq' } });
      expect(figure(view, 'sensitive-data')).toMatchObject({ unit: 'count', value: 3, study: { value: 3, comparison: 'eq' } });
      expect(figure(view, 'experts')).toMatchObject({ unit: 'count', value: 6, study: { value: 6, comparison: 'eq' } });
    },
  );

  it('counts the figures over the 20 actors of the diagnostic, the 5 operators and the 24 directions', async () => {
    const view = await diagnostic(TODAY);
    expect(figure(view, 'operators-met')).toMatchObject({ numerator: 4, denominator: 5 });
    expect(figure(view, 'directions-met')).toMatchObject({ numerator: 12, denominator: 24 });
    expect(figure(view, 'mature-ambitious')).toMatchObject({ numerator: 9, denominator: 20 });
    expect(figure(view, 'workshop')).toMatchObject({ numerator: 13, denominator: 20 });
    expect(figure(view, 'personal-data')).toMatchObject({ numerator: 15, denominator: 20 });
    // the study gives no value for the référents: the register's own (17 of 24, as the action's comment says)
    expect(figure(view, 'referents')).toMatchObject({ study: null, numerator: 17, denominator: 24 });
  });

  it('places one point per assessed actor, no more', async () => {
    const actors = (await http.get(`/api/roadmaps/${roadmapId}/actors`).expect(200)).body as ActorView[];
    const assessed = actors.filter((a) => a.assessmentCount > 0).map((a) => a.name);
    expect(assessed).toHaveLength(20);
    const view = await diagnostic(TODAY);
    const points = view.actors.filter((a) => a.current !== null).map((a) => a.name);
    expect(points.sort()).toEqual([...assessed].sort());
    expect(view.firstAssessmentOn).toBe('2025-10-15');
    expect(view.lastAssessmentOn).toBe('2026-10-20');
  });

  it('shows the actors the October 2026 campaign moved: their first position differs from today’s', async () => {
    const view = await diagnostic(TODAY);
    const moved = view.actors.filter((a) => a.moved);
    expect(moved.map((a) => a.name).sort()).toEqual([...MOVERS].sort());
    for (const a of moved) {
      expect(a.first?.on).toBe('2025-10-15');
      expect(a.current?.on).toBe('2026-10-20');
      expect([a.first?.maturity, a.first?.ambition]).not.toEqual([a.current?.maturity, a.current?.ambition]);
    }
    const dsit = view.actors.find((a) => a.name.endsWith('(DSIT)'))!;
    expect([dsit.first?.maturity, dsit.first?.ambition, dsit.current?.maturity, dsit.current?.ambition]).toEqual([4, 5, 5, 5]);
  });

  it('on 2026-01-01 every point stands where the diagnostic of October 2025 put it', async () => {
    const view = await diagnostic(AFTER_DIAGNOSTIC);
    const points = view.actors.filter((a) => a.current !== null);
    expect(points).toHaveLength(20);
    for (const a of points) {
      expect(a.current?.on).toBe('2025-10-15');
      expect(a.current).toEqual(a.first);
      expect(a.moved).toBe(false);
    }
  });

  it('the action « Désigner un référent données dans chaque direction » targets every direction, showing who has one', async () => {
    const actions = (await http.get(`/api/roadmaps/${roadmapId}/actions`).expect(200)).body as ActionView[];
    const action = actions.find((a) => a.kitKey === 'centrale.designer-referents-donnees')!;
    expect(action.title).toBe('Désigner un référent données dans chaque direction');
    const targeted = (await http.get(`/api/actions/${action.id}/actors`).expect(200)).body as TargetActorView[];
    const actors = (await http.get(`/api/roadmaps/${roadmapId}/actors`).expect(200)).body as ActorView[];
    const directions = actors.filter((a) => a.kind === 'direction').map((a) => a.name);
    expect(directions).toHaveLength(24);
    expect(targeted.map((t) => t.name).sort()).toEqual([...directions].sort());
    expect(targeted.filter((t) => t.referent !== null)).toHaveLength(17);
    expect(targeted.find((t) => t.name === "Service du système d'information géographique (SIG)")?.referent).toBe('Rozenn Le Roux');
  });

  it('seeds the functions’ indicators with their measurements, recorded by each function’s owner', async () => {
    const rows = await db.query<{ code: string; name: string; measurements: number; recorders: string[] }>(
      `select f.code, i.name, count(m.id)::int as measurements,
              coalesce(array_agg(distinct p.email) filter (where p.email is not null), '{}') as recorders, o.email as owner
         from indicator i join target_function f on f.id = i.function_id left join account o on o.id = f.owner_id
         left join measurement m on m.indicator_id = i.id left join account p on p.id = m.recorded_by
        where f.roadmap_id = $1 group by f.code, i.name, o.email order by f.code, i.name`,
      [roadmapId],
    );
    expect(rows).toHaveLength(9);
    expect(rows.find((r) => r.name === 'Traitements inscrits au registre')).toMatchObject({ code: 'juridique', measurements: 3 });
    expect(rows.find((r) => r.name === 'Jeux de données publiés')).toMatchObject({ code: 'centrale', measurements: 4 });
    for (const r of rows as Array<(typeof rows)[number] & { owner: string }>) expect(r.recorders).toEqual([r.owner]);
  });
});
