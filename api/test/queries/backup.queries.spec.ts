import { Client } from 'pg';

import {
  appliedMigrations,
  dependencyOrder,
  foreignKeys,
  nonEmptyTables,
  publicTables,
  rowCounts,
  sequences,
  setSequence,
} from '../../src/app/backup/backup.queries';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

describe('backup.queries (ADR 0032)', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('lists every table of the public schema with its columns and types, as information_schema does', async () => {
    const tables = await publicTables(client);
    const expected = await db.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    expect(tables.map((t) => t.name)).toEqual(expected.map((t) => t.name));
    const action = tables.find((t) => t.name === 'action')!;
    expect(action.columns).toEqual(
      expect.arrayContaining([
        { name: 'id', type: 'uuid' },
        { name: 'due_date', type: 'date' },
      ]),
    );
    expect(action.columns.find((c) => c.name === 'title')?.type).toMatch(/^character varying\(\d+\)$/);
  });

  it('orders the tables parents first along the foreign keys, and names a cycle', async () => {
    const names = (await publicTables(client)).map((t) => t.name);
    const edges = await foreignKeys(client);
    expect(edges.get('action')).toEqual(expect.arrayContaining(['roadmap', 'target_function', 'phase']));
    const order = dependencyOrder(names, edges);
    expect([...order].sort()).toEqual([...names].sort());
    for (const [child, parents] of edges) for (const p of parents) expect(order.indexOf(p)).toBeLessThan(order.indexOf(child));
    expect(() =>
      dependencyOrder(
        ['a', 'b'],
        new Map([
          ['a', ['b']],
          ['b', ['a']],
        ]),
      ),
    ).toThrow(/cycle: a → b → a/);
  });

  it('counts rows, finds the tables holding some, reads the migrations in order', async () => {
    const counts = await rowCounts(client, ['roadmap', 'change_history']);
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from roadmap');
    expect(counts.get('roadmap')).toBe(n);
    await db.query('delete from change_history');
    expect(await nonEmptyTables(client, ['roadmap', 'change_history'])).toEqual(['roadmap']);
    const migrations = await appliedMigrations(client, ['mikro_orm_migrations']);
    expect(migrations[0]).toBe('Migration20261128181812_initial');
    expect(await appliedMigrations(client, ['roadmap'])).toEqual([]);
  });

  it('reads and sets the sequences', async () => {
    const before = await sequences(client);
    const migrations = before.find((s) => s.name === 'mikro_orm_migrations_id_seq')!;
    expect(migrations).toMatchObject({ isCalled: true });
    await setSequence(client, { ...migrations, value: '500' });
    expect((await sequences(client)).find((s) => s.name === migrations.name)).toEqual({ ...migrations, value: '500' });
  });
});
