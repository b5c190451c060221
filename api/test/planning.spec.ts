import type { NestExpressApplication } from '@nestjs/platform-express';
import type {
  ActionView,
  CarryOverView,
  FunctionWithRollUpView,
  MilestoneView,
  PhasePlanView,
  RoadmapDetailView,
  RoadmapSummaryView,
} from '@jalons/contract';

import { createTestApp } from './app';
import { ensureAccount, signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { NEXT_MANDATE, nextMandate } from './factories/next-mandate';

describe('planning: functions, phase dates, carrying a mandate over', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let roadmapId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const one = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params))[0];
  const revision = async () => (await one<{ revision: number }>('select revision from roadmap where id = $1', [roadmapId])).revision;
  const fnRow = (code: string) =>
    one<{ id: string; version: number; color: string; description: string; owner_id: string | null; volets: unknown }>(
      'select id, version, color, description, owner_id, volets from target_function where roadmap_id = $1 and code = $2',
      [roadmapId, code],
    );

  describe('editing a function', () => {
    it('changes the description, colour and référent·e, with a new version, and moves the chronogram on', async () => {
      const before = await fnRow('mediation');
      const ownerId = await ensureAccount(db, 'nouvelle.referente@brest.example', 'owner', 'Nouvelle Référente');
      const rev = await revision();
      const res = await lead
        .patch(`/api/roadmaps/${roadmapId}/functions/${before.id}`)
        .send({ version: before.version, description: 'Accueillir et orienter les habitants.', color: '#00AAFF', ownerId })
        .expect(200);
      const view = res.body as FunctionWithRollUpView;
      expect(view).toMatchObject({ description: 'Accueillir et orienter les habitants.', color: '#00aaff', owner: { id: ownerId } });
      const after = await fnRow('mediation');
      expect(view.version).toBe(before.version + 1);
      expect(after).toMatchObject({ version: before.version + 1, color: '#00aaff', owner_id: ownerId });
      expect(await revision()).toBeGreaterThan(rev);
      const chrono = (await lead.get(`/api/roadmaps/${roadmapId}/chronogram`).expect(200)).body as { functions: FunctionWithRollUpView[] };
      expect(chrono.functions.find((f) => f.id === before.id)?.color).toBe('#00aaff');
    });

    it('refuses a stale version with a 409 and changes nothing', async () => {
      const before = await fnRow('mediation');
      const res = await lead
        .patch(`/api/roadmaps/${roadmapId}/functions/${before.id}`)
        .send({ version: before.version - 1, description: 'Écrasée ?' })
        .expect(409);
      expect(res.body).toMatchObject({ error: 'version_conflict', currentVersion: before.version });
      expect(await fnRow('mediation')).toEqual(before);
    });

    it('refuses volets on a function other than the central one (422), edits one volet of the central function', async () => {
      const other = await fnRow('juridique');
      const refused = await lead
        .patch(`/api/roadmaps/${roadmapId}/functions/${other.id}`)
        .send({ version: other.version, volets: [{ code: 'metiers', name: 'Métiers' }] })
        .expect(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'volets' })]);
      expect(await fnRow('juridique')).toEqual(other);

      const [{ code }] = await db.query<{ code: string }>('select code from target_function where roadmap_id = $1 and central', [
        roadmapId,
      ]);
      const central = await fnRow(code);
      const volets = central.volets as Array<{ code: string; name: string; description: string }>;
      const res = await lead
        .patch(`/api/roadmaps/${roadmapId}/functions/${central.id}`)
        .send({ version: central.version, volets: [{ code: 'technique', description: 'Le socle technique partagé.' }] })
        .expect(200);
      expect((res.body as FunctionWithRollUpView).volets).toEqual(
        volets.map((v) => (v.code === 'technique' ? { ...v, description: 'Le socle technique partagé.' } : v)),
      );
    });

    it('takes as référent·e only an active account of the owner or lead role (422 otherwise)', async () => {
      const fn = await fnRow('juridique');
      const elected = await ensureAccount(db, 'un.elu@brest.example', 'elected');
      const gone = await ensureAccount(db, 'partie@brest.example', 'owner');
      await db.query('update account set active = false where id = $1', [gone]);
      for (const ownerId of [elected, gone, '00000000-0000-4000-8000-000000000000']) {
        const res = await lead.patch(`/api/roadmaps/${roadmapId}/functions/${fn.id}`).send({ version: fn.version, ownerId }).expect(422);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'ownerId' })]);
      }
      const leadId = (await one<{ id: string }>(`select id from account where role = 'lead' limit 1`)).id;
      await lead.patch(`/api/roadmaps/${roadmapId}/functions/${fn.id}`).send({ version: fn.version, ownerId: leadId }).expect(200);
      expect((await fnRow('juridique')).owner_id).toBe(leadId);
    });

    it('checks the colour: #rrggbb (400), not another function’s or one too close to it (422)', async () => {
      const fn = await fnRow('juridique');
      const other = await fnRow('financiere');
      await lead.patch(`/api/roadmaps/${roadmapId}/functions/${fn.id}`).send({ version: fn.version, color: 'rouge' }).expect(400);
      const near = `#${other.color.slice(1, 6)}${other.color.endsWith('0') ? '1' : '0'}`;
      for (const color of [other.color, near]) {
        const res = await lead.patch(`/api/roadmaps/${roadmapId}/functions/${fn.id}`).send({ version: fn.version, color }).expect(422);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'color' })]);
      }
      expect(await fnRow('juridique')).toEqual(fn);
    });

    it('answers 404 for a function of another roadmap or none', async () => {
      await lead
        .patch(`/api/roadmaps/${roadmapId}/functions/00000000-0000-4000-8000-000000000000`)
        .send({ version: 1, description: 'x' })
        .expect(404);
    });
  });

  describe('re-planning the phases', () => {
    let detail: RoadmapDetailView;
    const phasesBody = (over: Record<string, { start?: string; end?: string }> = {}) =>
      detail.phases.map((p) => ({ code: p.code, start: over[p.code]?.start ?? p.start, end: over[p.code]?.end ?? p.end }));
    /** emergence starts three months later: post-électorale takes January to March 2027 */
    const later = () => phasesBody({ 'post-electorale': { end: '2027-03-31' }, emergence: { start: '2027-04-01' } });
    const state = () =>
      db.query(
        `select (select json_agg(json_build_array(code, start_date, end_date) order by position) from phase where roadmap_id = $1) phases,
                       (select sum(version) from action) av, (select sum(version) from milestone) mv, (select count(*) from change_history) h,
                       (select version from roadmap where id = $1) v`,
        [roadmapId],
      );

    beforeAll(async () => {
      detail = (await lead.get(`/api/roadmaps/${roadmapId}`).expect(200)).body;
    });

    it('lists in a dry run exactly the items whose phase would change, and changes nothing', async () => {
      const before = await state();
      const res = await lead
        .put(`/api/roadmaps/${roadmapId}/phases?dryRun=true`)
        .send({ version: detail.version, phases: later() })
        .expect(200);
      const plan = res.body as PhasePlanView;
      const expected = await db.query<{ id: string }>(
        `select id from (select id, start_date d, 0 k, title from action where roadmap_id = $1 and start_date between '2027-01-01' and '2027-03-31'
                         union all
                         select id, milestone_date, 1, title from milestone where roadmap_id = $1 and milestone_date between '2027-01-01' and '2027-03-31') x
          order by k, d, title, id`,
        [roadmapId],
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(plan.applied).toBe(false);
      expect(plan.moves.map((m) => m.id)).toEqual(expected.map((e) => e.id));
      expect(new Set(plan.moves.map((m) => `${m.from.code}→${m.to?.code}`))).toEqual(new Set(['emergence→post-electorale']));
      expect(plan.phases.find((p) => p.code === 'emergence')?.start).toBe('2027-04-01');
      expect(await state()).toEqual(before);
    });

    it('refuses gaps and overlaps (422 on the phase) and a stale version (409), changing nothing', async () => {
      const before = await state();
      const gap = phasesBody({ 'post-electorale': { end: '2027-03-30' }, emergence: { start: '2027-04-01' } });
      const overlap = phasesBody({ 'post-electorale': { end: '2027-04-01' }, emergence: { start: '2027-04-01' } });
      for (const phases of [gap, overlap]) {
        for (const dryRun of ['true', 'false']) {
          const res = await lead
            .put(`/api/roadmaps/${roadmapId}/phases?dryRun=${dryRun}`)
            .send({ version: detail.version, phases })
            .expect(422);
          expect(res.body.errors).toEqual([expect.objectContaining({ field: 'phases[2].start' })]);
        }
      }
      await lead
        .put(`/api/roadmaps/${roadmapId}/phases?dryRun=false`)
        .send({ version: detail.version + 7, phases: later() })
        .expect(409);
      expect(await state()).toEqual(before);
    });

    it('applies: phase dates, each moved item’s phase and version, a history line each, the roadmap’s version', async () => {
      const dry = (await lead.put(`/api/roadmaps/${roadmapId}/phases`).send({ version: detail.version, phases: later() }).expect(200))
        .body as PhasePlanView;
      const moved = dry.moves.map((m) => m.id);
      const versions = await db.query<{ id: string; version: number }>(
        'select id, version from action where id = any($1) union all select id, version from milestone where id = any($1)',
        [moved],
      );
      const historyBefore = Number((await one<{ n: string }>('select count(*) n from change_history')).n);
      const res = await lead
        .put(`/api/roadmaps/${roadmapId}/phases?dryRun=false`)
        .send({ version: detail.version, phases: later() })
        .expect(200);
      const plan = res.body as PhasePlanView;
      expect(plan).toMatchObject({ applied: true, version: detail.version + 1 });
      expect(plan.moves.map((m) => m.id)).toEqual(moved);
      const post = detail.phases.find((p) => p.code === 'post-electorale')!;
      const placed = await db.query<{ id: string; phase_id: string; version: number }>(
        'select id, phase_id, version from action where id = any($1) union all select id, phase_id, version from milestone where id = any($1)',
        [moved],
      );
      expect(placed.every((r) => r.phase_id === post.id)).toBe(true);
      expect(placed.map((r) => r.version).sort()).toEqual(versions.map((r) => r.version + 1).sort());
      const lines = await db.query<{ item_id: string; from_value: string; to_value: string; comment: string; actor: string }>(
        `select h.item_id, h.from_value, h.to_value, h.comment, a.email actor from change_history h join account a on a.id = h.actor_id
          where h.field = 'phase' and h.comment = 'phases replanifiées'`,
      );
      expect(lines.map((l) => l.item_id).sort()).toEqual([...moved].sort());
      const names = Object.fromEntries(detail.phases.map((p) => [p.code, p.name]));
      expect(lines[0]).toMatchObject({
        from_value: names['emergence'],
        to_value: names['post-electorale'],
        actor: 'camille.legoff@brest.example',
      });
      expect(Number((await one<{ n: string }>('select count(*) n from change_history')).n)).toBe(historyBefore + moved.length);
      const [{ start }] = await db.query<{ start: string }>(
        `select start_date::text start from phase where roadmap_id = $1 and code = 'emergence'`,
        [roadmapId],
      );
      expect(start).toBe('2027-04-01');
      // the same dates again move nothing
      const again = (await lead.put(`/api/roadmaps/${roadmapId}/phases`).send({ version: plan.version, phases: later() }).expect(200))
        .body as PhasePlanView;
      expect(again.moves).toEqual([]);
    });
  });

  describe('carrying unfinished items over into the next mandate', () => {
    let targetId: string;
    let pair: { predecessor_id: string; successor_id: string };
    let milestoneId: string;
    const counts = () =>
      one(`select (select count(*) from action) a, (select count(*) from milestone) m, (select count(*) from action_dependency) d,
                  (select count(*) from change_history) h, (select closed_at from roadmap where id = '${roadmapId}') closed`);
    const sourceHistory = () =>
      db.query(`select h.* from change_history h where h.item_id = any($1) order by h.at, h.id`, [
        [pair.predecessor_id, pair.successor_id, milestoneId],
      ]);

    beforeAll(async () => {
      targetId = await nextMandate(db);
      pair = await one(
        `select d.predecessor_id, d.successor_id from action_dependency d
           join action p on p.id = d.predecessor_id join action s on s.id = d.successor_id
          where p.roadmap_id = $1 and p.status not in ('terminee', 'abandonnee') and s.status not in ('terminee', 'abandonnee')
          order by p.start_date limit 1`,
        [roadmapId],
      );
      await db.query(`update action set status = 'en_cours', progress = 40 where id = $1`, [pair.predecessor_id]);
      ({ id: milestoneId } = await one<{ id: string }>(
        'select id from milestone where roadmap_id = $1 and achieved_on is null order by milestone_date limit 1',
        [roadmapId],
      ));
    });

    const body = (over: Record<string, unknown> = {}) => ({
      targetRoadmapId: targetId,
      actionIds: [pair.predecessor_id, pair.successor_id],
      milestoneIds: [milestoneId],
      close: true,
      ...over,
    });

    it('says in a dry run where each copy would fall, moved to the target’s start when it began before, and writes nothing', async () => {
      const before = await counts();
      const res = await lead.post(`/api/roadmaps/${roadmapId}/carry-over?dryRun=true`).send(body()).expect(200);
      const view = res.body as CarryOverView;
      expect(view).toMatchObject({ applied: false, closedAt: null, dependencies: 1 });
      expect(view.items).toHaveLength(3);
      const first = view.items.find((i) => i.sourceId === pair.predecessor_id)!;
      const src = await one<{ start: string; due: string }>('select start_date::text start, due_date::text due from action where id = $1', [
        pair.predecessor_id,
      ]);
      expect(first.from).toEqual(src);
      expect(src.start < NEXT_MANDATE.start).toBe(true); // began during the source's mandate, before the target's
      expect(first).toMatchObject({ shifted: true, to: { start: NEXT_MANDATE.start }, phase: { code: 'pre-electorale' } });
      const days = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
      expect(days(first.to.due) - days(first.to.start)).toBe(days(src.due) - days(src.start));
      expect(await counts()).toEqual(before);
    });

    it('refuses the whole request for one finished, unknown or foreign item (422), and a carry into itself; counts unchanged', async () => {
      const before = await counts();
      const [{ id: done }] = await db.query<{ id: string }>(
        `update action set status = 'terminee', progress = 100 where id = (select id from action where roadmap_id = $1 and id <> all($2)
           and status not in ('terminee', 'abandonnee') order by id limit 1) returning id`,
        [roadmapId, [pair.predecessor_id, pair.successor_id]],
      );
      const [{ id: reached }] = await db.query<{ id: string }>(
        `update milestone set achieved_on = '2026-01-15' where id = (select id from milestone where roadmap_id = $1 and id <> $2 order by id limit 1)
         returning id`,
        [roadmapId, milestoneId],
      );
      const bad = [
        body({ actionIds: [pair.predecessor_id, done] }),
        body({ milestoneIds: [milestoneId, reached] }),
        body({ actionIds: [pair.predecessor_id, '00000000-0000-4000-8000-000000000000'] }),
        body({ targetRoadmapId: roadmapId }),
      ];
      for (const b of bad) {
        const res = await lead.post(`/api/roadmaps/${roadmapId}/carry-over?dryRun=false`).send(b).expect(422);
        expect(res.body.error).toBe('rule_broken');
      }
      expect(await counts()).toEqual(before);
    });

    it('copies the items with their origin, status, progress, owner and dependency; the source and its history stay as they were', async () => {
      const history = await sourceHistory();
      const sources = await db.query('select * from action where id = any($1) order by id', [[pair.predecessor_id, pair.successor_id]]);
      const res = await lead.post(`/api/roadmaps/${roadmapId}/carry-over?dryRun=false`).send(body()).expect(200);
      const view = res.body as CarryOverView;
      expect(view.applied).toBe(true);
      expect(view.closedAt).toEqual(expect.any(String));

      const copies = await db.query<{ id: string; carried_from_id: string; status: string; progress: number; owner_id: string | null }>(
        'select id, carried_from_id, status, progress, owner_id from action where roadmap_id = $1 order by carried_from_id',
        [targetId],
      );
      expect(copies.map((c) => c.carried_from_id).sort()).toEqual([pair.predecessor_id, pair.successor_id].sort());
      for (const c of copies) {
        const s = (sources as Array<{ id: string; status: string; progress: number; owner_id: string | null }>).find(
          (x) => x.id === c.carried_from_id,
        )!;
        expect(c).toMatchObject({ status: s.status, progress: s.progress, owner_id: s.owner_id });
      }
      const copyOf = (id: string) => copies.find((c) => c.carried_from_id === id)!.id;
      expect(
        await db.query('select 1 from action_dependency where predecessor_id = $1 and successor_id = $2', [
          copyOf(pair.predecessor_id),
          copyOf(pair.successor_id),
        ]),
      ).toHaveLength(1);

      const action = (await lead.get(`/api/actions/${copyOf(pair.predecessor_id)}`).expect(200)).body as ActionView;
      const origin = sources.find((s) => (s as { id: string }).id === pair.predecessor_id) as { title: string };
      expect(action.carriedFrom).toEqual({ roadmapId, slug: 'brest-2026-2032', id: pair.predecessor_id, title: origin.title });
      const copyHistory = (await lead.get(`/api/actions/${action.id}/history`).expect(200)).body as Array<{
        field: string;
        comment: string;
      }>;
      expect(copyHistory).toEqual([
        expect.objectContaining({ field: 'created', comment: 'Reprise depuis Ville et Métropole de Brest, Mandat 2026–2032' }),
      ]);
      const milestoneCopy = view.items.find((i) => i.sourceId === milestoneId)!.copyId!;
      const milestone = (await lead.get(`/api/milestones/${milestoneCopy}`).expect(200)).body as MilestoneView;
      expect(milestone.carriedFrom?.id).toBe(milestoneId);
      expect(((await lead.get(`/api/actions/${pair.predecessor_id}`).expect(200)).body as ActionView).carriedFrom).toBeNull();

      expect(await sourceHistory()).toEqual(history);
      expect(await db.query('select * from action where id = any($1) order by id', [[pair.predecessor_id, pair.successor_id]])).toEqual(
        sources,
      );
      const summary = ((await lead.get('/api/roadmaps').expect(200)).body as RoadmapSummaryView[]).find((r) => r.id === roadmapId)!;
      expect(summary.closedAt).toBe(view.closedAt);
    });

    it('refuses to carry the same item into the same roadmap twice', async () => {
      const before = await counts();
      await lead
        .post(`/api/roadmaps/${roadmapId}/carry-over?dryRun=false`)
        .send(body({ close: false }))
        .expect(422);
      expect(await counts()).toEqual(before);
    });
  });
});
