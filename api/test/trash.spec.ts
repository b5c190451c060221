import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ActionView, ChronogramView, HistoryEntryView, MilestoneView, RestoredView, TrashEntryView } from '@jalons/contract';

import { chronogramOf } from '@jalons/contract';
import { createTestApp } from './app';
import { BREST, ensureAccount, signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/** The Corbeille over HTTP: deleting keeps, restoring gives back the same item with its history and arrows. */
describe('the Corbeille: delete with nothing lost, restore', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let c: ChronogramView;
  let roadmapId: string;
  const fn = (code: string) => c.functions.find((f) => f.code === code)!;

  /** what a refused restore must leave untouched */
  const counts = () =>
    db.query(`select (select count(*) from action) a, (select count(*) from milestone) m, (select count(*) from action_dependency) d,
                     (select count(*) from change_history) h, (select count(*) from deleted_item) t, (select sum(version) from action) v,
                     (select sum(version) from milestone) mv, (select sum(revision) from roadmap) r`);

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    [{ id: roadmapId }] = (await lead.get('/api/roadmaps').expect(200)).body;
    c = chronogramOf((await lead.get(`/api/roadmaps/${roadmapId}/chronogram`).expect(200)).body);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  let serial = 0;
  async function action(over: Record<string, unknown> = {}, who: TestAgent = lead): Promise<ActionView> {
    const body = { functionId: fn('mediation').id, title: `Action de la corbeille ${++serial}`, start: '2027-02-01', due: '2027-06-30' };
    return (
      await who
        .post(`/api/roadmaps/${roadmapId}/actions`)
        .send({ ...body, ...over })
        .expect(201)
    ).body;
  }
  async function milestone(over: Record<string, unknown> = {}): Promise<MilestoneView> {
    const body = { functionId: fn('mediation').id, title: `Jalon de la corbeille ${++serial}`, date: '2027-09-30' };
    return (
      await lead
        .post(`/api/roadmaps/${roadmapId}/milestones`)
        .send({ ...body, ...over })
        .expect(201)
    ).body;
  }
  const getAction = async (id: string): Promise<ActionView> => (await lead.get(`/api/actions/${id}`).expect(200)).body;
  const history = async (type: 'actions' | 'milestones', id: string): Promise<HistoryEntryView[]> =>
    (await lead.get(`/api/${type}/${id}/history`).expect(200)).body;
  const trash = async (who: TestAgent = lead): Promise<TrashEntryView[]> =>
    (await who.get(`/api/roadmaps/${roadmapId}/trash`).expect(200)).body;

  it('restores a deleted action with the same id, its whole history, its arrows both ways, and re-links its follower in the open', async () => {
    // each starts once the one before is due
    const before = await action({ title: 'Préparer le jeu de données', start: '2027-02-01', due: '2027-03-31' });
    const x = await action({ title: 'Publier le jeu de données', start: '2027-03-31', due: '2027-05-31', predecessorIds: [before.id] });
    const after = await action({
      functionId: fn('juridique').id,
      title: 'Annoncer la publication',
      start: '2027-05-31',
      due: '2027-06-30',
      predecessorIds: [x.id],
    });
    const x2: ActionView = (
      await lead
        .put(`/api/actions/${x.id}/status`)
        .send({ version: x.version, status: 'en_cours', progress: 30, comment: 'Lancée' })
        .expect(200)
    ).body;
    const etag = (await lead.get(`/api/roadmaps/${roadmapId}/chronogram`).expect(200)).headers['etag'];

    await lead.delete(`/api/actions/${x.id}?version=${x2.version}`).expect(204);
    await lead.get(`/api/actions/${x.id}`).expect(404);
    expect((await getAction(after.id)).predecessorIds).toEqual([]);
    const [entry] = await trash();
    expect(entry).toMatchObject({
      itemType: 'action',
      id: x.id,
      title: 'Publier le jeu de données',
      functionId: fn('mediation').id,
      functionName: fn('mediation').name,
      functionExists: true,
      deletedBy: { name: expect.any(String) },
      canRestore: true,
    });
    expect(new Date(entry.expiresAt).getTime() - new Date(entry.deletedAt).getTime()).toBe(90 * 86_400_000);
    const followerBefore = await getAction(after.id);

    const res: RestoredView<ActionView> = (await lead.post(`/api/actions/${x.id}/restore`).expect(200)).body;
    expect(res.skippedDependencies).toEqual([]);
    expect(res.item).toMatchObject({
      id: x.id,
      title: 'Publier le jeu de données',
      status: 'en_cours',
      progress: 30,
      predecessorIds: [before.id],
    });
    expect(res.item.version).toBeGreaterThan(x2.version);
    expect(await getAction(x.id)).toMatchObject({ id: x.id, version: res.item.version, phaseId: x.phaseId, owner: x.owner });
    const fields = (await history('actions', x.id)).map((h) => h.field);
    expect([fields[0], ...fields.slice(1, 3).sort(), ...fields.slice(3)]).toEqual(['created', 'progress', 'status', 'deleted', 'restored']);
    expect((await history('actions', x.id)).at(-1)).toMatchObject({
      to: 'Publier le jeu de données',
      comment: null,
      actor: { email: BREST.lead },
    });

    const follower = await getAction(after.id);
    expect(follower.predecessorIds).toEqual([x.id]);
    expect(follower.version).toBe(followerBefore.version + 1);
    expect((await history('actions', after.id)).at(-1)).toMatchObject({
      field: 'predecessor',
      from: null,
      to: 'Publier le jeu de données',
      comment: 'Action précédente restaurée.',
    });
    // gone from the Corbeille; a stale copy of the old version is refused; the chronogram shows it again, fresh
    expect((await trash()).map((t) => t.id)).not.toContain(x.id);
    await lead.patch(`/api/actions/${x.id}`).send({ version: x2.version, title: 'Périmée' }).expect(409);
    const chrono = await lead.get(`/api/roadmaps/${roadmapId}/chronogram`).set('If-None-Match', etag).expect(200);
    expect(chronogramOf(chrono.body).dependencies).toEqual(
      expect.arrayContaining([
        { predecessorId: before.id, successorId: x.id },
        { predecessorId: x.id, successorId: after.id },
      ]),
    );
  });

  it('leaves out, and reports, an arrow that would now close a cycle', async () => {
    // one-day steps on one day: any may follow any other
    const day = { start: '2027-03-01', due: '2027-03-01' };
    const p = await action({ title: 'Étape A', ...day });
    const x = await action({ title: 'Étape B', ...day, predecessorIds: [p.id] });
    const s = await action({ title: 'Étape C', ...day, predecessorIds: [x.id] });
    await lead.delete(`/api/actions/${x.id}?version=${x.version}`).expect(204);
    // meanwhile C comes to precede A: A → B → C would close a loop
    const now = await getAction(p.id);
    await lead.post(`/api/actions/${p.id}/dependencies`).send({ predecessorId: s.id, version: now.version }).expect(201);

    const res: RestoredView<ActionView> = (await lead.post(`/api/actions/${x.id}/restore`).expect(200)).body;
    expect(res.item.predecessorIds).toEqual([p.id]);
    expect(res.skippedDependencies).toEqual([
      {
        predecessorId: x.id,
        predecessorTitle: 'Étape B',
        successorId: s.id,
        successorTitle: 'Étape C',
        reason: 'La dépendance « Étape B » → « Étape C » n’a pas été rétablie : elle fermerait un cycle.',
      },
    ]);
    expect((await getAction(s.id)).predecessorIds).toEqual([]);
    expect((await history('actions', x.id)).at(-1)).toMatchObject({ field: 'restored', comment: res.skippedDependencies[0].reason });
  });

  it('refuses with a 422 a restore whose function is gone or whose dates are now outside the roadmap, changing nothing', async () => {
    const x = await action({ title: 'Hors du mandat', start: '2026-04-01', due: '2026-05-31' });
    await lead.delete(`/api/actions/${x.id}?version=${x.version}`).expect(204);
    const [{ start_date: start }] = await db.query<{ start_date: string }>(
      `select to_char(start_date, 'YYYY-MM-DD') start_date from roadmap where id = $1`,
      [roadmapId],
    );
    await db.query(`update roadmap set start_date = '2026-06-01' where id = $1`, [roadmapId]);
    try {
      const before = await counts();
      const res = await lead.post(`/api/actions/${x.id}/restore`).expect(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('start');
      expect(res.body.message).toMatch(/^Restauration impossible : /);
      expect(await counts()).toEqual(before);
    } finally {
      await db.query(`update roadmap set start_date = $2 where id = $1`, [roadmapId, start]);
    }

    const [{ id: gone }] = await db.query<{ id: string }>(
      `insert into target_function (id, created_at, updated_at, roadmap_id, code, name, family, central, description, volets, color, position)
       select gen_random_uuid(), now(), now(), roadmap_id, 'ephemere', 'Fonction éphémère', family, false, '', '[]', '#123456', 99
       from target_function where id = $1 returning id`,
      [fn('mediation').id],
    );
    const m = await milestone({ functionId: gone, title: 'Jalon d’une fonction supprimée' });
    await lead.delete(`/api/milestones/${m.id}?version=${m.version}`).expect(204);
    await db.query('delete from target_function where id = $1', [gone]);
    const entry = (await trash()).find((t) => t.id === m.id)!;
    expect(entry).toMatchObject({ functionName: 'Fonction éphémère', functionExists: false });
    const before = await counts();
    const res = await lead.post(`/api/milestones/${m.id}/restore`).expect(422);
    expect(res.body.errors).toEqual([
      {
        field: 'functionId',
        message: 'Restauration impossible : la fonction « Fonction éphémère » n’existe plus dans cette feuille de route.',
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for what is not in the Corbeille, ignores entries older than 90 days and purges them at the next deletion', async () => {
    const old = await action({ title: 'Supprimée il y a longtemps' });
    await lead.delete(`/api/actions/${old.id}?version=${old.version}`).expect(204);
    await db.query(`update deleted_item set deleted_at = now() - interval '91 days' where item_id = $1`, [old.id]);
    expect((await trash()).map((t) => t.id)).not.toContain(old.id);
    await lead.post(`/api/actions/${old.id}/restore`).expect(404);

    const live = await action();
    const res = await lead.post(`/api/actions/${live.id}/restore`).expect(404);
    expect(res.body.message).toContain('n’est pas dans la corbeille');
    await lead.post('/api/milestones/00000000-0000-4000-8000-000000000000/restore').expect(404);
    await lead.post('/api/actions/pas-un-id/restore').expect(400);

    expect(await db.query('select item_id from deleted_item where item_id = $1', [old.id])).toHaveLength(1);
    await lead.delete(`/api/actions/${live.id}?version=${live.version}`).expect(204);
    expect(await db.query('select item_id from deleted_item where item_id = $1', [old.id])).toEqual([]);
    expect((await trash()).map((t) => t.id)).toContain(live.id);
  });

  it('lets a function owner list the Corbeille and restore the items of their functions only; elected officials and administrators cannot list', async () => {
    const owner = await signIn(app, db, 'owner');
    const [{ id: own }] = await db.query<{ id: string }>(
      `select f.id from target_function f join account a on a.id = f.owner_id where a.email = $1 and f.roadmap_id = $2 order by f.position limit 1`,
      [BREST.owner, roadmapId],
    );
    const other = c.functions.find((f) => f.id !== own && f.owner?.email !== BREST.owner)!;
    const mine = await action({ functionId: own, title: 'À moi' });
    const theirs = await action({ functionId: other.id, title: 'À une autre fonction' });
    await lead.delete(`/api/actions/${mine.id}?version=${mine.version}`).expect(204);
    await lead.delete(`/api/actions/${theirs.id}?version=${theirs.version}`).expect(204);

    const seen = await trash(owner);
    expect(seen.find((t) => t.id === mine.id)?.canRestore).toBe(true);
    expect(seen.find((t) => t.id === theirs.id)?.canRestore).toBe(false);
    await owner.post(`/api/actions/${theirs.id}/restore`).expect(403);
    await owner.post(`/api/actions/${mine.id}/restore`).expect(200);
    expect((await history('actions', mine.id)).at(-1)).toMatchObject({ field: 'restored', actor: { email: BREST.owner } });

    await (await signIn(app, db, 'elected')).get(`/api/roadmaps/${roadmapId}/trash`).expect(403);
    await (await signIn(app, db, 'admin')).get(`/api/roadmaps/${roadmapId}/trash`).expect(403);
    await lead.get('/api/roadmaps/00000000-0000-4000-8000-000000000000/trash').expect(404);
  });

  it('restores a milestone with its id, its owner and its history', async () => {
    const m = await milestone({ title: 'Comité installé' });
    const m2: MilestoneView = (await lead.patch(`/api/milestones/${m.id}`).send({ version: m.version, date: '2027-10-15' }).expect(200))
      .body;
    await lead.delete(`/api/milestones/${m.id}?version=${m2.version}`).expect(204);
    await lead.get(`/api/milestones/${m.id}`).expect(404);
    expect((await trash())[0]).toMatchObject({ itemType: 'milestone', id: m.id, title: 'Comité installé' });

    const res: RestoredView<MilestoneView> = (await lead.post(`/api/milestones/${m.id}/restore`).expect(200)).body;
    expect(res).toEqual({ item: expect.objectContaining({ id: m.id, date: '2027-10-15', owner: m.owner }), skippedDependencies: [] });
    expect(res.item.version).toBeGreaterThan(m2.version);
    expect((await history('milestones', m.id)).map((h) => h.field)).toEqual(['created', 'date', 'deleted', 'restored']);
    await lead.post(`/api/milestones/${m.id}/restore`).expect(404);
  });

  describe('a milestone’s owner', () => {
    it('is the function’s owner by default, nobody when asked, and shows in the lists and the chronogram', async () => {
      const m = await milestone();
      expect(m.owner?.id).toBe(fn('mediation').owner?.id);
      expect(m.owner?.id).toBeTruthy();
      expect((await milestone({ ownerId: null })).owner).toBeNull();
      const listed: MilestoneView[] = (await lead.get(`/api/roadmaps/${roadmapId}/milestones`).expect(200)).body;
      expect(listed.find((x) => x.id === m.id)?.owner).toEqual(m.owner);
      const chrono = chronogramOf((await lead.get(`/api/roadmaps/${roadmapId}/chronogram`).expect(200)).body);
      expect(chrono.milestones.find((x) => x.id === m.id)).toMatchObject({ ownerId: m.owner!.id });
      expect(chrono.milestones.find((x) => x.id === m.id)).not.toHaveProperty('owner');
      expect(chrono.persons.map((p) => p.id)).toContain(m.owner!.id);
      // the seeded ones too: each answers to its function's owner
      const [seeded] = await db.query<{ n: string; differing: string }>(
        `select count(*) n, count(*) filter (where m.owner_id is distinct from f.owner_id) differing
         from milestone m join target_function f on f.id = m.function_id where m.kit_key is not null`,
      );
      expect(Number(seeded.n)).toBeGreaterThan(0);
      expect(seeded.differing).toBe('0');
    });

    it('changes with a history line and a new version; an unknown or deactivated account is refused', async () => {
      const m = await milestone();
      const someone = await ensureAccount(db, 'nouvelle.referente@trash.example', 'owner', 'Nouvelle Référente');
      const changed: MilestoneView = (
        await lead.patch(`/api/milestones/${m.id}`).send({ version: m.version, ownerId: someone }).expect(200)
      ).body;
      expect(changed).toMatchObject({ owner: { id: someone, name: 'Nouvelle Référente' }, version: m.version + 1 });
      expect((await history('milestones', m.id)).at(-1)).toMatchObject({ field: 'owner', from: m.owner!.name, to: 'Nouvelle Référente' });

      const unknown = await lead
        .patch(`/api/milestones/${m.id}`)
        .send({ version: changed.version, ownerId: '00000000-0000-4000-8000-000000000000' })
        .expect(422);
      expect(unknown.body.errors).toEqual([{ field: 'ownerId', message: 'Cette personne n’existe pas.' }]);
      await db.query('update account set active = false where id = $1', [someone]);
      const inactive = await lead
        .post(`/api/roadmaps/${roadmapId}/milestones`)
        .send({ functionId: fn('mediation').id, title: 'X', date: '2027-09-30', ownerId: someone });
      expect(inactive.status).toBe(422);
      expect(inactive.body.errors).toEqual([{ field: 'ownerId', message: 'Ce compte est désactivé : choisissez une personne active.' }]);
      await lead.patch(`/api/milestones/${m.id}`).send({ version: changed.version, ownerId: 'quelqu’un' }).expect(400);
      expect((await lead.get(`/api/milestones/${m.id}`).expect(200)).body.version).toBe(changed.version);
    });
  });
});
