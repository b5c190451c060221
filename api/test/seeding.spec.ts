import { join } from 'node:path';

import { MikroORM } from '@mikro-orm/postgresql';

import { instantiate } from '../src/app/seed/instantiate';
import { BREST_FILE, KIT_FILE, loadKit, loadRoadmapFile } from '../src/app/seed/seed-files';
import { writeRoadmap } from '../src/app/seed/seeder';
import { prepareDatabase } from '../src/infra/database/database-setup';
import { ormOptions } from '../src/infra/database/mikro-orm.config';
import { MIGRATIONS } from '../src/migrations';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

const SEEDS = join(__dirname, '../../seeds');
const COUNTS = `select (select count(*) from roadmap) roadmaps, (select count(*) from account) persons, (select count(*) from phase) phases,
  (select count(*) from target_function) functions, (select count(*) from action) actions, (select count(*) from milestone) milestones,
  (select count(*) from action_dependency) dependencies, (select count(*) from change_history) history,
  (select count(*) from mikro_orm_migrations) migrations`;

describe('migrations and seed on start', () => {
  let db: TestDatabase;
  afterEach(async () => db?.drop());

  it('lets several instances prepare one empty database at once: migrations and seed applied once', async () => {
    db = await createTestDatabase({ migrate: false });
    const results = await Promise.all([1, 2, 3].map(() => prepareDatabase(db.url, { seed: true, seedsDir: SEEDS })));
    expect(results.filter((r) => r.migrations.length > 0)).toHaveLength(1);
    expect(results.filter((r) => r.seeded)).toHaveLength(1);
    const [counts] = await db.query(COUNTS);
    expect(counts).toMatchObject({ roadmaps: '1', phases: '4', functions: '11', migrations: String(MIGRATIONS.length) });
  });

  it('loads a roadmap idempotently: loading it again changes nothing', async () => {
    db = await createTestDatabase({ seed: true });
    const [before] = await db.query(COUNTS);
    const kit = loadKit(KIT_FILE(SEEDS));
    const orm = await MikroORM.init(ormOptions(db.url));
    try {
      const outcome = await writeRoadmap(orm.em.fork(), instantiate(kit, loadRoadmapFile(BREST_FILE(SEEDS), kit)));
      expect(outcome.created).toBe(false);
    } finally {
      await orm.close();
    }
    expect((await db.query(COUNTS))[0]).toEqual(before);
    const again = await prepareDatabase(db.url, { seed: true, seedsDir: SEEDS });
    expect(again).toEqual({ migrations: [], seeded: false });
    expect((await db.query(COUNTS))[0]).toEqual(before);
  });

  it('does not seed when told not to', async () => {
    db = await createTestDatabase({ migrate: false });
    await prepareDatabase(db.url, { seed: false, seedsDir: SEEDS });
    expect((await db.query(COUNTS))[0]).toMatchObject({ roadmaps: '0', migrations: String(MIGRATIONS.length) });
  });
});
