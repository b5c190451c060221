import { randomUUID } from 'node:crypto';

import { MikroORM } from '@mikro-orm/postgresql';

import { RegisterSeedQueries, RoadmapSetupQueries } from '../../src/app/roadmap-setup/roadmap-setup.queries';
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

/* The register of a roadmap file, written in the roadmap's transaction (writeDiagnostic). */
describe('RegisterSeedQueries', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  const q = new RegisterSeedQueries();
  let roadmapId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url));
    [{ id: roadmapId }] = await db.query<{ id: string }>(`select id from roadmap where slug = 'brest-2026-2032'`);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const actor = (name: string) => ({
    id: randomUUID(),
    name,
    kind: 'operateur' as const,
    referent: 'Awen Le Du',
    met_on: '2025-07-03',
    workshop: true,
    needs: ['moyens' as const, 'infrastructures' as const],
    data_types: ['metiers' as const],
    personal_data: true,
    sensitive_data: false,
    group_override: 'median' as const,
    group_override_reason: 'Plan stratégique voté',
  });

  it('inserts actors with every column, their assessments with their axes, and the actions they are targeted by', async () => {
    const a = actor('SPL Essai Queries');
    const [action] = await db.query<{ id: string }>(`select id from action where roadmap_id = $1 order by title limit 1`, [roadmapId]);
    await orm.em.fork().transactional(async (tx) => {
      await q.insertActors(roadmapId, [a], tx);
      await q.insertAssessments(
        [
          {
            actor_id: a.id,
            assessed_on: '2025-10-15',
            maturity: 2,
            ambition: 4,
            axes: { outils: { maturity: 1, ambition: 4 } },
            assessed_by: 'Mission',
            comment: null,
          },
        ],
        tx,
      );
      await q.insertActionActors([{ action_id: action.id, actor_id: a.id }], tx);
    });
    const [row] = await db.query(
      `select roadmap_id, name, kind, referent, to_char(met_on, 'YYYY-MM-DD') as met_on, workshop, needs, data_types, personal_data,
              sensitive_data, group_override, group_override_reason, version from actor where id = $1`,
      [a.id],
    );
    expect(row).toEqual({
      roadmap_id: roadmapId,
      name: 'SPL Essai Queries',
      kind: 'operateur',
      referent: 'Awen Le Du',
      met_on: '2025-07-03',
      workshop: true,
      needs: ['moyens', 'infrastructures'],
      data_types: ['metiers'],
      personal_data: true,
      sensitive_data: false,
      group_override: 'median',
      group_override_reason: 'Plan stratégique voté',
      version: 1,
    });
    expect(
      await db.query(
        `select to_char(assessed_on, 'YYYY-MM-DD') as on, maturity, ambition, axes, assessed_by, comment from assessment where actor_id = $1`,
        [a.id],
      ),
    ).toEqual([
      { on: '2025-10-15', maturity: 2, ambition: 4, axes: { outils: { maturity: 1, ambition: 4 } }, assessed_by: 'Mission', comment: null },
    ]);
    expect(await db.query(`select action_id from action_actor where actor_id = $1`, [a.id])).toEqual([{ action_id: action.id }]);
  });

  it('inserts indicators and their measurements, recorded by the account of that e-mail whatever its case (none when unknown)', async () => {
    const [fn] = await db.query<{ id: string; email: string }>(
      `select f.id, p.email from target_function f join account p on p.id = f.owner_id where f.roadmap_id = $1 and f.code = 'juridique'`,
      [roadmapId],
    );
    const id = randomUUID();
    await orm.em.fork().transactional(async (tx) => {
      await q.insertIndicators(
        [
          {
            id,
            function_id: fn.id,
            name: 'AIPD conduites',
            unit: 'analyses',
            direction: 'up',
            baseline_on: '2026-01-01',
            baseline_value: 2,
            target_on: '2027-12-31',
            target_value: 12.5,
          },
        ],
        tx,
      );
      await q.insertMeasurements(
        [
          {
            indicator_id: id,
            measured_on: '2026-06-30',
            value: 4,
            comment: 'Deux AIPD',
            source_url: null,
            recorded_by_email: fn.email.toUpperCase(),
          },
          {
            indicator_id: id,
            measured_on: '2026-09-30',
            value: 5.25,
            comment: null,
            source_url: 'https://x.example/a',
            recorded_by_email: 'nobody@x.example',
          },
        ],
        tx,
      );
    });
    expect(
      await db.query(
        `select function_id, name, unit, direction, to_char(baseline_on, 'YYYY-MM-DD') as baseline_on, baseline_value::float8 as baseline_value,
                to_char(target_on, 'YYYY-MM-DD') as target_on, target_value::float8 as target_value, version from indicator where id = $1`,
        [id],
      ),
    ).toEqual([
      {
        function_id: fn.id,
        name: 'AIPD conduites',
        unit: 'analyses',
        direction: 'up',
        baseline_on: '2026-01-01',
        baseline_value: 2,
        target_on: '2027-12-31',
        target_value: 12.5,
        version: 1,
      },
    ]);
    expect(
      await db.query(
        `select to_char(m.measured_on, 'YYYY-MM-DD') as on, m.value::float8 as value, m.comment, m.source_url, p.email
           from measurement m left join account p on p.id = m.recorded_by where m.indicator_id = $1 order by m.measured_on`,
        [id],
      ),
    ).toEqual([
      { on: '2026-06-30', value: 4, comment: 'Deux AIPD', source_url: null, email: fn.email },
      { on: '2026-09-30', value: 5.25, comment: null, source_url: 'https://x.example/a', email: null },
    ]);
  });

  it('writes nothing for an empty list, and refuses to write outside a transaction', async () => {
    const em = orm.em.fork();
    await expect(q.insertActors(roadmapId, [], em)).resolves.toBeUndefined();
    await expect(q.insertActors(roadmapId, [actor('Hors transaction')], em)).rejects.toThrow(/transaction/);
    expect(await db.query(`select id from actor where name = 'Hors transaction'`)).toEqual([]);
  });
});
