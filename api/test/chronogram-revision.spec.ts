import type { NestExpressApplication } from '@nestjs/platform-express';
import { chronogramOf } from '@jalons/contract';
import type { ChronogramView, ChronogramWire } from '@jalons/contract';

import { ChronogramQueries } from '../src/app/chronogram/chronogram.queries';
import { RoadmapQueries } from '../src/app/roadmaps';
import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/*
 * Today's bars, the chronogram's longest read, start together with the roadmap's revision when nothing is
 * cached for the read (issue 14, ADR 0034 amended 2026-11-30). A write may then commit between the two:
 * these tests put one there — the bars are read, the write commits, then the revision is read — and check
 * that the answer is never kept nor tagged as the new revision with the old bars: the next read shows the
 * write and the first ETag no longer matches. Bars read empty say nothing of their moment: they are read again.
 */
describe('the chronogram read with its revision', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let queries: ChronogramQueries;
  let revisions: RoadmapQueries;
  let roadmapId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // the cache on, as in production (testConfig: 8 entries)
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    queries = app.get(ChronogramQueries);
    revisions = app.get(RoadmapQueries);
    [{ id: roadmapId }] = await db.query<{ id: string }>('select id from roadmap');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });
  afterEach(() => jest.restoreAllMocks());

  const get = (query: string, headers: Record<string, string> = {}) =>
    lead.get(`/api/roadmaps/${roadmapId}/chronogram${query}`).set(headers);
  const viewOf = (body: unknown): ChronogramView => chronogramOf(body as ChronogramWire);
  const revision = async () =>
    (await db.query<{ revision: number }>('select revision from roadmap where id = $1', [roadmapId]))[0].revision;

  /** The next chronogram read: its bars are read, then `write` commits, then the revision is read. */
  function writeBetweenBarsAndRevision(write: () => Promise<void>): void {
    let written: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (written = resolve));
    const barTable = queries.barTable.bind(queries);
    const read = revisions.revision.bind(revisions);
    jest.spyOn(queries, 'barTable').mockImplementationOnce(async (...args) => {
      const bars = await barTable(...args);
      await write();
      written();
      return bars;
    });
    jest.spyOn(revisions, 'revision').mockImplementationOnce(async (id) => {
      await done;
      return read(id);
    });
  }

  it('bars read before a write are neither kept nor tagged under the revision read after it', async () => {
    const [action] = await db.query<{ id: string; title: string }>(
      'select id, title from action where roadmap_id = $1 order by id limit 1',
      [roadmapId],
    );
    const before = await revision();
    // the write as the API makes it: the item and the roadmap's revision in one transaction
    writeBetweenBarsAndRevision(async () => {
      await db.query(
        `with renamed as (update action set title = 'Renommée pendant la lecture' where id = '${action.id}' returning roadmap_id)
         update roadmap set revision = revision + 1 where id in (select roadmap_id from renamed)`,
      );
    });
    const first = await get('').expect(200);
    expect(await revision()).toBe(before + 1);
    // the scene happened: these bars are the ones before the write
    expect(viewOf(first.body).actions.find((a) => a.id === action.id)?.title).toBe(action.title);
    expect(first.headers['etag']).toMatch(new RegExp(`^W/"${before}-`));

    // the next read, and a revalidation with the first ETag, give the renamed action
    const next = await get('', { 'If-None-Match': first.headers['etag'] as string }).expect(200);
    expect(viewOf(next.body).actions.find((a) => a.id === action.id)?.title).toBe('Renommée pendant la lecture');
    expect(next.headers['etag']).toMatch(new RegExp(`^W/"${before + 1}-`));
    // and now that one is kept: a 304 with its ETag
    await get('', { 'If-None-Match': next.headers['etag'] as string }).expect(304);
  });

  it('a function read without a bar is read again after the revision: an action added meanwhile is shown', async () => {
    const [fn] = await db.query<{ id: string }>('select id from target_function where roadmap_id = $1 order by position desc limit 1', [
      roadmapId,
    ]);
    await db.query(`delete from action where function_id = $1`, [fn.id]);
    await db.query('update roadmap set revision = revision + 1 where id = $1', [roadmapId]);
    const [phase] = await db.query<{ id: string }>('select id from phase where roadmap_id = $1 order by position limit 1', [roadmapId]);
    writeBetweenBarsAndRevision(async () => {
      await db.query(
        `with added as (insert into action (id, roadmap_id, function_id, phase_id, title, start_date, due_date, status, progress, version, created_at, updated_at)
                        values (gen_random_uuid(), '${roadmapId}', '${fn.id}', '${phase.id}', 'Ajoutée pendant la lecture', '2027-01-04', '2027-02-26',
                                'a_lancer', 0, 1, now(), now()) returning roadmap_id)
         update roadmap set revision = revision + 1 where id in (select roadmap_id from added)`,
      );
    });
    const first = await get(`?functionId=${fn.id}`).expect(200);
    expect(viewOf(first.body).actions.map((a) => a.title)).toEqual(['Ajoutée pendant la lecture']);
    expect(first.headers['etag']).toMatch(new RegExp(`^W/"${await revision()}-`));
  });
});
