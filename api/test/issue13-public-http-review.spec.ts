import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { createTestApp } from './app';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/*
 * Issue 13's review of the public HTTP layer over real HTTP: a HEAD says what a GET would (ETag,
 * Cache-Control, CORS, the encoding), a 304 keeps the caching and CORS headers, the open data's ETag
 * follows the data, CSV is compressed in gzip and brotli, and the rate limit counts per address — the
 * proxy's address when trusted, the socket's otherwise (a forged X-Forwarded-For gains nothing).
 */
describe('the public HTTP layer, reviewed', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let csv: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url, { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }));
    await db.query(`update roadmap set public_page = true where slug = 'brest-2026-2032'`);
    csv = '/api/public/roadmaps/brest-2026-2032/open-data/actions.csv';
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const http = () => request(app.getHttpServer());

  it('answers a HEAD with the headers of the GET, compressed when asked, and a 304 to its ETag', async () => {
    const get = await http().get(csv).set('Accept-Encoding', 'gzip');
    const head = await http().head(csv).set('Accept-Encoding', 'gzip');
    expect(get.status).toBe(200);
    expect(head.status).toBe(200);
    for (const h of ['etag', 'cache-control', 'content-type', 'content-encoding', 'access-control-allow-origin', 'vary']) {
      expect([h, head.headers[h]]).toEqual([h, get.headers[h]]);
    }
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.text ?? '').toBe('');
    const again = await http().head(csv).set('If-None-Match', get.headers['etag']);
    expect(again.status).toBe(304);
  });

  it('keeps the cache and CORS headers on a 304, weak or listed validators included', async () => {
    const { headers } = await http().get(csv).expect(200);
    for (const inm of [headers['etag'], `W/${headers['etag']}`, `"autre", ${headers['etag']}`]) {
      const res = await http().get(csv).set('If-None-Match', inm);
      expect([inm, res.status]).toEqual([inm, 304]);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['etag']).toBe(headers['etag']);
    }
  });

  it('gives the open data a new ETag when an action changes, and the whole new file to the old one', async () => {
    const before = await http().get(csv).expect(200);
    await db.query(
      `update action set title = title || ' (révisée)' where id = (select a.id from action a join target_function f on f.id = a.function_id
         join roadmap r on r.id = f.roadmap_id where r.slug = 'brest-2026-2032' order by a.id limit 1)`,
    );
    const after = await http().get(csv).set('If-None-Match', before.headers['etag']);
    expect(after.status).toBe(200);
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
    expect(after.text).toContain('(révisée)');
  });

  it('compresses CSV in gzip or brotli as asked, and not when not asked', async () => {
    for (const enc of ['gzip', 'br']) {
      const res = await http().get(csv).set('Accept-Encoding', enc).buffer(true);
      expect([enc, res.headers['content-encoding']]).toEqual([enc, enc]);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    }
    const plain = await http().get(csv).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it.each([
    ['behind a trusted proxy, per client address', '1', [429, 200]],
    ['without a trusted proxy, per socket: a forged X-Forwarded-For gains nothing', 'false', [429, 429]],
  ])('limits %s', async (_, trust, [first, second]) => {
    const { app: limited } = await createTestApp(db.url, { PUBLIC_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: trust });
    try {
      const from = (addr: string) => request(limited.getHttpServer()).get('/api/public/instance').set('X-Forwarded-For', addr);
      for (let i = 0; i < 3; i++) expect((await from('203.0.113.7')).status).toBe(200);
      const over = await from('203.0.113.7');
      expect(over.status).toBe(first);
      expect(over.headers['retry-after']).toMatch(/^\d+$/);
      expect(over.headers['cache-control']).toBe('no-store');
      expect((await from('198.51.100.9')).status).toBe(second);
    } finally {
      await limited.close();
    }
  });
});
