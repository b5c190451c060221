import { join } from 'node:path';

import { MikroORM } from '@mikro-orm/postgresql';

import { BREST_FILE, instantiate, KIT_FILE, loadKit, loadRoadmapFile, writeRoadmap } from '../src/app/roadmap-setup';
import { prepareDatabase } from '../src/seed/prepare-database';
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

  it('keeps every person of the first version as an account (the migration renames, infers roles, sets no password)', async () => {
    db = await createTestDatabase({ migrate: false });
    // the database as the first version left it: migrations before accounts, Brest seeded by SQL
    const orm = await MikroORM.init(ormOptions(db.url));
    try {
      await orm.getMigrator().up({ to: 'Migration20261128190000_roadmap_revision' });
      await orm.em.getConnection().execute(`insert into person (id, created_at, updated_at, name, email) values
        ('11111111-1111-1111-1111-111111111111', now(), now(), 'Cheffe', 'cheffe@v1.example'),
        ('22222222-2222-2222-2222-222222222222', now(), now(), 'Responsable', 'resp@v1.example')`);
      await orm.em.getConnection()
        .execute(`insert into roadmap (id, created_at, updated_at, slug, territory, mandate_label, election_dates, next_election_date, start_date, end_date, kit_code, project_lead_id, version)
        values ('33333333-3333-3333-3333-333333333333', now(), now(), 'v1', 'V1', 'Mandat', '["2026-03-15"]', '2032-03-14', '2025-03-01', '2032-03-14', 'spld', '11111111-1111-1111-1111-111111111111', 1)`);
    } finally {
      await orm.close();
    }
    await prepareDatabase(db.url, { seed: false, seedsDir: SEEDS });
    const rows = await db.query<{ email: string; role: string; password_hash: string | null; active: boolean }>(
      'select email, role, password_hash, active from account order by email',
    );
    expect(rows).toEqual([
      { email: 'cheffe@v1.example', role: 'lead', password_hash: null, active: true },
      { email: 'resp@v1.example', role: 'owner', password_hash: null, active: true },
    ]);
    const [lead] = await db.query<{ project_lead_id: string }>('select project_lead_id from roadmap');
    expect(lead.project_lead_id).toBe('11111111-1111-1111-1111-111111111111');
  });

  it('creates the first administrator from ADMIN_EMAIL only while no administrator exists', async () => {
    db = await createTestDatabase({ migrate: false });
    await prepareDatabase(db.url, {
      seed: false,
      seedsDir: SEEDS,
      accounts: { admin: { email: 'dsi@ville.example', password: 'une phrase de passe' }, demo: false },
    });
    const admins = () =>
      db.query<{ email: string; password_hash: string }>(`select email, password_hash from account where role = 'admin'`);
    const [first] = await admins();
    expect(first.email).toBe('dsi@ville.example');
    expect(first.password_hash).toMatch(/^\$argon2id\$/);
    // a later start with other values does nothing while an administrator exists
    await prepareDatabase(db.url, {
      seed: false,
      seedsDir: SEEDS,
      accounts: { admin: { email: 'autre@ville.example', password: 'une autre phrase' }, demo: false },
    });
    expect((await admins()).map((a) => a.email)).toEqual(['dsi@ville.example']);
  });

  it('takes the published password away from demo accounts when the app no longer runs with them, then accepts ADMIN_EMAIL', async () => {
    db = await createTestDatabase({ migrate: false });
    await prepareDatabase(db.url, { seed: true, seedsDir: SEEDS, accounts: { admin: null, demo: true } });
    // the same data, now started for real
    await prepareDatabase(db.url, {
      seed: true,
      seedsDir: SEEDS,
      accounts: { admin: { email: 'dsi@ville.example', password: 'une phrase de passe' }, demo: false },
    });
    const withPassword = await db.query<{ email: string; role: string }>(
      `select email, role from account where password_hash is not null order by email`,
    );
    expect(withPassword).toEqual([{ email: 'dsi@ville.example', role: 'admin' }]);
  });

  it('creates the demo accounts, one per role, and keeps a demo password someone changed', async () => {
    db = await createTestDatabase({ migrate: false });
    await prepareDatabase(db.url, { seed: true, seedsDir: SEEDS, accounts: { admin: null, demo: true } });
    const rows = await db.query<{ email: string; role: string; password_hash: string }>(
      `select email, role, password_hash from account where password_hash is not null order by role`,
    );
    expect(rows.map((r) => [r.role, r.email])).toEqual([
      ['admin', 'admin@brest.example'],
      ['lead', 'camille.legoff@brest.example'],
      ['owner', 'soizic.lebihan@brest.example'],
      ['elected', 'yannick.kerherve@brest.example'],
    ]);
    await db.query(`update account set password_hash = 'changed' where email = 'admin@brest.example'`);
    await prepareDatabase(db.url, { seed: true, seedsDir: SEEDS, accounts: { admin: null, demo: true } });
    expect(
      (await db.query<{ password_hash: string }>(`select password_hash from account where email = 'admin@brest.example'`))[0].password_hash,
    ).toBe('changed');
  });

  it('leaves no difference between the entities and the migrated schema', async () => {
    db = await createTestDatabase({ seed: false });
    const orm = await MikroORM.init(ormOptions(db.url));
    try {
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      // MikroORM always re-creates check constraints (it compares their text before PostgreSQL
      // normalised it): those lines are not a difference
      const lines = diff.split('\n').filter((l) => l.trim() && !/action_progress_check/.test(l));
      expect(lines).toEqual([]);
    } finally {
      await orm.close();
    }
  });
});
