import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ActionView, ChronogramView, HistoryEntryView, MilestoneView } from '@jalons/contract';

import { chronogramOf } from '@jalons/contract';
import { createTestApp } from './app';
import { BREST, signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

describe('writing actions and milestones over HTTP', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: TestAgent;
  let c: ChronogramView;
  const fn = (code: string) => c.functions.find((f) => f.code === code)!;
  const phase = (code: string) => c.roadmap.phases.find((p) => p.code === code)!;

  /** what a refused request must leave untouched */
  const snapshot = () =>
    db.query(`select (select count(*) from action) a, (select count(*) from milestone) m, (select count(*) from action_dependency) d,
                     (select count(*) from change_history) h, (select coalesce(sum(version), 0) from action) v,
                     (select coalesce(sum(version), 0) from milestone) mv, (select sum(revision) from roadmap) r`);

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    http = await signIn(app, db, 'lead');
    const [r] = (await http.get('/api/roadmaps').expect(200)).body;
    c = chronogramOf((await http.get(`/api/roadmaps/${r.id}/chronogram`).expect(200)).body);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const newAction = (over: Record<string, unknown> = {}) => ({
    functionId: fn('mediation').id,
    title: 'Ouvrir un guichet citoyen de la donnée',
    description: 'Un point d’accueil pour répondre aux questions des habitants.',
    start: '2027-02-01',
    due: '2027-06-30',
    ...over,
  });

  async function create(over: Record<string, unknown> = {}): Promise<ActionView> {
    return (await http.post(`/api/roadmaps/${c.roadmap.id}/actions`).send(newAction(over)).expect(201)).body;
  }

  describe('actions', () => {
    it('records on another function’s action, with a new version, the predecessor that a function owner deletes', async () => {
      const owner = await signIn(app, db, 'owner');
      const [{ id: ownFunction }] = await db.query<{ id: string }>(
        'select f.id from target_function f join account a on a.id = f.owner_id where a.email = $1 and f.roadmap_id = $2 order by f.position limit 1',
        [BREST.owner, c.roadmap.id],
      );
      const other = c.functions.find((f) => f.id !== ownFunction && !f.central)!;
      const theirs = await create({ functionId: ownFunction, title: 'Préparer le jeu de données des équipements' });
      const follower = await create({
        functionId: other.id,
        title: 'Publier la carte des équipements',
        start: '2027-07-01',
        due: '2027-09-30',
        predecessorIds: [theirs.id],
      });

      await owner.delete(`/api/actions/${theirs.id}?version=${theirs.version}`).expect(204);

      const after: ActionView = (await http.get(`/api/actions/${follower.id}`).expect(200)).body;
      expect(after.predecessorIds).toEqual([]);
      expect(after.version).toBe(follower.version + 1);
      const history: HistoryEntryView[] = (await http.get(`/api/actions/${follower.id}/history`).expect(200)).body;
      expect(history.at(-1)).toMatchObject({
        field: 'predecessor',
        from: 'Préparer le jeu de données des équipements',
        to: null,
        comment: 'Action précédente supprimée.',
        actor: { email: BREST.owner },
      });
      // the follower's owner, working from the version they read, is told it changed
      await http.patch(`/api/actions/${follower.id}`).send({ version: follower.version, title: 'Autre titre' }).expect(409);
    });

    it('creates an action in the phase that contains its start date, owned by the function owner, with a history line', async () => {
      const a = await create({ comment: 'Demande du comité de pilotage' });
      expect(a).toMatchObject({
        title: 'Ouvrir un guichet citoyen de la donnée',
        start: '2027-02-01',
        due: '2027-06-30',
        status: 'a_lancer',
        progress: 0,
        version: 1,
      });
      expect(a.phaseId).toBe(phase('emergence').id);
      expect(a.owner?.id).toBe(fn('mediation').owner?.id);
      const h = (await http.get(`/api/actions/${a.id}/history`).expect(200)).body as HistoryEntryView[];
      expect(h).toHaveLength(1);
      expect(h[0]).toMatchObject({ field: 'created', comment: 'Demande du comité de pilotage' });
    });

    it('re-plans an action: new dates, new phase, a history line per changed field, version + 1', async () => {
      const a = await create();
      const res = await http
        .patch(`/api/actions/${a.id}`)
        .send({ version: a.version, start: '2026-10-01', due: '2027-01-15', comment: 'Avancé' })
        .expect(200);
      expect(res.body).toMatchObject({ start: '2026-10-01', due: '2027-01-15', version: 2, phaseId: phase('post-electorale').id });
      const h = (await http.get(`/api/actions/${a.id}/history`).expect(200)).body as HistoryEntryView[];
      expect(
        h
          .filter((e) => e.field !== 'created')
          .map((e) => [e.field, e.from, e.to])
          .sort(),
      ).toEqual(
        [
          ['due', '2027-06-30', '2027-01-15'],
          ['phase', "Phase d'émergence", 'Incubation post-électorale'],
          ['start', '2027-02-01', '2026-10-01'],
        ].sort(),
      );
      expect(h.filter((e) => e.field !== 'created').every((e) => e.comment === 'Avancé')).toBe(true);
    });

    it('updates status, progress and comment, and the function roll-up follows', async () => {
      const a = await create({ start: '2026-04-01', due: '2026-10-31' });
      const before = (await http.get(`/api/roadmaps/${c.roadmap.id}/functions/${fn('mediation').id}`).expect(200)).body;
      const res = await http
        .put(`/api/actions/${a.id}/status`)
        .send({ version: 1, status: 'terminee', progress: 100, comment: 'Livré' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'terminee', progress: 100, version: 2, health: 'on_track', overdue: false });
      const after = (await http.get(`/api/roadmaps/${c.roadmap.id}/functions/${fn('mediation').id}`).expect(200)).body;
      expect(after.rollUp.done).toBe(before.rollUp.done + 1);
      expect(after.rollUp.progress).toBeGreaterThan(before.rollUp.progress);
      const h = (await http.get(`/api/actions/${a.id}/history`).expect(200)).body as HistoryEntryView[];
      expect(h.find((e) => e.field === 'status')).toMatchObject({ from: 'a_lancer', to: 'terminee', comment: 'Livré' });
      expect(h.find((e) => e.field === 'progress')).toMatchObject({ from: '0', to: '100' });
    });

    it('deletes an action with its version; its history stays', async () => {
      const a = await create();
      await http.delete(`/api/actions/${a.id}?version=1`).expect(204);
      await http.get(`/api/actions/${a.id}`).expect(404);
      const h = (await http.get(`/api/actions/${a.id}/history`).expect(200)).body as HistoryEntryView[];
      expect(h.map((e) => e.field)).toEqual(['created', 'deleted']);
    });

    it('adds and removes a dependency, and refuses one that closes a cycle', async () => {
      const a = await create({ title: 'A' });
      // B starts once A is due (the arrows read « finish, then start »)
      const b = await create({ title: 'B', start: '2027-07-01', due: '2027-09-30', predecessorIds: [a.id] });
      expect(b.predecessorIds).toEqual([a.id]);
      const x = await create({ title: 'X' });
      const withX = (await http.post(`/api/actions/${b.id}/dependencies`).send({ version: b.version, predecessorId: x.id }).expect(201))
        .body as ActionView;
      expect(withX.predecessorIds.sort()).toEqual([a.id, x.id].sort());
      expect(withX.version).toBe(b.version + 1);
      const before = await snapshot();
      const cycle = await http.post(`/api/actions/${a.id}/dependencies`).send({ version: a.version, predecessorId: b.id }).expect(422);
      expect(cycle.body).toMatchObject({ statusCode: 422, error: 'rule_broken', errors: [{ field: 'predecessorId' }] });
      expect(cycle.body.message).toMatch(/cycle/);
      const self = await http.post(`/api/actions/${a.id}/dependencies`).send({ version: a.version, predecessorId: a.id }).expect(422);
      expect(self.body.errors[0].field).toBe('predecessorId');
      expect(await snapshot()).toEqual(before);
      const removed = (await http.delete(`/api/actions/${b.id}/dependencies/${x.id}?version=${withX.version}`).expect(200))
        .body as ActionView;
      expect(removed.predecessorIds).toEqual([a.id]);
      const chrono = chronogramOf((await http.get(`/api/roadmaps/${c.roadmap.id}/chronogram`).expect(200)).body);
      expect(chrono.dependencies).toContainEqual({ predecessorId: a.id, successorId: b.id });
      expect(chrono.dependencies).not.toContainEqual({ predecessorId: x.id, successorId: b.id });
    });

    it('refuses an arrow to an action that starts before its predecessor is due, naming both, on create and on add', async () => {
      const charte = await create({ title: 'Rédiger la charte', start: '2027-02-01', due: '2027-03-31' });
      const before = await snapshot();
      const early = await http
        .post(`/api/roadmaps/${c.roadmap.id}/actions`)
        .send(newAction({ title: 'Adopter la charte', start: '2027-03-30', due: '2027-05-31', predecessorIds: [charte.id] }))
        .expect(422);
      expect(early.body).toMatchObject({ error: 'rule_broken', errors: [{ field: 'predecessorIds' }] });
      expect(early.body.errors[0].message).toBe(
        '« Adopter la charte » commence le 30/03/2027, avant l’échéance de « Rédiger la charte » (31/03/2027) : replanifiez l’une des deux avant de les lier.',
      );
      const adopt = await create({ title: 'Adopter la charte', start: '2027-03-30', due: '2027-05-31' });
      const after = await snapshot();
      const added = await http
        .post(`/api/actions/${adopt.id}/dependencies`)
        .send({ version: adopt.version, predecessorId: charte.id })
        .expect(422);
      expect(added.body.errors).toEqual([{ field: 'predecessorId', message: early.body.errors[0].message }]);
      expect(await snapshot()).toEqual(after);
      expect(Number(after[0].a)).toBe(Number(before[0].a) + 1);
      // re-planned to start on the due date, the link is accepted
      const moved = (await http.patch(`/api/actions/${adopt.id}`).send({ version: adopt.version, start: '2027-03-31' }).expect(200))
        .body as ActionView;
      await http.post(`/api/actions/${adopt.id}/dependencies`).send({ version: moved.version, predecessorId: charte.id }).expect(201);
    });

    it('refuses a stale version with a 409 carrying the current version, and changes nothing', async () => {
      const a = await create();
      await http.put(`/api/actions/${a.id}/status`).send({ version: 1, status: 'en_cours', progress: 10 }).expect(200);
      const before = await snapshot();
      const res = await http.put(`/api/actions/${a.id}/status`).send({ version: 1, status: 'en_cours', progress: 50 }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'version_conflict', currentVersion: 2 });
      await http.patch(`/api/actions/${a.id}`).send({ version: 1, title: 'Autre' }).expect(409);
      await http.delete(`/api/actions/${a.id}?version=1`).expect(409);
      expect(await snapshot()).toEqual(before);
      expect((await http.get(`/api/actions/${a.id}`).expect(200)).body.progress).toBe(10);
    });

    it.each([
      ['due before start', { start: '2027-03-01', due: '2027-02-01' }, 'due'],
      ['start before the roadmap', { start: '2024-12-31', due: '2025-06-01' }, 'start'],
      ['due after the roadmap', { start: '2031-01-01', due: '2032-03-15' }, 'due'],
      ['terminée below 100 %', { status: 'terminee', progress: 60 }, 'progress'],
      ['a volet outside the central function', { volet: 'technique' }, 'volet'],
      ['a function of another roadmap', { functionId: '00000000-0000-4000-8000-000000000000' }, 'functionId'],
      ['an unknown owner', { ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId'],
      ['an unknown predecessor', { predecessorIds: ['00000000-0000-4000-8000-000000000000'] }, 'predecessorIds'],
    ])('refuses %s with a 422 naming the field, and writes nothing', async (_, over, field) => {
      const before = await snapshot();
      const res = await http.post(`/api/roadmaps/${c.roadmap.id}/actions`).send(newAction(over)).expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, error: 'rule_broken' });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(typeof res.body.message).toBe('string');
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['an unknown field', { phaseId: '00000000-0000-4000-8000-000000000000' }, 'phaseId'],
      ['a progress above 100', { progress: 101 }, 'progress'],
      ['a fractional progress', { progress: 12.5 }, 'progress'],
      ['a 29 February outside leap years', { start: '2027-02-29' }, 'start'],
      ['an unknown status', { status: 'finie' }, 'status'],
      ['an empty title', { title: '' }, 'title'],
      ['a malformed function id', { functionId: 'ethique' }, 'functionId'],
      ['a title of blanks only', { title: '   ' }, 'title'],
      ['a NUL character in a text', { description: 'avant\u0000après' }, 'description'],
      ['a title over 200 characters as PostgreSQL counts them', { title: 'a\uFE0F'.repeat(200) }, 'title'],
      ['a year 0000', { start: '0000-01-01' }, 'start'],
      ['predecessors given as one id instead of a list', { predecessorIds: '00000000-0000-4000-8000-000000000000' }, 'predecessorIds'],
    ])('refuses %s with a 400 naming the field', async (_, over, field) => {
      const before = await snapshot();
      const res = await http.post(`/api/roadmaps/${c.roadmap.id}/actions`).send(newAction(over)).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'validation_failed' });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a status update without version, or terminée below 100 %', async () => {
      const a = await create();
      const noVersion = await http.put(`/api/actions/${a.id}/status`).send({ status: 'en_cours', progress: 10 }).expect(400);
      expect(noVersion.body.errors[0].field).toBe('version');
      const rule = await http.put(`/api/actions/${a.id}/status`).send({ version: 1, status: 'terminee', progress: 90 }).expect(422);
      expect(rule.body.errors[0].field).toBe('progress');
    });

    it('refuses a re-plan that breaks a rule, leaving the action as it was', async () => {
      const a = await create();
      const before = await snapshot();
      const res = await http.patch(`/api/actions/${a.id}`).send({ version: 1, due: '2027-01-01' }).expect(422);
      expect(res.body.errors[0].field).toBe('due');
      expect(await snapshot()).toEqual(before);
      expect((await http.get(`/api/actions/${a.id}`).expect(200)).body).toMatchObject({
        start: '2027-02-01',
        due: '2027-06-30',
        version: 1,
      });
    });

    it('answers unknown ids with 404 on every action route', async () => {
      const id = '00000000-0000-4000-8000-000000000000';
      await http.get(`/api/actions/${id}`).expect(404);
      await http.get(`/api/actions/${id}/history`).expect(404);
      await http.patch(`/api/actions/${id}`).send({ version: 1, title: 'x' }).expect(404);
      await http.put(`/api/actions/${id}/status`).send({ version: 1, status: 'en_cours', progress: 1 }).expect(404);
      await http.delete(`/api/actions/${id}?version=1`).expect(404);
      await http.post(`/api/actions/${id}/dependencies`).send({ version: 1, predecessorId: id }).expect(404);
      const a = await create();
      // an unknown predecessor is a fault of the body, not of the address: 422 naming the field, as on create
      const res = await http.post(`/api/actions/${a.id}/dependencies`).send({ version: 1, predecessorId: id }).expect(422);
      expect(res.body).toMatchObject({ error: 'rule_broken', errors: [{ field: 'predecessorId' }] });
      await http.delete(`/api/actions/${a.id}/dependencies/${id}?version=1`).expect(404);
      await http.post(`/api/roadmaps/${id}/actions`).send(newAction()).expect(404);
    });

    it('answers a body nested too deep with a 400 instead of overflowing the validator', async () => {
      const deep = `{"title":"x","x":${'['.repeat(60_000)}${']'.repeat(60_000)}}`;
      const res = await http.post(`/api/roadmaps/${c.roadmap.id}/actions`).set('content-type', 'application/json').send(deep).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'validation_failed', errors: [{ field: 'body' }] });
    });

    it('keeps the version when a status update changes nothing', async () => {
      const a = await create();
      const same = await http.put(`/api/actions/${a.id}/status`).send({ version: 1, status: 'a_lancer', progress: 0 }).expect(200);
      expect(same.body.version).toBe(1);
      const h = (await http.get(`/api/actions/${a.id}/history`).expect(200)).body as HistoryEntryView[];
      expect(h.map((e) => e.field)).toEqual(['created']);
    });

    it('answers a malformed JSON body and a body too large with a 4xx in the one shape', async () => {
      const bad = await http
        .post(`/api/roadmaps/${c.roadmap.id}/actions`)
        .set('content-type', 'application/json')
        .send('{"title": ')
        .expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, error: 'bad_request' });
      expect(bad.body.message).toMatch(/JSON/);
      const big = await http
        .post(`/api/roadmaps/${c.roadmap.id}/actions`)
        .send(newAction({ description: 'x'.repeat(300_000) }))
        .expect(413);
      expect(big.body).toMatchObject({ statusCode: 413, error: 'payload_too_large' });
      expect(JSON.stringify(big.body)).not.toMatch(/at .*\.js/);
    });
  });

  describe('concurrent writes', () => {
    it('lets one of two updates sent with the same version win; the other gets a 409 with the current version', async () => {
      const a = await create();
      const results = await Promise.all([
        http.put(`/api/actions/${a.id}/status`).send({ version: 1, status: 'en_cours', progress: 20 }),
        http.put(`/api/actions/${a.id}/status`).send({ version: 1, status: 'en_cours', progress: 70 }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const refused = results.find((r) => r.status === 409)!;
      expect(refused.body).toMatchObject({ error: 'version_conflict', currentVersion: 2 });
      const winner = results.find((r) => r.status === 200)!;
      expect((await http.get(`/api/actions/${a.id}`).expect(200)).body.progress).toBe(winner.body.progress);
    });

    it('deletes once when two deletes with the same version arrive together, and never deletes over a newer version', async () => {
      const a = await create();
      const both = await Promise.all([http.delete(`/api/actions/${a.id}?version=1`), http.delete(`/api/actions/${a.id}?version=1`)]);
      expect(both.map((r) => r.status).sort()).toEqual([204, 404]);
      const h = (await http.get(`/api/actions/${a.id}/history`).expect(200)).body as HistoryEntryView[];
      expect(h.map((e) => e.field)).toEqual(['created', 'deleted']);
      const b = await create();
      const [update, del] = await Promise.all([
        http.put(`/api/actions/${b.id}/status`).send({ version: 1, status: 'en_cours', progress: 5 }),
        http.delete(`/api/actions/${b.id}?version=1`),
      ]);
      // whichever came first, the other saw version 1 go stale
      expect([update.status, del.status].sort()).toEqual(update.status === 200 ? [200, 409] : [204, 404]);
    });

    it('never answers 500 when a predecessor is deleted while an arrow to it is being added', async () => {
      for (let i = 0; i < 5; i++) {
        const p = await create({ title: `P${i}` });
        const s2 = await create({ title: `S${i}` });
        const [add, createWith, del] = await Promise.all([
          http.post(`/api/actions/${s2.id}/dependencies`).send({ version: 1, predecessorId: p.id }),
          http.post(`/api/roadmaps/${c.roadmap.id}/actions`).send(newAction({ title: `T${i}`, predecessorIds: [p.id] })),
          http.delete(`/api/actions/${p.id}?version=1`),
        ]);
        expect([201, 422]).toContain(add.status);
        expect([201, 422]).toContain(createWith.status);
        expect(del.status).toBe(204);
      }
      const [{ n }] = await db.query<{ n: string }>(
        'select count(*) n from action_dependency d left join action a on a.id = d.predecessor_id where a.id is null',
      );
      expect(n).toBe('0');
    });
  });

  describe('the chronogram after writes', () => {
    it('follows every write, also when read through another API instance on the same database', async () => {
      const other = await createTestApp(db.url);
      const otherHttp = await signIn(other.app, db, 'elected');
      try {
        const url = `/api/roadmaps/${c.roadmap.id}/chronogram`;
        const first = await otherHttp.get(url).expect(200);
        const etag = first.headers['etag'];
        expect(etag).toMatch(/^W\//);
        // unchanged roadmap: the client's copy is still good
        await otherHttp.get(url).set('If-None-Match', etag).expect(304);
        const a = await create({ title: 'Visible partout' });
        const second = await otherHttp.get(url).set('If-None-Match', etag).expect(200);
        expect(second.headers['etag']).not.toBe(etag);
        expect(chronogramOf(second.body).actions.map((x) => x.id)).toContain(a.id);
        await http.put(`/api/actions/${a.id}/status`).send({ version: 1, status: 'en_cours', progress: 35 }).expect(200);
        const third = chronogramOf((await otherHttp.get(url).expect(200)).body);
        expect(third.actions.find((x) => x.id === a.id)).toMatchObject({ status: 'en_cours', progress: 35, version: 2 });
      } finally {
        await other.app.close();
      }
    });

    it('refuses one of two dependencies added at the same moment that together would close a cycle', async () => {
      // one-day actions on the same day: either may follow the other
      const a = await create({ title: 'P', start: '2027-03-01', due: '2027-03-01' });
      const b = await create({ title: 'Q', start: '2027-03-01', due: '2027-03-01' });
      const results = await Promise.all([
        http.post(`/api/actions/${b.id}/dependencies`).send({ version: b.version, predecessorId: a.id }),
        http.post(`/api/actions/${a.id}/dependencies`).send({ version: a.version, predecessorId: b.id }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
      const [{ n }] = await db.query<{ n: string }>(
        'select count(*) n from action_dependency where (predecessor_id = $1 and successor_id = $2) or (predecessor_id = $2 and successor_id = $1)',
        [a.id, b.id],
      );
      expect(n).toBe('1');
    });
  });

  describe('recent changes', () => {
    it("lists the roadmap's latest changes newest first, with the item titles, deleted items included", async () => {
      const a = await create({ title: 'Changement récent' });
      await http.put(`/api/actions/${a.id}/status`).send({ version: 1, status: 'en_cours', progress: 15, comment: 'Démarré' }).expect(200);
      const b = await create({ title: 'Bientôt supprimée' });
      await http.delete(`/api/actions/${b.id}?version=1`).expect(204);
      const res = await http.get(`/api/roadmaps/${c.roadmap.id}/changes?limit=4`).expect(200);
      expect(res.body.map((e: { field: string; itemTitle: string }) => [e.itemTitle, e.field])).toEqual([
        ['Bientôt supprimée', 'deleted'],
        ['Bientôt supprimée', 'created'],
        ['Changement récent', expect.stringMatching(/^(status|progress)$/)],
        ['Changement récent', expect.stringMatching(/^(status|progress)$/)],
      ]);
      expect(res.body[2].comment).toBe('Démarré');
      for (const bad of ['0', '101', 'abc']) {
        const r = await http.get(`/api/roadmaps/${c.roadmap.id}/changes?limit=${bad}`).expect(400);
        expect(r.body.errors[0].field).toBe('limit');
      }
      await http.get('/api/roadmaps/00000000-0000-4000-8000-000000000000/changes').expect(404);
    });
  });

  describe('milestones', () => {
    const newMilestone = (over: Record<string, unknown> = {}) => ({
      functionId: fn('ethique').id,
      title: 'Charte signée par dix partenaires',
      date: '2027-10-15',
      ...over,
    });

    it('creates, marks achieved, and deletes a milestone, each change in its history', async () => {
      const m = (await http.post(`/api/roadmaps/${c.roadmap.id}/milestones`).send(newMilestone()).expect(201)).body as MilestoneView;
      expect(m).toMatchObject({ date: '2027-10-15', achievedOn: null, state: 'upcoming', phaseId: phase('emergence').id, version: 1 });
      const moved = (
        await http
          .patch(`/api/milestones/${m.id}`)
          .send({ version: 1, date: '2026-06-30', achievedOn: '2026-07-02', comment: 'Signée en juillet' })
          .expect(200)
      ).body as MilestoneView;
      expect(moved).toMatchObject({
        date: '2026-06-30',
        achievedOn: '2026-07-02',
        state: 'achieved',
        phaseId: phase('post-electorale').id,
        version: 2,
      });
      const h = (await http.get(`/api/milestones/${m.id}/history`).expect(200)).body as HistoryEntryView[];
      expect(h.map((e) => e.field).sort()).toEqual(['achievedOn', 'created', 'date', 'phase']);
      await http.delete(`/api/milestones/${m.id}?version=1`).expect(409);
      await http.delete(`/api/milestones/${m.id}?version=2`).expect(204);
      await http.get(`/api/milestones/${m.id}`).expect(404);
    });

    it('refuses a date outside the roadmap, an achievement in the future, a stale version', async () => {
      const before = await snapshot();
      const out = await http
        .post(`/api/roadmaps/${c.roadmap.id}/milestones`)
        .send(newMilestone({ date: '2033-01-01' }))
        .expect(422);
      expect(out.body.errors[0].field).toBe('date');
      const future = await http
        .post(`/api/roadmaps/${c.roadmap.id}/milestones`)
        .send(newMilestone({ achievedOn: '2099-01-01' }))
        .expect(422);
      expect(future.body.errors[0].field).toBe('achievedOn');
      const extra = await http
        .post(`/api/roadmaps/${c.roadmap.id}/milestones`)
        .send(newMilestone({ achieved: true }))
        .expect(400);
      expect(extra.body.errors[0].field).toBe('achieved');
      expect(await snapshot()).toEqual(before);
      const stale = await http.patch(`/api/milestones/${c.milestones[0].id}`).send({ version: 99, title: 'x' }).expect(409);
      expect(stale.body.currentVersion).toBe(c.milestones[0].version);
      await http.patch('/api/milestones/00000000-0000-4000-8000-000000000000').send({ version: 1, title: 'x' }).expect(404);
      await http.delete('/api/milestones/00000000-0000-4000-8000-000000000000?version=x').expect(400);
    });
  });
});
