import { randomUUID } from 'node:crypto';

import { MikroORM } from '@mikro-orm/postgresql';

import { ImportQueries } from '../../src/app/import/import.queries';
import type { ImportActionWrite, ImportMilestoneWrite } from '../../src/app/import/import.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/** What an import reads of a roadmap, in its transaction, and the locks it takes before applying. */
describe('ImportQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let queries: ImportQueries;
  let roadmapId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    queries = new ImportQueries(new Sql(orm.em.fork()));
    [{ id: roadmapId }] = await db.query<{ id: string }>('select id from roadmap');
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('reads the roadmap, its phases in order, functions, persons, actions with predecessors and milestones, dates as days', async () => {
    await orm.em.fork().transactional(async (tx) => {
      const roadmap = await queries.roadmap(roadmapId, tx);
      expect(roadmap).toEqual({ id: roadmapId, start_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), end_date: expect.any(String) });
      expect(await queries.roadmap('00000000-0000-4000-8000-000000000000', tx)).toBeUndefined();
      const phases = await queries.phases(roadmapId, tx);
      expect(phases.map((p) => p.start_date)).toEqual([...phases.map((p) => p.start_date)].sort());
      const functions = await queries.functions(roadmapId, tx);
      expect(functions.filter((f) => f.central)).toHaveLength(1);
      expect(functions.find((f) => f.central)!.volets.map((v) => v.code)).toEqual(['strategique', 'metiers', 'technique']);
      expect((await queries.persons(tx)).length).toBeGreaterThan(0);
      const actions = await queries.actions(roadmapId, tx);
      const [{ n }] = await db.query<{ n: string }>('select count(*) n from action where roadmap_id = $1', [roadmapId]);
      expect(actions).toHaveLength(Number(n));
      const [edge] = await db.query<{ p: string; s: string }>('select predecessor_id p, successor_id s from action_dependency limit 1');
      expect(actions.find((a) => a.id === edge.s)!.predecessor_ids).toContain(edge.p);
      expect(actions[0]).toMatchObject({ version: expect.any(Number), start_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      const milestones = await queries.milestones(roadmapId, tx);
      expect(milestones[0]).toMatchObject({ milestone_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), version: expect.any(Number) });
      expect(Object.keys(milestones[0])).toContain('owner_id');
    });
  });

  it('locks the rows the file names until the commit: another writer waits', async () => {
    const [a] = await db.query<{ id: string }>('select id from action where roadmap_id = $1 order by id limit 1', [roadmapId]);
    const [m] = await db.query<{ id: string }>('select id from milestone where roadmap_id = $1 order by id limit 1', [roadmapId]);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = orm.em.fork().transactional(async (tx) => {
      await queries.lock(roadmapId, [a.id], [m.id], tx);
      locked();
      await held;
    });
    await isLocked;
    const probe = await db.query<{ n: string }>(
      `select count(*) n from pg_locks l join pg_class c on c.oid = l.relation where c.relname in ('action', 'milestone') and l.mode = 'RowShareLock'`,
    );
    expect(Number(probe[0].n)).toBeGreaterThanOrEqual(2);
    await db.query(`set lock_timeout = '200ms'`);
    await expect(db.query('select id from action where id = $1 for update', [a.id])).rejects.toThrow(/lock timeout/);
    await expect(db.query('select id from milestone where id = $1 for update', [m.id])).rejects.toThrow(/lock timeout/);
    release();
    await holder;
    await expect(db.query('select id from action where id = $1 for update', [a.id])).resolves.toHaveLength(1);
    await db.query(`set lock_timeout = 0`);
  });

  describe('the bulk writes of an import', () => {
    type ActionRow = ImportActionWrite & { version: number; updated_at: Date; roadmap_id: string };
    const actionRows = (ids: string[]) =>
      db.query<ActionRow>(
        `select id, version, function_id, phase_id, title, description, volet, start_date::text, due_date::text, status, progress,
                owner_id, updated_at, roadmap_id
           from action where id = any($1::uuid[]) order by id`,
        [ids],
      );
    const writable = ({
      id,
      function_id,
      phase_id,
      title,
      description,
      volet,
      start_date,
      due_date,
      status,
      progress,
      owner_id,
    }: ActionRow) =>
      ({
        id,
        function_id,
        phase_id,
        title,
        description,
        volet,
        start_date,
        due_date,
        status,
        progress,
        owner_id,
      }) satisfies ImportActionWrite;
    const at = new Date('2026-11-29T10:00:00.000Z');

    it('updateActions: every field of the rows still at their expected version, version + 1, updated_at; the others untouched', async () => {
      const picked = await db.query<{ id: string }>('select id from action where roadmap_id = $1 order by id desc limit 3', [roadmapId]);
      const [a, b, stale] = await actionRows(picked.map((r) => r.id));
      const [otherPhase] = await db.query<{ id: string }>('select id from phase where roadmap_id = $1 and id <> $2 limit 1', [
        roadmapId,
        a.phase_id,
      ]);
      const rows = [
        { ...writable(a), expected_version: a.version, title: 'Titre du tableur', progress: 40, status: 'en_cours' as const },
        { ...writable(b), expected_version: b.version, phase_id: otherPhase.id, due_date: '2031-12-31', owner_id: null, volet: null },
        { ...writable(stale), expected_version: stale.version - 1, title: 'Jamais écrit' },
      ];
      const updated = await orm.em.fork().transactional((tx) => queries.updateActions(roadmapId, rows, at, tx));
      expect(updated.sort()).toEqual([a.id, b.id].sort());
      const [a2, b2, stale2] = await actionRows([a.id, b.id, stale.id]);
      expect(a2).toMatchObject({ title: 'Titre du tableur', progress: 40, status: 'en_cours', version: a.version + 1, updated_at: at });
      expect(a2.description).toBe(a.description);
      expect(b2).toMatchObject({ phase_id: otherPhase.id, due_date: '2031-12-31', owner_id: null, version: b.version + 1 });
      expect(stale2).toEqual(stale);
    });

    it('updateActions: an action of another roadmap is not written, even at its version', async () => {
      const [other] = await db.query<{ id: string }>(
        `insert into roadmap (id, created_at, updated_at, slug, territory, mandate_label, election_dates, next_election_date, start_date, end_date, kit_code)
         select gen_random_uuid(), now(), now(), 'autre-import', territory, mandate_label, election_dates, next_election_date, start_date, end_date, kit_code
           from roadmap where id = $1 returning id`,
        [roadmapId],
      );
      const [a] = await actionRows(
        (await db.query<{ id: string }>('select id from action where roadmap_id = $1 limit 1', [roadmapId])).map((r) => r.id),
      );
      const rows = [{ ...writable(a), expected_version: a.version, title: 'Pas ici' }];
      expect(await orm.em.fork().transactional((tx) => queries.updateActions(other.id, rows, at, tx))).toEqual([]);
      expect((await actionRows([a.id]))[0]).toEqual(a);
      await db.query('delete from roadmap where id = $1', [other.id]);
    });

    it('insertActions: new actions at version 1, created and updated at the import, in the roadmap', async () => {
      const [model] = await actionRows(
        (await db.query<{ id: string }>('select id from action where roadmap_id = $1 limit 1', [roadmapId])).map((r) => r.id),
      );
      const rows = [1, 2].map((n) => ({ ...writable(model), id: randomUUID(), title: `Créée ${n}`, description: "l'import", volet: null }));
      await orm.em.fork().transactional((tx) => queries.insertActions(roadmapId, rows, at, tx));
      const stored = await db.query<ActionRow & { created_at: Date; kit_key: string | null }>(
        `select a.*, a.start_date::text, a.due_date::text from action a where a.id = any($1::uuid[]) order by a.title`,
        [rows.map((r) => r.id)],
      );
      expect(stored.map((r) => [r.title, r.version, r.roadmap_id, r.created_at, r.updated_at, r.kit_key])).toEqual([
        ['Créée 1', 1, roadmapId, at, at, null],
        ['Créée 2', 1, roadmapId, at, at, null],
      ]);
      expect(stored[0]).toMatchObject({
        start_date: model.start_date,
        due_date: model.due_date,
        description: "l'import",
        owner_id: model.owner_id,
      });
    });

    it('replaceEdges: removes the arrows named, then adds the new ones', async () => {
      const [edge] = await db.query<{ p: string; s: string }>('select predecessor_id p, successor_id s from action_dependency limit 1');
      const [x] = await db.query<{ id: string }>(
        `select id from action where roadmap_id = $1 and id not in ($2, $3)
            and id not in (select predecessor_id from action_dependency where successor_id = $3) limit 1`,
        [roadmapId, edge.p, edge.s],
      );
      await orm.em
        .fork()
        .transactional((tx) =>
          queries.replaceEdges([{ predecessor_id: edge.p, successor_id: edge.s }], [{ predecessor_id: x.id, successor_id: edge.s }], tx),
        );
      const preds = await db.query<{ p: string }>('select predecessor_id p from action_dependency where successor_id = $1', [edge.s]);
      expect(preds.map((r) => r.p)).toContain(x.id);
      expect(preds.map((r) => r.p)).not.toContain(edge.p);
    });

    it('updateMilestones and insertMilestones: the same for milestones (version checked and bumped, new ones at version 1)', async () => {
      type MilestoneRow = ImportMilestoneWrite & { version: number; updated_at: Date };
      const rowsOf = (ids: string[]) =>
        db.query<MilestoneRow>(
          `select id, version, function_id, phase_id, title, description, milestone_date::text, achieved_on::text, owner_id, updated_at
             from milestone where id = any($1::uuid[]) order by id`,
          [ids],
        );
      const picked = await db.query<{ id: string }>('select id from milestone where roadmap_id = $1 order by id limit 2', [roadmapId]);
      const [m, stale] = await rowsOf(picked.map((r) => r.id));
      const plain = ({ version: _v, updated_at: _u, ...rest }: MilestoneRow): ImportMilestoneWrite => rest;
      const updated = await orm.em.fork().transactional((tx) =>
        queries.updateMilestones(
          roadmapId,
          [
            { ...plain(m), expected_version: m.version, achieved_on: '2026-01-02', title: 'Jalon du tableur' },
            { ...plain(stale), expected_version: stale.version + 1, title: 'Jamais écrit' },
          ],
          at,
          tx,
        ),
      );
      expect(updated).toEqual([m.id]);
      const [m2, stale2] = await rowsOf([m.id, stale.id]);
      expect(m2).toMatchObject({ achieved_on: '2026-01-02', title: 'Jalon du tableur', version: m.version + 1, updated_at: at });
      expect(stale2).toEqual(stale);
      const created = { ...plain(m), id: randomUUID(), title: 'Jalon créé', achieved_on: null };
      await orm.em.fork().transactional((tx) => queries.insertMilestones(roadmapId, [created], at, tx));
      expect((await rowsOf([created.id]))[0]).toEqual({ ...created, version: 1, updated_at: at });
    });

    it('writes nothing for empty lists, and refuses to run outside a transaction', async () => {
      const em = orm.em.fork();
      await expect(queries.updateActions(roadmapId, [], at, em)).resolves.toEqual([]);
      const [a] = await actionRows(
        (await db.query<{ id: string }>('select id from action where roadmap_id = $1 limit 1', [roadmapId])).map((r) => r.id),
      );
      await expect(queries.insertActions(roadmapId, [{ ...writable(a), id: randomUUID() }], at, em)).rejects.toThrow(/transaction/);
    });
  });
});
