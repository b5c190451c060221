import { MikroORM } from '@mikro-orm/postgresql';

import { SiteQueries } from '../../src/app/site/site.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/** The sitemap's open pages with their last change, the origins allowed to frame a widget, a slug's roadmap. */
describe('SiteQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let queries: SiteQueries;
  let roadmap: { id: string; slug: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init({ ...ormOptions(db.url), connect: false });
    queries = new SiteQueries(new Sql(orm.em.fork()));
    [roadmap] = await db.query<{ id: string; slug: string }>('select id, slug from roadmap');
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('lists no page while every page is closed', async () => {
    await db.query('update roadmap set public_page = false');
    expect(await queries.openPages()).toEqual([]);
  });

  it('gives an open page with its last change: the later of its settings and its items’ history', async () => {
    await db.query(`update roadmap set public_page = true, updated_at = '2026-12-01T08:00:00Z' where id = $1`, [roadmap.id]);
    await db.query(`update change_history set at = '2026-11-30T10:00:00Z' where roadmap_id = $1`, [roadmap.id]);
    expect(await queries.openPages()).toEqual([{ slug: roadmap.slug, lastmod: '2026-12-01T08:00:00Z' }]);
    const [line] = await db.query<{ id: string }>('select id from change_history where roadmap_id = $1 limit 1', [roadmap.id]);
    if (line) {
      await db.query(`update change_history set at = '2026-12-02T09:30:15.250Z' where id = $1`, [line.id]);
      expect(await queries.openPages()).toEqual([{ slug: roadmap.slug, lastmod: '2026-12-02T09:30:15Z' }]);
    }
  });

  it('gives the origins of an open page, and none for a closed page or an unknown slug', async () => {
    await db.query(`update roadmap set embed_origins = '{https://www.brest.fr,http://intranet.brest.fr:8080}' where id = $1`, [roadmap.id]);
    expect(await queries.embedOrigins(roadmap.slug)).toEqual(['https://www.brest.fr', 'http://intranet.brest.fr:8080']);
    expect(await queries.embedOrigins('pas-de-feuille')).toEqual([]);
    await db.query('update roadmap set public_page = false where id = $1', [roadmap.id]);
    expect(await queries.embedOrigins(roadmap.slug)).toEqual([]);
  });

  it('gives the id of the roadmap at a slug, its page open or closed, and none for an unknown slug', async () => {
    await db.query('update roadmap set public_page = false where id = $1', [roadmap.id]);
    expect(await queries.roadmapIdOfSlug(roadmap.slug)).toBe(roadmap.id);
    expect(await queries.roadmapIdOfSlug('pas-de-feuille')).toBeUndefined();
  });
});
