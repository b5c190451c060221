import { MikroORM } from '@mikro-orm/postgresql';

import { RoadmapSetupQueries } from '../../src/app/roadmap-setup/roadmap-setup.queries';
import { ormOptions } from '../../src/infra/database/mikro-orm.config';
import { Sql } from '../../src/infra/database/sql';
import { ensureAccount } from '../auth';
import { createTestDatabase } from '../database';
import type { TestDatabase } from '../database';

/* What creating a roadmap checks before it writes, on a fresh seeded Brest database. */
describe('RoadmapSetupQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let q: RoadmapSetupQueries;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    q = new RoadmapSetupQueries(new Sql(orm.em.fork()));
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('names the roadmap holding a slug, exactly (no prefix or case match), or none', async () => {
    const [brest] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
    expect(await q.slugHolder('brest-2026-2032')).toEqual({
      id: brest.id,
      territory: 'Ville et Métropole de Brest',
      mandate_label: 'Mandat 2026–2032',
    });
    expect(await q.slugHolder('brest-2026')).toBeUndefined();
    expect(await q.slugHolder('BREST-2026-2032')).toBeUndefined();
  });

  it('reads an account’s role and whether it is active; undefined for an unknown id', async () => {
    const id = await ensureAccount(db, 'former.lead@setup.example', 'lead');
    expect(await q.account(id)).toEqual({ id, role: 'lead', active: true });
    await db.query('update account set active = false where id = $1', [id]);
    expect(await q.account(id)).toEqual({ id, role: 'lead', active: false });
    expect(await q.account('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});
