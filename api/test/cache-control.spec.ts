import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { createTestApp } from './app';
import { anonymous, signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/**
 * What a browser, a proxy or a shared computer may keep of an answer (issue #16): every API answer
 * says `Cache-Control: no-store` — a signed-in person's data must not outlive the session in a
 * cache — except the routes that set their own policy on purpose (the chronogram revalidates with
 * its ETag; a calendar feed is fetched by calendar software) and the public pages, which are not
 * personal.
 */
describe('Cache-Control of the API’s answers', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let getRoutes: string[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    const doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    getRoutes = Object.entries(doc.paths)
      .filter(([, ops]) => 'get' in ops)
      .map(([path]) => path);
    const [roadmap] = await db.query<{ id: string; slug: string }>('select id, slug from roadmap');
    const [fn] = await db.query<{ id: string }>('select id from target_function where roadmap_id = $1 order by position limit 1', [
      roadmap.id,
    ]);
    const [action] = await db.query<{ id: string }>('select id from action order by id limit 1');
    const [milestone] = await db.query<{ id: string }>('select id from milestone order by id limit 1');
    ids = { roadmap: roadmap.id, slug: roadmap.slug, fn: fn.id, action: action.id, milestone: milestone.id };
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  function concrete(path: string): string {
    const item = path.startsWith('/api/actions') ? ids['action'] : path.startsWith('/api/milestones') ? ids['milestone'] : ids['roadmap'];
    return path
      .replace('{id}', item)
      .replace('{functionId}', ids['fn'])
      .replace('{slug}', ids['slug'])
      .replace('{file}', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics');
  }

  it('answers every read of a signed-in person with no-store (the chronogram too, with its ETag), but the public pages', async () => {
    const policies: Record<string, string | undefined> = {};
    for (const path of getRoutes) {
      const res = await lead.get(concrete(path));
      expect(res.status).toBeLessThan(500);
      policies[path] = res.headers['cache-control'];
    }
    // the public data (/api/public/*, ADR 0025) is not personal and keeps its own policy
    const own = (p: string) => p.startsWith('/api/public/');
    expect(getRoutes.length).toBeGreaterThan(20);
    expect(getRoutes.filter((p) => !own(p) && policies[p] !== 'no-store')).toEqual([]);
    expect(policies['/api/roadmaps/{id}/chronogram']).toBe('no-store');
    expect(policies['/api/public/roadmaps']).not.toBe('no-store');
  });

  it('answers writes, refusals and sign-in with no-store too (a new calendar address is a secret)', async () => {
    const created = await lead.post('/api/calendars').send({ scope: 'roadmap', targetId: ids['roadmap'] }).expect(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const invalid = await lead.post('/api/calendars').send({ scope: 'nothing' }).expect(400);
    expect(invalid.headers['cache-control']).toBe('no-store');
    const visitor = await anonymous(app);
    const refused = await visitor.get('/api/persons').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    const login = await visitor.post('/api/auth/login').send({ email: 'camille.legoff@brest.example', password: 'faux' });
    expect(login.headers['cache-control']).toBe('no-store');
    // a calendar feed keeps its own policy: calendar software polls it
    const feed = await request(app.getHttpServer()).get(new URL(created.body.url).pathname).expect(200);
    expect(feed.headers['cache-control']).toBe('private, max-age=300');
  });

  it('keeps no-store when the address is typed in capitals (the router answers it all the same)', async () => {
    const shouted = await lead.get('/API/Persons').expect(200);
    expect(Array.isArray(shouted.body)).toBe(true);
    expect(shouted.headers['cache-control']).toBe('no-store');
  });
});
