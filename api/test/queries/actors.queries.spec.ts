import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { ActorsQueries } from '../../src/app/actors/actors.queries';
import type { ActorValues } from '../../src/app/actors/actors.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';
import { nextMandate } from '../factories/next-mandate';

/*
 * The diagnostic's queries, one by one, on a fresh database: the register lives in a roadmap of its
 * own (the next mandate, written by SQL); the actions are Brest's. What they write is read back with
 * independent SQL.
 */
describe('ActorsQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let q: ActorsQueries;
  let roadmapId: string;
  let brestId: string;
  let actionId: string;
  const NOBODY = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    q = new ActorsQueries(new Sql(orm.em.fork()));
    [{ id: brestId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    [{ id: actionId }] = await db.query<{ id: string }>('select id from action where roadmap_id = $1 order by id limit 1', [brestId]);
    roadmapId = await nextMandate(db);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const values = (name: string, more: Partial<ActorValues> = {}): ActorValues => ({
    name,
    kind: 'direction',
    referent: null,
    met_on: null,
    workshop: false,
    needs: [],
    data_types: [],
    personal_data: false,
    sensitive_data: false,
    group_override: null,
    group_override_reason: null,
    ...more,
  });
  const must = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('nothing written');
    return x;
  };
  const tx = <T>(work: (em: EntityManager) => Promise<T>) => orm.em.fork().transactional(work);
  const newActor = async (name: string, more: Partial<ActorValues> = {}, roadmap = roadmapId) => {
    const id = await q.insertActor(roadmap, values(name, more));
    if (!id) throw new Error(`${name} not inserted`);
    return id;
  };

  it('insertActor writes every column (lists as JSON); undefined for a name the roadmap has, whatever its case', async () => {
    const id = await newActor('Direction de l’eau', {
      kind: 'operateur',
      referent: 'Anne',
      met_on: '2025-02-10',
      workshop: true,
      needs: ['moyens', 'infrastructures'],
      data_types: ['geographiques'],
      personal_data: true,
      sensitive_data: true,
      group_override: 'leaders',
      group_override_reason: 'Porte la donnée',
    });
    const [row] = await db.query('select * from actor where id = $1', [id]);
    expect(row).toMatchObject({
      roadmap_id: roadmapId,
      name: 'Direction de l’eau',
      kind: 'operateur',
      referent: 'Anne',
      workshop: true,
      needs: ['moyens', 'infrastructures'],
      data_types: ['geographiques'],
      personal_data: true,
      sensitive_data: true,
      group_override: 'leaders',
      group_override_reason: 'Porte la donnée',
      version: 1,
    });
    expect(await q.insertActor(roadmapId, values('DIRECTION DE L’EAU'))).toBeUndefined();
    expect(await q.insertActor(brestId, values('Direction de l’eau (Brest)'))).toEqual(expect.any(String));
  });

  it('the table refuses an unknown need, an override without its reason (check constraints)', async () => {
    await expect(
      db.query(`insert into actor (roadmap_id, name, kind, needs) values ($1, 'X', 'direction', '["argent"]')`, [roadmapId]),
    ).rejects.toThrow(/actor_needs_check/);
    await expect(
      db.query(`insert into actor (roadmap_id, name, kind, group_override) values ($1, 'Y', 'direction', 'leaders')`, [roadmapId]),
    ).rejects.toThrow(/actor_group_override_reason_check/);
  });

  it('actors: the roadmap’s only; actor: one by id (undefined for none), dates as days', async () => {
    const id = await newActor('Opérateur lu', { met_on: '2025-03-01' });
    const all = await q.actors(roadmapId);
    expect(all.every((a) => a.roadmap_id === roadmapId)).toBe(true);
    expect(all.map((a) => a.id)).toContain(id);
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int n from actor where roadmap_id = $1', [roadmapId]);
    expect(all).toHaveLength(n);
    expect(await q.actor(id)).toMatchObject({ id, name: 'Opérateur lu', met_on: '2025-03-01', needs: [], version: 1 });
    expect(await q.actor(NOBODY)).toBeUndefined();
  });

  it('updateActor changes the columns given under the version read, moves it on; undefined when stale; 23505 for a taken name', async () => {
    const id = await newActor('À renommer');
    await newActor('Nom pris');
    expect(
      await q.updateActor(id, 1, { name: 'Renommé', needs: ['strategie'], group_override: 'median', group_override_reason: 'R' }),
    ).toBe(2);
    expect((await db.query('select name, needs, group_override, version from actor where id = $1', [id]))[0]).toEqual({
      name: 'Renommé',
      needs: ['strategie'],
      group_override: 'median',
      version: 2,
    });
    expect(await q.updateActor(id, 1, { name: 'Écrasé' })).toBeUndefined();
    await expect(q.updateActor(id, 2, { name: 'nom pris' })).rejects.toMatchObject({ code: '23505' });
    expect((await db.query('select name, version from actor where id = $1', [id]))[0]).toEqual({ name: 'Renommé', version: 2 });
  });

  it('insertAssessment: one per actor and day (undefined for a second); assessment, assessmentsOfActor oldest first, assessmentsOfRoadmap', async () => {
    const id = await newActor('Évalué');
    const later = must(
      await q.insertAssessment(id, {
        assessed_on: '2026-10-01',
        maturity: 4,
        ambition: 5,
        axes: { outils: { maturity: 4, ambition: 5 } },
        assessed_by: 'Équipe',
        comment: 'Deuxième campagne',
      }),
    );
    const first = await q.insertAssessment(id, {
      assessed_on: '2025-10-01',
      maturity: 2,
      ambition: 3,
      axes: {},
      assessed_by: 'Équipe',
      comment: null,
    });
    expect(
      await q.insertAssessment(id, { assessed_on: '2025-10-01', maturity: 1, ambition: 1, axes: {}, assessed_by: 'X', comment: null }),
    ).toBeUndefined();
    expect(await q.assessment(later)).toEqual({
      id: later,
      actor_id: id,
      assessed_on: '2026-10-01',
      maturity: 4,
      ambition: 5,
      axes: { outils: { maturity: 4, ambition: 5 } },
      assessed_by: 'Équipe',
      comment: 'Deuxième campagne',
    });
    expect((await q.assessmentsOfActor(id)).map((a) => a.id)).toEqual([first, later]);
    const ofRoadmap = await q.assessmentsOfRoadmap(roadmapId);
    expect(ofRoadmap.filter((a) => a.actor_id === id).map((a) => a.assessed_on)).toEqual(['2025-10-01', '2026-10-01']);
    const [{ n }] = await db.query<{ n: number }>(
      'select count(*)::int n from assessment s join actor a on a.id = s.actor_id where a.roadmap_id = $1',
      [roadmapId],
    );
    expect(ofRoadmap).toHaveLength(n);
    await expect(
      db.query(`insert into assessment (actor_id, assessed_on, maturity, ambition, assessed_by) values ($1, '2027-01-01', 6, 1, 'X')`, [
        id,
      ]),
    ).rejects.toThrow(/assessment_maturity_check/);
  });

  it('deleteAssessment and deleteActor: true once, false after; an actor goes with its assessments and links', async () => {
    const id = await newActor('À supprimer', {}, brestId);
    const s = must(
      await q.insertAssessment(id, { assessed_on: '2025-10-01', maturity: 2, ambition: 3, axes: {}, assessed_by: 'X', comment: null }),
    );
    expect(await q.deleteAssessment(s)).toBe(true);
    expect(await q.deleteAssessment(s)).toBe(false);
    await q.insertAssessment(id, { assessed_on: '2025-11-01', maturity: 2, ambition: 3, axes: {}, assessed_by: 'X', comment: null });
    await tx((em) => q.replaceActionActors(actionId, [id], em));
    expect(await q.deleteActor(id)).toBe(true);
    expect(await q.deleteActor(id)).toBe(false);
    expect(
      await db.query('select 1 from assessment where actor_id = $1 union all select 1 from action_actor where actor_id = $1', [id]),
    ).toEqual([]);
  });

  it('setTarget inserts then replaces; targets lists them; deleteTarget removes one', async () => {
    await q.setTarget(roadmapId, 'workshop', 80, '2028-12-31');
    await q.setTarget(roadmapId, 'workshop', 72.5, '2029-06-30');
    await q.setTarget(roadmapId, 'experts', 8, '2027-12-31');
    expect(await q.targets(roadmapId)).toEqual([
      { code: 'experts', value: 8, target_on: '2027-12-31' },
      { code: 'workshop', value: 72.5, target_on: '2029-06-30' },
    ]);
    await q.deleteTarget(roadmapId, 'experts');
    expect((await q.targets(roadmapId)).map((t) => t.code)).toEqual(['workshop']);
    expect(await q.targets(brestId)).toEqual(
      await db.query('select code, value, target_on::text from diagnostic_target where roadmap_id = $1 order by code', [brestId]),
    );
  });

  it('actionRoadmap (locked or not), actorIdsIn (the roadmap’s only), replaceActionActors, actionActors by name, targetedBy', async () => {
    expect(await q.actionRoadmap(actionId, false)).toEqual({ roadmap_id: brestId });
    expect(await q.actionRoadmap(NOBODY, false)).toBeUndefined();
    const [b, a] = [await newActor('Zz cible B', { referent: 'R' }, brestId), await newActor('Aa cible A', {}, brestId)];
    const stranger = await newActor('Étrangère');
    expect((await q.actorIdsIn(brestId, [a, b, stranger, NOBODY])).sort()).toEqual([a, b].sort());
    expect(await q.actorIdsIn(brestId, [])).toEqual([]);
    await tx(async (em) => {
      expect(await q.actionRoadmap(actionId, true, em)).toEqual({ roadmap_id: brestId });
      await q.replaceActionActors(actionId, [b, a], em);
    });
    expect(await q.actionActors(actionId)).toEqual([
      { id: a, name: 'Aa cible A', kind: 'direction', referent: null },
      { id: b, name: 'Zz cible B', kind: 'direction', referent: 'R' },
    ]);
    const [action] = await db.query<{ title: string; function_id: string }>('select title, function_id from action where id = $1', [
      actionId,
    ]);
    expect(await q.targetedBy(a)).toEqual([{ id: actionId, title: action.title, function_id: action.function_id }]);
    await tx((em) => q.replaceActionActors(actionId, [], em));
    expect(await q.actionActors(actionId)).toEqual([]);
    expect(await q.targetedBy(a)).toEqual([]);
  });
});
