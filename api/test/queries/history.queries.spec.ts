import { MikroORM } from '@mikro-orm/postgresql';

import { recordManyChanges } from '../../src/app/history';
import { Roadmap } from '../../src/entities';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/** The history's bulk write (an import's lines): `INSERT_CHANGE_LINES` through `recordManyChanges`, in a transaction. */
describe('recordManyChanges (INSERT_CHANGE_LINES)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let roadmapId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    [{ id: roadmapId }] = await db.query<{ id: string }>('select id from roadmap');
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const revision = async () =>
    (await db.query<{ revision: number }>('select revision from roadmap where id = $1', [roadmapId]))[0].revision;

  it('writes one line per change, same instant, actor and comment, values as text; the revision bumped once', async () => {
    const [a, b] = await db.query<{ id: string; title: string }>('select id, title from action where roadmap_id = $1 order by id limit 2', [
      roadmapId,
    ]);
    const [m] = await db.query<{ id: string }>('select id from milestone where roadmap_id = $1 limit 1', [roadmapId]);
    const [actor] = await db.query<{ id: string }>('select id from account limit 1');
    const before = await revision();
    await orm.em.fork().transactional((tx) =>
      recordManyChanges(
        tx,
        tx.getReference(Roadmap, roadmapId),
        [
          {
            itemType: 'action',
            itemId: a.id,
            changes: [
              ['progress', 20, 45],
              ['title', a.title, 'Nouveau « titre » d’import'],
            ],
          },
          { itemType: 'action', itemId: b.id, changes: [['predecessor', null, { title: a.title }]] },
          { itemType: 'milestone', itemId: m.id, changes: [['achievedOn', null, '2026-01-02']] },
        ],
        'import plan.xlsx',
        actor.id,
      ),
    );
    const lines = await db.query<{
      item_type: string;
      item_id: string;
      field: string;
      from_value: string;
      to_value: string;
      actor_id: string;
      at: Date;
    }>(
      `select item_type, item_id, field, from_value, to_value, actor_id, at from change_history where comment = 'import plan.xlsx' order by item_type, field`,
    );
    expect(lines.map((l) => [l.item_type, l.item_id, l.field, l.from_value, l.to_value])).toEqual([
      ['action', b.id, 'predecessor', null, a.title],
      ['action', a.id, 'progress', '20', '45'],
      ['action', a.id, 'title', a.title, 'Nouveau « titre » d’import'],
      ['milestone', m.id, 'achievedOn', null, '2026-01-02'],
    ]);
    expect(new Set(lines.map((l) => l.actor_id))).toEqual(new Set([actor.id]));
    expect(new Set(lines.map((l) => l.at.getTime())).size).toBe(1);
    expect(await revision()).toBe(before + 1);
  });

  it('writes nothing and keeps the revision for no items; rolls back with its transaction', async () => {
    const before = await revision();
    const [{ n }] = await db.query<{ n: string }>('select count(*) n from change_history');
    await orm.em.fork().transactional((tx) => recordManyChanges(tx, tx.getReference(Roadmap, roadmapId), [], 'rien', null));
    const [a] = await db.query<{ id: string }>('select id from action limit 1');
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await recordManyChanges(
          tx,
          tx.getReference(Roadmap, roadmapId),
          [{ itemType: 'action', itemId: a.id, changes: [['title', 'a', 'b']] }],
          'annulé',
          null,
        );
        throw new Error('refused after');
      }),
    ).rejects.toThrow('refused after');
    expect(await revision()).toBe(before);
    expect((await db.query<{ n: string }>('select count(*) n from change_history'))[0].n).toBe(n);
  });
});
