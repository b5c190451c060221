import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/**
 * The public data's HTTP contract (issue 13, ADR 0025), over real HTTP: any site may read it (CORS
 * `*`, no cookies), only read it (405 otherwise), keep it five minutes and revalidate it (strong ETag,
 * 304), receive it compressed, and no address may flood it (429). The signed-in API is unchanged.
 */
describe('the public API over HTTP: CORS, methods, cache, ETag, compression, rate limit', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;
  let lead: TestAgent;
  let roadmapId: string;
  let slug: string;
  const elsewhere = 'https://www.autre-site.example';

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, http } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    [{ id: roadmapId, slug }] = await db.query<{ id: string; slug: string }>('update roadmap set public_page = true returning id, slug');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const page = () => `/api/public/roadmaps/${slug}`;

  it('lets any site read a public answer, without credentials, and see its ETag', async () => {
    const res = await http.get(page()).set('Origin', elsewhere).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['access-control-expose-headers']).toMatch(/(^|, )ETag(,|$)/);
    expect(res.body.slug).toBe(slug);
  });

  it('answers a preflight with 204, allowing GET, HEAD and If-None-Match', async () => {
    const res = await http
      .options(page())
      .set('Origin', elsewhere)
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'if-none-match')
      .expect(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(res.headers['access-control-allow-headers']).toMatch(/If-None-Match/i);
    expect(res.text).toBe('');
  });

  it('refuses every other method with 405, Allow: GET, HEAD, in the one error shape, and writes nothing', async () => {
    const before = await db.query('select public_page, version from roadmap where id = $1', [roadmapId]);
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const res = await http[method](page()).set('Origin', elsewhere).send({ publicPage: false });
      expect([method, res.status]).toEqual([method, 405]);
      expect(res.headers['allow']).toBe('GET, HEAD');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({
        statusCode: 405,
        error: 'method_not_allowed',
        message: expect.stringMatching(/GET ou HEAD/),
        requestId: expect.any(String),
      });
    }
    // the same for an address that matches no route, in any case
    expect((await http.post('/API/Public/nothing-here')).status).toBe(405);
    expect(await db.query('select public_page, version from roadmap where id = $1', [roadmapId])).toEqual(before);
  });

  it('lets caches keep a public answer five minutes, with a strong ETag that revalidates to 304', async () => {
    const first = await http.get(page()).expect(200);
    const etag = first.headers['etag'];
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(etag).toMatch(/^"[\w-]{20,}"$/); // strong: no W/ prefix
    const again = await http.get(page()).expect(200);
    expect(again.headers['etag']).toBe(etag);

    const revalidated = await http.get(page()).set('If-None-Match', etag).expect(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers['etag']).toBe(etag);
    expect(revalidated.headers['cache-control']).toBe('public, max-age=300');
    // RFC 9110 §13.1.2: a list of tags, the weak form of the same tag, and `*` all match
    await http.get(page()).set('If-None-Match', `"autre", ${etag}`).expect(304);
    await http.get(page()).set('If-None-Match', `W/${etag}`).expect(304);
    await http.get(page()).set('If-None-Match', '*').expect(304);
    await http.get(page()).set('If-None-Match', '"autre"').expect(200);
    const head = await http.head(page()).set('If-None-Match', etag).expect(304);
    expect(head.headers['etag']).toBe(etag);
  });

  it('gives a changed roadmap a new ETag: the old one then gets the whole new answer', async () => {
    const before = (await http.get(page()).expect(200)).headers['etag'];
    await db.query(`update phase set name = name || ' (renommée)' where roadmap_id = $1 and position = 1`, [roadmapId]);
    await db.query('update roadmap set revision = revision + 1 where id = $1', [roadmapId]);
    const after = await http.get(page()).set('If-None-Match', before).expect(200);
    expect(after.headers['etag']).not.toBe(before);
    expect(after.body.phases[0].name).toMatch(/\(renommée\)$/);
    await http.get(page()).set('If-None-Match', after.headers['etag']).expect(304);
  });

  it('keeps errors out of shared caches: a closed or absent page is a 404 without ETag, never a 304', async () => {
    for (const If of [undefined, '*']) {
      const req = http.get('/api/public/roadmaps/pas-de-page-ici');
      const res = await (If ? req.set('If-None-Match', If) : req).expect(404);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['etag']).toBeUndefined();
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.body).toMatchObject({ statusCode: 404, error: 'not_found' });
    }
  });

  it('compresses the answer when asked (gzip), and only then', async () => {
    const gz = await http.get(page()).set('Accept-Encoding', 'gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(gz.body.slug).toBe(slug);
    const plain = await http.get(page()).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(gz.body);
    // HEAD (curl -I) says what GET would: compressed, with its ETag and cache policy, no body
    const head = await http.head(page()).set('Accept-Encoding', 'gzip').expect(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.headers['etag']).toBe(gz.headers['etag']);
    expect(head.headers['cache-control']).toBe('public, max-age=300');
    expect((await http.head(page()).set('Accept-Encoding', 'identity').expect(200)).headers['content-encoding']).toBeUndefined();
    // revalidation works the same on the compressed answer
    await http.get(page()).set('Accept-Encoding', 'gzip').set('If-None-Match', gz.headers['etag']).expect(304);
  });

  it('keeps the signed-in API as it was: no-store, no CORS for other sites, its own refusals', async () => {
    const res = await lead.get('/api/roadmaps').set('Origin', elsewhere).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await http.options('/api/roadmaps').set('Origin', elsewhere).set('Access-Control-Request-Method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['ratelimit']).toBeUndefined();
  });

  it('compresses JSON and calendar feeds for the signed-in API too, but leaves the PDF report as it is', async () => {
    const json = await lead.get(`/api/roadmaps/${roadmapId}/actions`).set('Accept-Encoding', 'gzip').expect(200);
    expect(json.headers['content-encoding']).toBe('gzip');
    expect(json.body.length).toBeGreaterThan(10);
    const pdf = await lead
      .get(`/api/roadmaps/${roadmapId}/report`)
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const feed = (await lead.post('/api/calendars').send({ scope: 'roadmap', targetId: roadmapId }).expect(201)).body as { url: string };
    const ics = await http.get(new URL(feed.url).pathname).set('Accept-Encoding', 'gzip').expect(200);
    expect(ics.headers['content-encoding']).toBe('gzip');
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR/);
  });
});

describe('the public API’s per-address rate limit', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, http } = await createTestApp(db.url, { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' }));
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers 429 with Retry-After in the one error shape past the limit, and counts nothing else', async () => {
    const first = await http.get('/api/public/roadmaps').expect(200);
    expect(first.headers['ratelimit-policy']).toMatch(/q=3;\s*w=60/);
    expect(first.headers['ratelimit']).toMatch(/r=2/);
    // a preflight and the signed-in API do not use the allowance
    await http.options('/api/public/roadmaps').set('Origin', 'https://a.example').set('Access-Control-Request-Method', 'GET').expect(204);
    await http.get('/api/health').expect(200);
    await http.get('/api/public/roadmaps').expect(200);
    await http.head('/api/public/roadmaps').expect(200);
    const refused = await http.get('/api/public/roadmaps').expect(429);
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'too_many_requests',
      message: expect.stringContaining('3 requêtes par minute'),
      retryAfterSeconds: wait,
      requestId: expect.any(String),
    });
    await http.get('/api/health').expect(200);
  });
});
