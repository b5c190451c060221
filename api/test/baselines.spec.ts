import type { NestExpressApplication } from '@nestjs/platform-express';
import type {
  ActionView,
  BaselineSlipsView,
  BaselineView,
  ChronogramView,
  HistoryEntryView,
  ItemSlipView,
  MilestoneView,
} from '@jalons/contract';
import { chronogramOf } from '@jalons/contract';
import { addDays } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

describe('baselines: the lead freezes the plan, slips are counted against it, re-plans say why', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let owner: TestAgent;
  let elected: TestAgent;
  let roadmapId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    owner = await signIn(app, db, 'owner');
    elected = await signIn(app, db, 'elected');
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params))[0].n);
  const baselineRows = () => count('select count(*) as n from baseline where roadmap_id = $1', [roadmapId]);
  const freeze = async (label: string, decision?: string) =>
    (await lead.post(`/api/roadmaps/${roadmapId}/baselines`).send({ label, decision }).expect(201)).body as BaselineView;
  const anAction = async (offset = 0) =>
    (
      await db.query<{ id: string }>('select id from action where roadmap_id = $1 and kit_key is not null order by id offset $2 limit 1', [
        roadmapId,
        offset,
      ])
    )[0].id;
  const action = async (id: string) => (await lead.get(`/api/actions/${id}`).expect(200)).body as ActionView;
  const milestone = async (id: string) => (await lead.get(`/api/milestones/${id}`).expect(200)).body as MilestoneView;

  describe('freezing', () => {
    it('refuses bad labels and decisions with a 400 naming the field, and freezes nothing', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{}, 'label'],
        [{ label: '   ' }, 'label'],
        [{ label: 'x'.repeat(151) }, 'label'],
        [{ label: 'v1', decision: 'x'.repeat(501) }, 'decision'],
        [{ label: 'v1', decision: 12 }, 'decision'],
        [{ label: 'v1', number: 7 }, 'number'],
        [{ label: null }, 'label'],
        [{ label: 'x'.repeat(10_000) }, 'label'],
        [{ label: ['v1'] }, 'label'],
        [{ label: 'v1', decisionId: 'délibération du 25/06' }, 'decisionId'],
      ];
      for (const [body, field] of cases) {
        const res = await lead.post(`/api/roadmaps/${roadmapId}/baselines`).send(body).expect(400);
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
      await lead.post('/api/roadmaps/00000000-0000-4000-8000-000000000000/baselines').send({ label: 'v1' }).expect(404);
      await lead.post(`/api/roadmaps/${roadmapId}/baselines`).set('Content-Type', 'application/json').send('{"label": ').expect(400);
      await lead
        .post(`/api/roadmaps/${roadmapId}/baselines`)
        .send([{ label: 'v1' }])
        .expect(400);
      await lead.post('/api/roadmaps/pas-un-id/baselines').send({ label: 'v1' }).expect(400);
      // no baseline yet: a re-plan needs no reason
      const a = await action(await anAction(1));
      await lead
        .patch(`/api/actions/${a.id}`)
        .send({ version: a.version, due: addDays(a.due as IsoDate, 1) })
        .expect(200);
      await owner.post(`/api/roadmaps/${roadmapId}/baselines`).send({ label: 'v1' }).expect(403);
      await elected.post(`/api/roadmaps/${roadmapId}/baselines`).send({ label: 'v1' }).expect(403);
      expect(await baselineRows()).toBe(0);
    });

    it('freezes every action and milestone as number 1, then 2, with the label, the decision and who froze it', async () => {
      const v1 = await freeze('v1 — plan voté', 'Délibération du conseil du 25/06/2026');
      const actions = await count('select count(*) as n from action where roadmap_id = $1', [roadmapId]);
      const milestones = await count('select count(*) as n from milestone where roadmap_id = $1', [roadmapId]);
      expect(actions).toBeGreaterThan(10);
      expect(v1).toMatchObject({
        number: 1,
        label: 'v1 — plan voté',
        decision: 'Délibération du conseil du 25/06/2026',
        decisionId: null,
        actions,
        milestones,
        latest: true,
        createdBy: { name: expect.any(String) },
      });
      // the copy is the rows' dates, function, phase and title, exactly
      const mismatches = await count(
        `select count(*) as n from action a full join (select * from baseline_item where baseline_id = $2 and item_type = 'action') i on i.item_id = a.id
          where a.roadmap_id = $1 and (i.item_id is null or i.start <> a.start_date or i.due <> a.due_date or i.title <> a.title
                or i.function_id <> a.function_id or i.phase_id <> a.phase_id)`,
        [roadmapId, v1.id],
      );
      expect(mismatches).toBe(0);
      const v2 = await freeze('v2');
      expect(v2).toMatchObject({ number: 2, decision: null, latest: true });
      const list = (await elected.get(`/api/roadmaps/${roadmapId}/baselines`).expect(200)).body as BaselineView[];
      expect(list.map((b) => [b.number, b.latest])).toEqual([
        [2, true],
        [1, false],
      ]);
      await lead.get('/api/roadmaps/00000000-0000-4000-8000-000000000000/baselines').expect(404);
    });

    it('numbers baselines made at once one after the other, without a gap or a failure', async () => {
      const made = await Promise.all(
        ['a', 'b', 'c'].map((l) => lead.post(`/api/roadmaps/${roadmapId}/baselines`).send({ label: `parallèle ${l}` })),
      );
      expect(made.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(made.map((r) => (r.body as BaselineView).number).sort()).toEqual([3, 4, 5]);
    });
  });

  describe('deleting and never changing', () => {
    it('deletes only the latest, for the lead only; the one before becomes the latest', async () => {
      const list = (await lead.get(`/api/roadmaps/${roadmapId}/baselines`).expect(200)).body as BaselineView[];
      const [latest, before] = list;
      const refused = await lead.delete(`/api/baselines/${before.id}`).expect(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
      await owner.delete(`/api/baselines/${latest.id}`).expect(403);
      await elected.delete(`/api/baselines/${latest.id}`).expect(403);
      await lead.patch(`/api/baselines/${latest.id}`).send({ label: 'changée' }).expect(404);
      await lead.put(`/api/baselines/${latest.id}`).send({ label: 'changée' }).expect(404);
      for (const b of list.slice(0, 3)) await lead.delete(`/api/baselines/${b.id}`).expect(204);
      await lead.delete(`/api/baselines/${latest.id}`).expect(404);
      const after = (await lead.get(`/api/roadmaps/${roadmapId}/baselines`).expect(200)).body as BaselineView[];
      expect(after.map((b) => [b.number, b.label, b.latest])).toEqual([
        [2, 'v2', true],
        [1, 'v1 — plan voté', false],
      ]);
      expect(await count('select count(*) as n from baseline_item where baseline_id = $1', [latest.id])).toBe(0);
    });
  });

  describe('re-planning an item of the latest baseline', () => {
    it('asks for a reason when a date changes (422 on reason), and changes nothing without it', async () => {
      const a = await action(await anAction());
      const res = await lead
        .patch(`/api/actions/${a.id}`)
        .send({ version: a.version, due: addDays(a.due as IsoDate, 10) })
        .expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      expect(await action(a.id)).toEqual(a);
      const m = (
        await db.query<{ id: string }>('select id from milestone where roadmap_id = $1 order by milestone_date, id limit 1', [roadmapId])
      )[0];
      const ms = await milestone(m.id);
      const refused = await lead
        .patch(`/api/milestones/${ms.id}`)
        .send({ version: ms.version, date: addDays(ms.date as IsoDate, -5) })
        .expect(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      expect(await milestone(ms.id)).toEqual(ms);
    });

    it('refuses an empty or too long reason with a 400 on reason', async () => {
      const a = await action(await anAction());
      for (const reason of ['', '  ', 'x'.repeat(501), 42]) {
        const res = await lead
          .patch(`/api/actions/${a.id}`)
          .send({ version: a.version, due: addDays(a.due as IsoDate, 10), reason })
          .expect(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      }
    });

    it('re-plans with a reason, kept on the history lines; other changes need none', async () => {
      const a = await action(await anAction());
      const reason = 'Marché public infructueux, relancé en septembre.';
      const moved = (
        await lead
          .patch(`/api/actions/${a.id}`)
          .send({ version: a.version, due: addDays(a.due as IsoDate, 10), reason })
          .expect(200)
      ).body as ActionView;
      expect(moved.due).toBe(addDays(a.due as IsoDate, 10));
      const history = (await lead.get(`/api/actions/${a.id}/history`).expect(200)).body as HistoryEntryView[];
      expect(history.at(-1)).toMatchObject({ field: 'due', from: a.due, to: moved.due, reason });
      expect(history.slice(0, -1).every((h) => h.reason === null)).toBe(true);
      const renamed = await lead
        .patch(`/api/actions/${a.id}`)
        .send({ version: moved.version, title: `${a.title} (renommée)` })
        .expect(200);
      expect((renamed.body as ActionView).version).toBe(moved.version + 1);
      // the same due date sent again is no date change
      await lead
        .patch(`/api/actions/${a.id}`)
        .send({ version: moved.version + 1, due: moved.due })
        .expect(200);
    });

    it('needs no reason for an item added since the latest baseline', async () => {
      const fn = (
        await db.query<{ id: string }>('select id from target_function where roadmap_id = $1 order by position limit 1', [roadmapId])
      )[0];
      const a = await action(await anAction());
      const created = (
        await lead
          .post(`/api/roadmaps/${roadmapId}/actions`)
          .send({ functionId: fn.id, title: 'Ajoutée après la référence', start: a.start, due: a.due })
          .expect(201)
      ).body as ActionView;
      await lead
        .patch(`/api/actions/${created.id}`)
        .send({ version: created.version, due: addDays(created.due as IsoDate, 3) })
        .expect(200);
    });
  });

  describe('slips', () => {
    it('gives each item its slip in calendar days, « nouveau », « supprimé », and per function and per phase', async () => {
      const [v2] = (await lead.get(`/api/roadmaps/${roadmapId}/baselines`).expect(200)).body as BaselineView[];
      // since v2: the first action moved +10 days (above), one action created; now a milestone −5 and one action deleted
      const m = (
        await db.query<{ id: string }>('select id from milestone where roadmap_id = $1 order by milestone_date, id limit 1', [roadmapId])
      )[0];
      const ms = await milestone(m.id);
      await lead
        .patch(`/api/milestones/${ms.id}`)
        .send({ version: ms.version, date: addDays(ms.date as IsoDate, -5), reason: 'Avancé.' })
        .expect(200);
      const msHistory = (await lead.get(`/api/milestones/${ms.id}/history`).expect(200)).body as HistoryEntryView[];
      expect(msHistory.at(-1)).toMatchObject({ field: 'date', reason: 'Avancé.' });
      const gone = await action(await anAction(5));
      await lead.delete(`/api/actions/${gone.id}?version=${gone.version}`).expect(204);
      const moved = await action(await anAction());

      const view = (await elected.get(`/api/baselines/${v2.id}/slips`).expect(200)).body as BaselineSlipsView;
      const byId = new Map(view.items.map((i) => [i.id, i]));
      expect(byId.get(moved.id)).toMatchObject({ state: 'planned', slipDays: 10, label: '+10 j', current: { due: moved.due } });
      expect(byId.get(ms.id)).toMatchObject({
        type: 'milestone',
        state: 'planned',
        slipDays: -5,
        label: '−5 j',
        baseline: { start: null, due: ms.date },
      });
      expect(byId.get(gone.id)).toMatchObject({ state: 'deleted', slipDays: null, label: 'supprimé', current: null, title: gone.title });
      const added = view.items.filter((i) => i.state === 'new');
      expect(added.map((i) => [i.title, i.label])).toEqual([['Ajoutée après la référence', 'nouveau']]);
      expect(view.items.filter((i) => i.state === 'planned' && i.slipDays !== 0).length).toBe(2);

      const fnSum = view.functions.find((f) => f.id === byId.get(moved.id)?.functionId);
      expect(fnSum).toMatchObject({ slipped: 1, totalDays: 10, maxDays: 10 });
      expect(view.functions.reduce((s, f) => s + f.slipped, 0)).toBe(1);
      expect(view.functions.reduce((s, f) => s + f.deleted, 0)).toBe(1);
      expect(view.functions.reduce((s, f) => s + f.added, 0)).toBe(1);
      const functions = await count('select count(*) as n from target_function where roadmap_id = $1', [roadmapId]);
      expect(view.functions).toHaveLength(functions);
      expect(view.phases).toHaveLength(4);
      expect(view.phases.reduce((s, p) => s + p.totalDays, 0)).toBe(10);
      expect(view.phases.find((p) => p.id === byId.get(moved.id)?.phaseId)).toMatchObject({
        slipped: 1,
        maxDays: 10,
        name: expect.any(String),
      });

      // against v1, the same: nothing moved between v1 and v2
      const v1 = (await lead.get(`/api/roadmaps/${roadmapId}/baselines`).expect(200)).body[1] as BaselineView;
      const older = (await lead.get(`/api/baselines/${v1.id}/slips`).expect(200)).body as BaselineSlipsView;
      expect(older.items.map((i) => [i.id, i.label])).toEqual(view.items.map((i) => [i.id, i.label]));
      await lead.get('/api/baselines/00000000-0000-4000-8000-000000000000/slips').expect(404);
      await lead.get('/api/baselines/pas-un-id/slips').expect(400);
    });
  });

  describe('the chronogram with a baseline’s dates (?baseline=)', () => {
    it('carries the chosen baseline’s dates of the shown items, deleted ones too, keyed apart in the cache', async () => {
      const [v2] = (await lead.get(`/api/roadmaps/${roadmapId}/baselines`).expect(200)).body as BaselineView[];
      const plain = await elected.get(`/api/roadmaps/${roadmapId}/chronogram`).expect(200);
      expect(plain.body.baseline).toBeUndefined();
      const res = await elected.get(`/api/roadmaps/${roadmapId}/chronogram?baseline=${v2.id}`).expect(200);
      expect(res.headers.etag).not.toBe(plain.headers.etag);
      const chrono = chronogramOf(res.body);
      expect(chrono.baseline).toMatchObject({ id: v2.id, number: 2, label: 'v2', decision: null });
      expect(chrono.baseline?.items).toHaveLength(v2.actions + v2.milestones);
      const slips = (await lead.get(`/api/baselines/${v2.id}/slips`).expect(200)).body as BaselineSlipsView;
      const moved = slips.items.find((i) => i.slipDays === 10) as ItemSlipView;
      const ghost = chrono.baseline?.items.find((i) => i.id === moved.id);
      expect(ghost).toEqual({
        type: 'action',
        id: moved.id,
        title: expect.any(String),
        start: moved.baseline?.start,
        due: moved.baseline?.due,
      });
      expect(chrono.actions.find((a) => a.id === moved.id)?.due).toBe(moved.current?.due);
      const deleted = slips.items.find((i) => i.state === 'deleted') as ItemSlipView;
      expect(chrono.baseline?.items.some((i) => i.id === deleted.id)).toBe(true);
      // the same again: from the cache, the same answer
      const again = await elected.get(`/api/roadmaps/${roadmapId}/chronogram?baseline=${v2.id}`).expect(200);
      expect(chronogramOf(again.body)).toEqual(chrono);

      // one function: its items as frozen, or shown now
      const fnId = moved.functionId;
      const one = chronogramOf(
        (await elected.get(`/api/roadmaps/${roadmapId}/chronogram?functionId=${fnId}&baseline=${v2.id}`).expect(200)).body,
      );
      const frozenHere = slips.items.filter((i) => i.state !== 'new' && i.functionId === fnId).map((i) => i.id);
      expect(one.baseline?.items.map((i) => i.id).sort()).toEqual([...frozenHere].sort());
      expect(frozenHere.length).toBeLessThan(chrono.baseline?.items.length ?? 0);
    });

    it('refuses a baseline of another roadmap or unknown (422 on baseline), a malformed one (400), and a deleted one', async () => {
      const [v2] = (await lead.get(`/api/roadmaps/${roadmapId}/baselines`).expect(200)).body as BaselineView[];
      const unknown = await lead.get(`/api/roadmaps/${roadmapId}/chronogram?baseline=00000000-0000-4000-8000-000000000000`).expect(422);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'baseline' })]);
      const bad = await lead.get(`/api/roadmaps/${roadmapId}/chronogram?baseline=v2`).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'baseline' })]);
      await lead.get(`/api/roadmaps/${roadmapId}/chronogram?baseline=${v2.id}`).expect(200);
      await lead.delete(`/api/baselines/${v2.id}`).expect(204);
      await lead.get(`/api/roadmaps/${roadmapId}/chronogram?baseline=${v2.id}`).expect(422);
    });
  });
});
