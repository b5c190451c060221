import { chronogramOf } from '@jalons/contract';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ActionView, ChronogramView, MilestoneView, RoadmapDetailView } from '@jalons/contract';

import { KIT_FILE, loadKit } from '../src/app/roadmap-setup';
import type { KitFile } from '../src/app/roadmap-setup';
import { Migration20261129160000_provenance } from '../src/migrations/Migration20261129160000_provenance';
import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { nextMandate } from './factories/next-mandate';

const SEEDS = join(__dirname, '../../seeds');

/** Where the kit's items come from, over HTTP: in the item views, the chronogram, the lists' filter, the Corbeille, a carry-over. */
describe('the provenance of kit items and the purpose of the phases', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let roadmapId: string;
  let kit: KitFile;
  /** the kit's provenance of an item, as the views give it */
  let expected: Map<string, { kind: string; reference: string | null }>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    [{ id: roadmapId }] = (await lead.get('/api/roadmaps').expect(200)).body;
    kit = loadKit(KIT_FILE(SEEDS));
    expected = new Map(
      kit.functions
        .flatMap((f) => [...f.actions, ...f.milestones])
        .map((i) => [i.key, { kind: i.provenance, reference: i.reference ?? null }]),
    );
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const actions = async (query = ''): Promise<ActionView[]> =>
    (await lead.get(`/api/roadmaps/${roadmapId}/actions${query}`).expect(200)).body;
  const milestones = async (query = ''): Promise<MilestoneView[]> =>
    (await lead.get(`/api/roadmaps/${roadmapId}/milestones${query}`).expect(200)).body;
  const chronogram = async (): Promise<ChronogramView> =>
    chronogramOf((await lead.get(`/api/roadmaps/${roadmapId}/chronogram`).expect(200)).body);

  it('gives every seeded kit item the kit’s provenance and reference, in the lists, the item views and the chronogram', async () => {
    const [a, m, c] = await Promise.all([actions(), milestones(), chronogram()]);
    expect(a).toHaveLength([...expected.keys()].filter((k) => kit.functions.some((f) => f.actions.some((x) => x.key === k))).length);
    for (const item of [...a, ...m]) expect(item.provenance).toEqual(expected.get(item.kitKey!));
    const byId = new Map([...a, ...m].map((i) => [i.id, i.provenance]));
    for (const row of [...c.actions, ...c.milestones]) expect(row.provenance).toEqual(byId.get(row.id));
    const practice = a.find((x) => x.provenance?.kind === 'pratique')!;
    expect((await lead.get(`/api/actions/${practice.id}`).expect(200)).body.provenance).toEqual({
      kind: 'pratique',
      reference: expect.stringMatching(/\S/),
    });
  });

  it('shows done, in the pre-electoral phase, the diagnostic, the workshop and the scenarios the study’s mission carried out', async () => {
    const pre = (await chronogram()).roadmap.phases.find((p) => p.code === 'pre-electorale')!;
    const done = await actions(`?provenance=etude&phaseId=${pre.id}`);
    for (const key of ['centrale.diagnostic-acteurs', 'centrale.atelier-co-construction', 'prospective.scenarios-anticipation']) {
      expect(done.find((x) => x.kitKey === key)).toMatchObject({ status: 'terminee', progress: 100, provenance: { kind: 'etude' } });
    }
  });

  it('filters the actions and the milestones by provenance, « locale » being the items added in the app; refuses another word', async () => {
    const fn = (await chronogram()).functions.find((f) => f.code === 'mediation')!;
    const added: ActionView = (
      await lead
        .post(`/api/roadmaps/${roadmapId}/actions`)
        .send({ functionId: fn.id, title: 'Action ajoutée dans l’application', start: '2027-02-01', due: '2027-03-31' })
        .expect(201)
    ).body;
    const addedMilestone: MilestoneView = (
      await lead
        .post(`/api/roadmaps/${roadmapId}/milestones`)
        .send({ functionId: fn.id, title: 'Jalon ajouté dans l’application', date: '2027-03-31' })
        .expect(201)
    ).body;
    expect(added.provenance).toBeNull();
    expect(addedMilestone.provenance).toBeNull();
    expect((await actions('?provenance=locale')).map((x) => x.id)).toEqual([added.id]);
    expect((await milestones('?provenance=locale')).map((x) => x.id)).toEqual([addedMilestone.id]);

    const practices = await actions('?provenance=pratique');
    const kitPractices = kit.functions.flatMap((f) => f.actions).filter((x) => x.provenance === 'pratique');
    expect(practices.map((x) => x.kitKey).sort()).toEqual(kitPractices.map((x) => x.key).sort());
    expect((await milestones('?provenance=exemple')).every((x) => x.provenance?.kind === 'exemple')).toBe(true);
    // with the other filters
    expect((await actions(`?provenance=etude&functionId=${fn.id}`)).map((x) => x.kitKey).sort()).toEqual(
      kit.functions
        .find((f) => f.code === 'mediation')!
        .actions.filter((x) => x.provenance === 'etude')
        .map((x) => x.key)
        .sort(),
    );

    const refused = await lead.get(`/api/roadmaps/${roadmapId}/actions?provenance=rumeur`).expect(400);
    expect(JSON.stringify(refused.body)).toContain('provenance doit valoir etude, pratique, exemple, locale');
  });

  it('gives each phase its purpose, the kit’s « why »', async () => {
    const detail: RoadmapDetailView = (await lead.get(`/api/roadmaps/${roadmapId}`).expect(200)).body;
    expect(detail.phases.map((p) => [p.code, p.purpose])).toEqual(kit.phases.map((p) => [p.code, p.purpose]));
    expect((await chronogram()).roadmap.phases.every((p) => (p.purpose ?? '').length > 40)).toBe(true);
  });

  it('keeps a kit item’s provenance through the Corbeille', async () => {
    const m = (await milestones('?provenance=pratique')).find((x) => !x.achievedOn)!;
    await lead.delete(`/api/milestones/${m.id}?version=${m.version}`).expect(204);
    await lead.post(`/api/milestones/${m.id}/restore`).expect(200);
    expect((await lead.get(`/api/milestones/${m.id}`).expect(200)).body.provenance).toEqual(m.provenance);
  });

  it('carries an item’s provenance over into the next mandate', async () => {
    const targetId = await nextMandate(db);
    const source = (await actions('?provenance=pratique')).find((x) => x.status === 'a_lancer')!;
    const res = await lead
      .post(`/api/roadmaps/${roadmapId}/carry-over?dryRun=false`)
      .send({ targetRoadmapId: targetId, actionIds: [source.id], milestoneIds: [], close: false })
      .expect(200);
    const copy: ActionView = (await lead.get(`/api/actions/${res.body.items[0].copyId}`).expect(200)).body;
    expect(copy).toMatchObject({ title: source.title, kitKey: null, provenance: source.provenance });
  });

  it('fills a database made before provenance in from the kit keys: items, phases, carried copies, the Corbeille’s snapshots', async () => {
    const read = () =>
      db.query<{ id: string; provenance: string | null; provenance_ref: string | null }>(
        `select id, provenance, provenance_ref from action union all select id, provenance, provenance_ref from milestone
         union all select id, purpose, null from phase where roadmap_id = $1 order by 1`,
        [roadmapId],
      );
    const before = await read();
    // a deleted kit item whose snapshot was taken before the columns existed
    const m = (await milestones('?provenance=etude')).find((x) => !x.achievedOn)!;
    await lead.delete(`/api/milestones/${m.id}?version=${m.version}`).expect(204);
    await db.query(
      `update deleted_item set snapshot = jsonb_set(snapshot, '{row}', (snapshot -> 'row') - 'provenance' - 'provenance_ref')`,
    );

    const migration = new Migration20261129160000_provenance(null as never, null as never);
    await migration.down();
    await migration.up();
    for (const sql of migration.getQueries()) await db.query(sql as string);

    // what was seeded, made locally (null) or carried, as the migration finds it again
    expect(await read()).toEqual(before.filter((r) => r.id !== m.id));
    // the next mandate's roadmap is a kit roadmap too (its phases had no purpose)
    const next = await db.query<{ purpose: string | null }>(
      `select p.purpose from phase p join roadmap r on r.id = p.roadmap_id where r.slug = 'brest-2032-2038' order by p.position`,
    );
    expect(next.map((p) => p.purpose)).toEqual(kit.phases.map((p) => p.purpose));
    await lead.post(`/api/milestones/${m.id}/restore`).expect(200);
    expect((await lead.get(`/api/milestones/${m.id}`).expect(200)).body.provenance).toEqual(m.provenance);
  });
});
