import type { NestExpressApplication } from '@nestjs/platform-express';
import { CHRONOGRAM_ACTION_COLUMNS, CHRONOGRAM_GROUPED_BY, CHRONOGRAM_MILESTONE_COLUMNS, chronogramOf } from '@jalons/contract';
import type { ChronogramView, ChronogramWire } from '@jalons/contract';
import { rollUp, todayInParis } from '@jalons/domain';
import type { ProgressItem } from '@jalons/domain';

import { ChronogramReader } from '../src/app/chronogram';
import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/*
 * Today's chronogram is written for speed (issue 14): the roll-ups come from SQL sums, and the body
 * travels as `ChronogramWire` (ADR 0034: bars and milestones as tables, no arrows). Read back with
 * the contract's `chronogramOf`, it must be the very view the original reader builds —
 * `ChronogramReader.view`, the bars as rows, the roll-ups from the domain's `rollUp` — field for
 * field, row for row and in order, whatever the statuses, progress and dates, for the whole roadmap
 * and for one function, at a past day and with a baseline.
 */
describe('the chronogram written by SQL is the view built in JavaScript', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let reader: ChronogramReader;
  let roadmapId: string;
  let functionIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url, { CHRONOGRAM_CACHE_SIZE: '0' }));
    lead = await signIn(app, db, 'lead');
    reader = app.get(ChronogramReader);
    [{ id: roadmapId }] = await db.query<{ id: string }>('select id from roadmap');
    functionIds = (
      await db.query<{ id: string }>('select id from target_function where roadmap_id = $1 order by position', [roadmapId])
    ).map((f) => f.id);
    // every status, odd progress, short and long actions, some abandoned, some finished early: the sums meet every branch
    await db.query(
      `update action set status = (array['a_lancer','en_cours','bloquee','terminee','abandonnee'])[1 + (abs(hashtext(id::text)) % 5)],
                         progress = abs(hashtext(title)) % 101,
                         due_date = start_date + (abs(hashtext(id::text || 'd')) % 400)
        where roadmap_id = $1`,
      [roadmapId],
    );
    const ids = (await db.query<{ id: string }>('select id from action where roadmap_id = $1 order by id limit 6', [roadmapId])).map(
      (a) => a.id,
    );
    // a one-day action, and arrows (one across functions)
    await db.query('update action set due_date = start_date where id = $1', [ids[0]]);
    await db.query(
      'insert into action_dependency (predecessor_id, successor_id) values ($1, $2), ($3, $4), ($5, $6) on conflict do nothing',
      ids,
    );
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const wireOf = async (query: string, agent = lead) =>
    (await agent.get(`/api/roadmaps/${roadmapId}/chronogram${query}`).expect(200)).body as ChronogramWire;
  const read = async (query: string, agent = lead) => chronogramOf(await wireOf(query, agent));
  const built = async (at: string, functionId?: string, emails = true, baselineId?: string) =>
    JSON.parse(JSON.stringify(await reader.view(roadmapId, at, functionId, emails, baselineId))) as ChronogramView;

  it('sends the bars and milestones as tables grouped by function and phase, one row each, and no arrows', async () => {
    const body = await wireOf('');
    const view = await built(todayInParis());
    expect(Object.keys(body)).toEqual(['roadmap', 'functions', 'actions', 'milestones', 'persons']);
    for (const table of [body.actions, body.milestones]) expect(table.groupedBy).toEqual([...CHRONOGRAM_GROUPED_BY]);
    expect(body.actions.columns).toEqual([...CHRONOGRAM_ACTION_COLUMNS]);
    expect(body.milestones.columns).toEqual([...CHRONOGRAM_MILESTONE_COLUMNS]);
    expect(body.actions.groups.flatMap((g) => g.rows)).toHaveLength(view.actions.length);
    expect(body.milestones.groups.flatMap((g) => g.rows)).toHaveLength(view.milestones.length);
    // fewer groups than bars, and two groups in a row never share both a function and a phase
    expect(body.actions.groups.length).toBeLessThan(view.actions.length);
    body.actions.groups.slice(1).forEach((g, i) => {
      const before = body.actions.groups[i];
      expect(g.functionId === before.functionId && g.phaseId === before.phaseId).toBe(false);
    });
    // a row is the bar's values in the columns' order, under its function and phase
    const [first] = body.actions.groups;
    const bar = view.actions[0] as unknown as Record<string, unknown>;
    expect([first.functionId, first.phaseId]).toEqual([bar['functionId'], bar['phaseId']]);
    expect(first.rows[0]).toEqual(CHRONOGRAM_ACTION_COLUMNS.map((c) => bar[c] ?? null));
  });

  it('gives the same roadmap, functions, bars, milestones, arrows and persons today and at a later day', async () => {
    for (const at of [todayInParis(), '2028-06-30', '2031-12-31']) {
      const wire = await read(at === todayInParis() ? '' : `?at=${at}`);
      const view = await built(at);
      expect(wire.actions.length).toBeGreaterThan(20);
      expect(wire.dependencies.length).toBeGreaterThan(0);
      expect(wire).toStrictEqual(view);
      // the order of the keys too: the text is the view's
      expect(JSON.stringify(wire)).toBe(JSON.stringify(view));
    }
  });

  it('gives the same for one function, with its arrows only', async () => {
    for (const functionId of functionIds.slice(0, 3)) {
      const wire = await read(`?functionId=${functionId}`);
      expect(wire).toStrictEqual(await built(todayInParis(), functionId));
      expect(wire.actions.every((a) => a.functionId === functionId)).toBe(true);
    }
  });

  it('rolls up from the sums exactly as the domain rolls up the actions', async () => {
    const at = '2027-03-31';
    const wire = await read(`?at=${at}`);
    const items = await db.query<ProgressItem & { function_id: string; phase_id: string }>(
      'select function_id, phase_id, start_date::text as start, due_date::text as due, status, progress from action where roadmap_id = $1',
      [roadmapId],
    );
    expect(wire.roadmap.rollUp).toEqual(rollUp(items, at));
    for (const f of wire.functions) {
      expect(f.rollUp).toEqual(
        rollUp(
          items.filter((i) => i.function_id === f.id),
          at,
        ),
      );
      for (const p of wire.roadmap.phases) {
        expect(f.byPhase[p.id]).toEqual(
          rollUp(
            items.filter((i) => i.function_id === f.id && i.phase_id === p.id),
            at,
          ),
        );
      }
    }
    expect(new Set(wire.functions.map((f) => f.rollUp.health)).size).toBeGreaterThan(0);
  });

  it('gives the same at a past day (the history replayed) and with a baseline’s dates', async () => {
    const past = '2026-11-20';
    expect(await read(`?at=${past}`)).toStrictEqual(await built(past));
    const v = (await lead.post(`/api/roadmaps/${roadmapId}/baselines`).send({ label: 'Fil' }).expect(201)).body as { id: string };
    const withBaseline = await read(`?baseline=${v.id}`);
    expect(withBaseline.baseline?.items.length).toBeGreaterThan(20);
    expect(withBaseline).toStrictEqual(await built(todayInParis(), undefined, true, v.id));
    const oneFunction = await read(`?functionId=${functionIds[1]}&baseline=${v.id}`);
    expect(oneFunction).toStrictEqual(await built(todayInParis(), functionIds[1], true, v.id));
  });

  it('names persons only by name for an elected official, as the view does', async () => {
    const elected = await signIn(app, db, 'elected');
    const wire = await read('', elected);
    expect(wire).toStrictEqual(await built(todayInParis(), undefined, false));
    expect(wire.persons.every((p) => !('email' in p) || p.email === null)).toBe(true);
  });
});
