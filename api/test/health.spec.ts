import type { NestExpressApplication } from '@nestjs/platform-express';
import type request from 'supertest';

import { missingMigrations } from '../src/app/health/readiness';
import { createTestApp } from './app';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/** The probes of an orchestrator (ADR 0029): live without the database, ready with it and its migrations. */
describe('GET /api/health/live and /api/health/ready', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
    ({ app, http } = await createTestApp(db.url));
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('live: 200 while the process runs', async () => {
    const res = await http.get('/api/health/live').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('ready: 200 when the database answers and every migration is applied', async () => {
    const res = await http.get('/api/health/ready').expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        status: 'ok',
        info: { database: { status: 'up' }, migrations: { status: 'up', applied: expect.any(Number) } },
      }),
    );
  });

  it('ready: 503 in the one error shape when a migration is missing, naming it; live still 200', async () => {
    const [last] = await db.query<{ name: string }>('select name from mikro_orm_migrations order by id desc limit 1');
    await db.query('delete from mikro_orm_migrations where name = $1', [last.name]);
    const res = await http.get('/api/health/ready').expect(503);
    expect(res.body).toEqual(expect.objectContaining({ statusCode: 503, error: 'not_ready', requestId: expect.any(String) }));
    expect(res.body.message).toContain(last.name);
    await http.get('/api/health/live').expect(200);
    await db.query(`insert into mikro_orm_migrations (name, executed_at) values ($1, now())`, [last.name]);
    await http.get('/api/health/ready').expect(200);
  });

  it('ready: 503 when the database cannot be reached; live still 200', async () => {
    // the database disappears under the running app (its connections are cut, new ones refused)
    await db.drop();
    const res = await http.get('/api/health/ready').expect(503);
    expect(res.body).toEqual(expect.objectContaining({ statusCode: 503, error: 'not_ready' }));
    expect(res.body.message).toContain('La base de données ne répond pas.');
    await http.get('/api/health/live').expect(200);
  });
});

describe('missingMigrations', () => {
  it('names the known migrations the database has not recorded, whatever their extension', () => {
    expect(missingMigrations(['M1_a', 'M2_b', 'M3_c'], ['M1_a.js', 'M3_c'])).toEqual(['M2_b']);
    expect(missingMigrations(['M1_a'], ['M1_a', 'M0_other'])).toEqual([]);
  });
});
