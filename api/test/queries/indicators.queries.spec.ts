import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

import { IndicatorQueries } from '../../src/app/indicators/indicators.queries';
import type { IndicatorValues } from '../../src/app/indicators/indicators.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/*
 * The indicators feature's queries, one by one, on the seeded Brest database (whose own indicators
 * are removed first); what a query did is read back with independent SQL, and the tables' checks
 * are shown refusing what the domain refuses.
 */
describe('indicators queries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let em: EntityManager;
  let q: IndicatorQueries;
  let roadmapId: string;
  let first: { id: string; name: string };
  let second: { id: string; name: string };
  let accountId: string;

  const values = (over: Partial<IndicatorValues> = {}): IndicatorValues => ({
    name: 'Jeux de données ouverts',
    unit: 'jeux',
    direction: 'up',
    baseline_on: '2026-04-01',
    baseline_value: 12.5,
    target_on: '2032-03-01',
    target_value: 120,
    ...over,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    em = orm.em.fork();
    q = new IndicatorQueries(new Sql(em));
    await db.query('delete from indicator');
    const fns = await db.query<{ id: string; name: string; roadmap_id: string }>(
      'select id, name, roadmap_id from target_function order by position',
    );
    [first, second] = [fns[0], fns[1]];
    roadmapId = fns[0].roadmap_id;
    [{ id: accountId }] = await db.query<{ id: string }>(`select id from account where email = 'camille.legoff@brest.example'`);
  });
  afterEach(async () => {
    await db.query('delete from indicator');
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('inserts an indicator and reads it back with its function and the roadmap’s rule, numbers as numbers', async () => {
    const id = await q.insert(second.id, values());
    await db.query(`update roadmap set reminder_rules = reminder_rules || '{"indicatorStaleDays": 45}'::jsonb where id = $1`, [roadmapId]);
    expect(await q.one(id)).toEqual({
      id,
      function_id: second.id,
      function_name: second.name,
      roadmap_id: roadmapId,
      name: 'Jeux de données ouverts',
      unit: 'jeux',
      direction: 'up',
      baseline_on: '2026-04-01',
      baseline_value: 12.5,
      target_on: '2032-03-01',
      target_value: 120,
      version: 1,
      stale_days: 45,
    });
    expect(await q.one('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('lists a roadmap’s indicators in the functions’ order then by name (case aside), or one function’s', async () => {
    const b = await q.insert(first.id, values({ name: 'b second' }));
    const a = await q.insert(first.id, values({ name: 'A premier' }));
    const c = await q.insert(second.id, values({ name: '0 de la deuxième fonction' }));
    expect((await q.list(roadmapId)).map((r) => r.id)).toEqual([a, b, c]);
    expect((await q.list(roadmapId, second.id)).map((r) => r.id)).toEqual([c]);
    expect(await q.list('00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('records one measurement a day, reads them oldest first with who recorded them, deletes one', async () => {
    const id = await q.insert(first.id, values());
    const m = (on: string, recordedBy: string | null = accountId) =>
      em.transactional((tx) =>
        q.insertMeasurement(id, { measured_on: on, value: 3.25, comment: null, source_url: null, recorded_by: recordedBy }, tx),
      );
    const later = await m('2026-06-01');
    const earlier = await m('2026-05-01', null);
    expect(later).toEqual(expect.any(String));
    expect(await m('2026-06-01')).toBeNull();
    const rows = await q.measurements([id]);
    expect(rows.map((r) => [r.id, r.measured_on, r.value, r.recorded_by_name])).toEqual([
      [earlier, '2026-05-01', 3.25, null],
      [later, '2026-06-01', 3.25, 'Camille Le Goff'],
    ]);
    expect(await q.measurements([])).toEqual([]);
    expect(await q.removeMeasurement(earlier!)).toBe(true);
    expect(await q.removeMeasurement(earlier!)).toBe(false);
  });

  it('locks the row for a write (another transaction waits), with its first measurement’s day', async () => {
    const id = await q.insert(first.id, values());
    await em.transactional((tx) =>
      q.insertMeasurement(id, { measured_on: '2026-05-02', value: 1, comment: null, source_url: null, recorded_by: null }, tx),
    );
    await em.transactional(async (tx) => {
      expect(await q.lock(id, tx)).toMatchObject({ id, version: 1, baseline_on: '2026-04-01', first_measured_on: '2026-05-02' });
      const [{ locked }] = await db.query<{ locked: boolean }>(
        `select not exists (select 1 from indicator where id = $1 for update skip locked) as locked`,
        [id],
      );
      expect(locked).toBe(true);
    });
    await em.transactional(async (tx) => expect(await q.lock('00000000-0000-4000-8000-000000000000', tx)).toBeUndefined());
  });

  it('updates only at the version read (then + 1) and deletes with the measurements', async () => {
    const id = await q.insert(first.id, values());
    expect(await em.transactional((tx) => q.update(id, 1, values({ name: 'Renommé', target_value: 90 }), tx))).toBe(true);
    expect(await em.transactional((tx) => q.update(id, 1, values({ name: 'Périmé' }), tx))).toBe(false);
    expect(await q.one(id)).toMatchObject({ name: 'Renommé', target_value: 90, version: 2 });
    await em.transactional((tx) =>
      q.insertMeasurement(
        id,
        { measured_on: '2026-05-02', value: 1, comment: 'x', source_url: 'https://a.example', recorded_by: null },
        tx,
      ),
    );
    await em.transactional((tx) => q.remove(id, tx));
    expect(await db.query('select 1 from measurement where indicator_id = $1', [id])).toEqual([]);
  });

  it('tells whether a function belongs to the roadmap', async () => {
    expect(await q.functionInRoadmap(roadmapId, first.id)).toBe(true);
    expect(await q.functionInRoadmap('00000000-0000-4000-8000-000000000000', first.id)).toBe(false);
  });

  it('has tables that refuse what the domain refuses', async () => {
    const bad = (over: Record<string, unknown>) => {
      const v = { ...values(), ...over };
      return db.query(
        `insert into indicator (function_id, name, unit, direction, baseline_on, baseline_value, target_on, target_value) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [first.id, v.name, v.unit, v.direction, v.baseline_on, v.baseline_value, v.target_on, v.target_value],
      );
    };
    await expect(bad({ direction: 'flat' })).rejects.toThrow(/indicator_direction_check/);
    await expect(bad({ target_on: '2026-04-01' })).rejects.toThrow(/indicator_dates_check/);
    await expect(bad({ target_value: 12.5 })).rejects.toThrow(/indicator_target_check/);
    await expect(bad({ direction: 'down' })).rejects.toThrow(/indicator_target_check/);
    const id = await q.insert(first.id, values());
    await expect(
      db.query(`insert into measurement (indicator_id, measured_on, value, source_url) values ($1, '2026-05-01', 1, 'javascript:x')`, [id]),
    ).rejects.toThrow(/measurement_source_url_check/);
  });
});
