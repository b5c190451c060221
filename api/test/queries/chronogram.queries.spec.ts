import { MikroORM } from '@mikro-orm/postgresql';
import { CHRONOGRAM_ACTION_COLUMNS, CHRONOGRAM_GROUPED_BY } from '@jalons/contract';
import { daysBetween, tableOf } from '@jalons/domain';

import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { ChronogramQueries } from '../../src/app/chronogram/chronogram.queries';
import type { RollUpSums } from '../../src/app/chronogram/chronogram.queries';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

interface ActionRow {
  function_id: string;
  phase_id: string;
  start: string;
  due: string;
  status: string;
  progress: number;
}

/*
 * `ChronogramQueries.rollUpSums` on the seeded Brest roadmap with mixed statuses: the sums by function
 * and phase counted here in plain JavaScript from the actions' rows, with the domain's definitions
 * (abandoned left out, planned days both ends included and at least 1, a finished action at 100, days
 * expected done at the end of the day).
 */
describe('ChronogramQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let queries: ChronogramQueries;
  let roadmapId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    const em = orm.em.fork();
    queries = new ChronogramQueries(new Sql(em));
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    await db.query(
      `update action set status = (array['a_lancer','en_cours','bloquee','terminee','abandonnee'])[1 + (abs(hashtext(id::text)) % 5)],
                         progress = abs(hashtext(title)) % 101
        where roadmap_id = $1`,
      [roadmapId],
    );
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it.each(['2026-01-15', '2027-06-30', '2032-12-31'])('rollUpSums adds up every action of a function in a phase at %s', async (at) => {
    const rows = await db.query<ActionRow>(
      `select function_id, phase_id, start_date::text as start, due_date::text as due, status, progress from action where roadmap_id = $1`,
      [roadmapId],
    );
    const expected = new Map<string, Omit<RollUpSums, 'functionId' | 'phaseId'>>();
    for (const r of rows.filter((a) => a.status !== 'abandonnee')) {
      const key = `${r.function_id}/${r.phase_id}`;
      const s = expected.get(key) ?? { count: 0, done: 0, blocked: 0, overdue: 0, weight: 0, achieved: 0, expected: 0 };
      const planned = Math.max(1, daysBetween(r.start, r.due) + 1);
      const doneDays = at < r.start ? 0 : at >= r.due ? planned : daysBetween(r.start, at) + 1;
      s.count++;
      if (r.status === 'terminee') s.done++;
      if (r.status === 'bloquee') s.blocked++;
      if (r.status !== 'terminee' && r.due < at) s.overdue++;
      s.weight += planned;
      s.achieved += planned * (r.status === 'terminee' ? 100 : r.progress);
      s.expected += doneDays * 100;
      expected.set(key, s);
    }
    const sums = await queries.rollUpSums(roadmapId, at);
    expect(sums.length).toBe(expected.size);
    for (const { functionId, phaseId, ...s } of sums) expect(s).toEqual(expected.get(`${functionId}/${phaseId}`));
    expect(sums.some((s) => s.overdue > 0 || s.done > 0)).toBe(true);
  });
  it('barTable reads the bars as the wire table of the bars read as objects, for the roadmap and for one function', async () => {
    const [{ id: dependent }] = await db.query<{ id: string }>(
      'select successor_id as id from action_dependency d join action a on a.id = d.successor_id where a.roadmap_id = $1 limit 1',
      [roadmapId],
    );
    const { function_id: functionId } = (
      await db.query<{ function_id: string }>('select function_id from action where id = $1', [dependent])
    )[0];
    for (const fn of [undefined, functionId]) {
      const bars = await queries.bars(roadmapId, fn);
      const { table, revision } = await queries.barTable(roadmapId, fn);
      expect(revision).toBe((await db.query<{ revision: number }>('select revision from roadmap where id = $1', [roadmapId]))[0].revision);
      expect(bars.length).toBeGreaterThan(fn ? 3 : 20);
      expect(table).toStrictEqual(tableOf(bars, CHRONOGRAM_GROUPED_BY, CHRONOGRAM_ACTION_COLUMNS));
      // each row: the columns' values only, a dependent bar's predecessors as a list, dates as days
      const rows = table.groups.flatMap((g) => g.rows);
      expect(rows.every((r) => r.length === CHRONOGRAM_ACTION_COLUMNS.length)).toBe(true);
      const row = rows.find((r) => r[0] === dependent) ?? [];
      expect((row[CHRONOGRAM_ACTION_COLUMNS.indexOf('predecessorIds')] as string[]).length).toBeGreaterThan(0);
      expect(row[CHRONOGRAM_ACTION_COLUMNS.indexOf('start')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
  it('barTable says no revision without a bar', async () => {
    const [fn] = await db.query<{ id: string }>(
      'select f.id from target_function f where f.roadmap_id = $1 and not exists (select 1 from action a where a.function_id = f.id)',
      [roadmapId],
    );
    const empty = fn?.id ?? (await db.query<{ id: string }>('select gen_random_uuid()::text as id'))[0].id;
    expect(await queries.barTable(roadmapId, empty)).toEqual({ table: expect.objectContaining({ groups: [] }), revision: undefined });
  });
  it('bars and barTable list each bar’s predecessors, sorted, from every function, and none as an empty list', async () => {
    // a bar of one function that follows two bars, one of them in another function, beside its seeded ones
    const actions = await db.query<{ id: string; function_id: string }>(
      'select id, function_id from action where roadmap_id = $1 order by id',
      [roadmapId],
    );
    const successor = actions[actions.length - 1];
    const others = actions.filter((a) => a.function_id !== successor.function_id);
    const same = actions.filter((a) => a.function_id === successor.function_id && a.id !== successor.id);
    await db.query(`insert into action_dependency (predecessor_id, successor_id) values ($1, $3), ($2, $3) on conflict do nothing`, [
      others[0].id,
      same[0].id,
      successor.id,
    ]);
    const deps = await db.query<{ predecessor_id: string; successor_id: string }>(
      'select predecessor_id, successor_id from action_dependency',
    );
    const expected = (id: string) =>
      deps
        .filter((d) => d.successor_id === id)
        .map((d) => d.predecessor_id)
        .sort();
    for (const fn of [undefined, successor.function_id]) {
      const bars = await queries.bars(roadmapId, fn);
      const shown = fn ? actions.filter((a) => a.function_id === fn) : actions;
      expect(bars.map((b) => b.id).sort()).toEqual(shown.map((a) => a.id).sort());
      for (const b of bars) expect(b.predecessorIds).toEqual(expected(b.id));
      expect(bars.find((b) => b.id === successor.id)?.predecessorIds.length).toBeGreaterThanOrEqual(2);
      expect(bars.some((b) => b.predecessorIds.length === 0)).toBe(true);
      const { table } = await queries.barTable(roadmapId, fn);
      const column = CHRONOGRAM_ACTION_COLUMNS.indexOf('predecessorIds');
      for (const r of table.groups.flatMap((g) => g.rows)) expect(r[column]).toEqual(expected(r[0] as string));
    }
  });
});
