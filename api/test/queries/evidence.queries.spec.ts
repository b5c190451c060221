import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { EvidenceQueries } from '../../src/app/evidence/evidence.queries';
import type { EvidenceValues } from '../../src/app/evidence/evidence.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The evidence feature's queries, one by one, on the seeded Brest database; what a query did is
 * read back with independent SQL, and the table's checks are shown refusing what the contract refuses.
 */
describe('evidence queries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let em: EntityManager;
  let q: EvidenceQueries;
  let actionId: string;
  let milestoneId: string;
  let accountId: string;

  const values = (over: Partial<EvidenceValues> = {}): EvidenceValues => ({
    title: 'Délibération du 25/06/2026',
    url: 'https://brest.fr/d.pdf',
    kind: 'deliberation',
    addedBy: accountId,
    ...over,
  });
  const insert = (type: 'action' | 'milestone' | 'decision', id: string, v = values()) =>
    em.transactional((tx) => q.insert(type, id, v, tx));

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    em = orm.em.fork();
    q = new EvidenceQueries(new Sql(em));
    [{ id: actionId }] = await db.query<{ id: string }>('select id from action order by id limit 1');
    [{ id: milestoneId }] = await db.query<{ id: string }>('select id from milestone order by id limit 1');
    [{ id: accountId }] = await db.query<{ id: string }>(`select id from account where email = 'camille.legoff@brest.example'`);
  });
  afterEach(async () => {
    await db.query('delete from evidence');
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('inserts a link on an action and reads it back with who added it; on a milestone, in its own column', async () => {
    const id = await insert('action', actionId);
    const row = await q.one(id);
    expect(row).toEqual({
      id,
      action_id: actionId,
      milestone_id: null,
      decision_id: null,
      title: 'Délibération du 25/06/2026',
      url: 'https://brest.fr/d.pdf',
      kind: 'deliberation',
      added_by_id: accountId,
      added_by_name: expect.any(String),
      added_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const other = await insert('milestone', milestoneId, values({ kind: 'page-web', addedBy: null }));
    expect(await db.query('select action_id, milestone_id, added_by from evidence where id = $1', [other])).toEqual([
      { action_id: null, milestone_id: milestoneId, added_by: null },
    ]);
  });

  it('lists an item’s links newest first, and only its own', async () => {
    const older = await insert('action', actionId);
    await db.query(`update evidence set added_at = now() - interval '1 day' where id = $1`, [older]);
    const newer = await insert('action', actionId, values({ title: 'Plus récent' }));
    await insert('milestone', milestoneId);
    expect((await q.ofItem('action', actionId)).map((r) => r.id)).toEqual([newer, older]);
    expect((await q.ofItem('milestone', milestoneId)).map((r) => r.milestone_id)).toEqual([milestoneId]);
  });

  it('tells whether an item exists, and removes a link once', async () => {
    expect(await q.itemExists('action', actionId)).toBe(true);
    expect(await q.itemExists('milestone', actionId)).toBe(false);
    const id = await insert('action', actionId);
    expect(await q.remove(id)).toBe(true);
    expect(await q.remove(id)).toBe(false);
    expect(await q.one(id)).toBeUndefined();
  });

  it('refuses, in the table itself, a link on no item or two, an unknown kind, a non-http address, a blank title', async () => {
    const bad = [
      [null, null, 'document', 'https://a.fr', 'T'],
      [actionId, milestoneId, 'document', 'https://a.fr', 'T'],
      [actionId, null, 'video', 'https://a.fr', 'T'],
      [actionId, null, 'document', 'javascript:alert(1)', 'T'],
      [actionId, null, 'document', 'https://a.fr', '  '],
    ];
    for (const params of bad) {
      await expect(
        db.query('insert into evidence (action_id, milestone_id, kind, url, title) values ($1, $2, $3, $4, $5)', params),
      ).rejects.toThrow(/check constraint/);
    }
  });

  it('proves a decision in its own column: listed, its existence told, gone with it; never with an action too', async () => {
    const [{ id: decisionId }] = await db.query<{ id: string }>(`select id from decision order by date limit 1`);
    expect(await q.itemExists('decision', decisionId)).toBe(true);
    expect(await q.itemExists('decision', actionId)).toBe(false);
    const id = await insert('decision', decisionId);
    expect(await q.one(id)).toMatchObject({ action_id: null, milestone_id: null, decision_id: decisionId });
    expect((await q.ofItem('decision', decisionId)).map((r) => r.id)).toEqual([id]);
    await expect(
      db.query(`insert into evidence (action_id, decision_id, kind, url, title) values ($1, $2, 'document', 'https://a.fr', 'T')`, [
        actionId,
        decisionId,
      ]),
    ).rejects.toThrow(/evidence_one_item_check/);
    await db.query('delete from decision where id = $1', [decisionId]);
    expect(await q.one(id)).toBeUndefined();
  });

  it('goes with its item', async () => {
    const [{ id }] = await db.query<{ id: string }>(
      `select id from action a where not exists (select 1 from action_dependency d where d.predecessor_id = a.id or d.successor_id = a.id) limit 1`,
    );
    await insert('action', id);
    await db.query('delete from action_actor where action_id = $1', [id]);
    await db.query('delete from action where id = $1', [id]);
    expect(await db.query('select 1 from evidence where action_id = $1', [id])).toEqual([]);
  });
});
