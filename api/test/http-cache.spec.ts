import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { createTestApp } from './app';
import { anonymous, signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/*
 * HTTP caching (issue 14, ADR 0030): every successful API read carries a strong ETag of its body and
 * answers 304 — with no body — to a matching If-None-Match, so a phone on a train's network revalidates
 * instead of downloading again; a signed-in read stays `no-store` (nothing personal kept on disk, issue
 * #16); an error carries no validator. The web app's hashed files are kept a year, its page revalidated.
 */
describe('HTTP caching of the API’s reads', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let lead: TestAgent;
  let roadmapId: string;
  let action: { id: string; version: number };

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url));
    lead = await signIn(app, db, 'lead');
    [{ id: roadmapId }] = await db.query<{ id: string }>('select id from roadmap');
    [action] = await db.query<{ id: string; version: number }>('select id, version from action order by id limit 1');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('tags a signed-in read with a strong ETag and answers 304 without a body to the same request with it', async () => {
    const url = `/api/actions/${action.id}`;
    const first = await lead.get(url).expect(200);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers['cache-control']).toBe('no-store');
    const again = await lead.get(url).set('If-None-Match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers['content-length'] ?? '0').toBe('0');
    expect(again.headers['etag']).toBe(etag);
    expect(again.headers['cache-control']).toBe('no-store');
    // RFC 9110's weak comparison for If-None-Match: the weak form and a list match too; another tag does not
    await lead.get(url).set('If-None-Match', `W/${etag}`).expect(304);
    await lead.get(url).set('If-None-Match', `"autre", ${etag}`).expect(304);
    await lead.get(url).set('If-None-Match', '"autre"').expect(200);
  });

  it('gives a new ETag after a write, and the whole body to the old one', async () => {
    const url = `/api/actions/${action.id}`;
    const before = await lead.get(url).expect(200);
    const etag = before.headers['etag'] as string;
    await lead.patch(url).send({ version: before.body.version, title: 'Titre changé pour le cache' }).expect(200);
    const after = await lead.get(url).set('If-None-Match', etag).expect(200);
    expect(after.body.title).toBe('Titre changé pour le cache');
    expect(after.headers['etag']).not.toBe(etag);
    await lead.get(url).set('If-None-Match', after.headers['etag']).expect(304);
  });

  it('tags the lists, the CSV export and the ICS feed alike', async () => {
    for (const url of ['/api/persons', `/api/roadmaps/${roadmapId}`, `/api/roadmaps/${roadmapId}/export?format=csv`]) {
      const res = await lead.get(url).expect(200);
      expect(res.headers['etag']).toMatch(/^"/);
      await lead.get(url).set('If-None-Match', res.headers['etag']).expect(304);
    }
    const created = await lead.post('/api/calendars').send({ scope: 'roadmap', targetId: roadmapId }).expect(201);
    const feed = new URL(created.body.url).pathname;
    // the feed's DTSTAMPs are its events' last revisions, not the request's time: a calendar polling it later, in
    // another second, gets 304 until something changes
    const ics = await request(app.getHttpServer()).get(feed).expect(200);
    const etag = ics.headers['etag'] as string;
    expect(etag).toMatch(/^"/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await request(app.getHttpServer()).get(feed).set('If-None-Match', etag).expect(304);
    // one event changed: a new body, and that event's DTSTAMP moved
    const [shown] = await db.query<{ id: string; version: number }>(
      "select id, version from action where roadmap_id = $1 and status <> 'abandonnee' order by id limit 1",
      [roadmapId],
    );
    const stampOf = (text: string): string | undefined =>
      text
        .split('BEGIN:VEVENT')
        .find((event) => event.includes(`UID:action-${shown.id}@jalons`))
        ?.match(/^DTSTAMP:(\S+)/m)?.[1];
    expect(stampOf(ics.text)).toMatch(/^\d{8}T\d{6}Z$/);
    await lead
      .patch(`/api/actions/${shown.id}`)
      .send({ version: shown.version, title: 'Échéance renommée pour le calendrier' })
      .expect(200);
    const after = await request(app.getHttpServer()).get(feed).set('If-None-Match', etag).expect(200);
    expect(after.headers['etag']).not.toBe(etag);
    expect(after.text).toContain('Échéance renommée pour le calendrier');
    expect(stampOf(after.text)).not.toBe(stampOf(ics.text));
  });

  it('keeps the chronogram’s own ETag (from the roadmap’s revision, not a hash of its body)', async () => {
    const url = `/api/roadmaps/${roadmapId}/chronogram`;
    const res = await lead.get(url).expect(200);
    expect(res.headers['etag']).toMatch(/^W\/"\d+-/);
    await lead.get(url).set('If-None-Match', res.headers['etag']).expect(304);
  });

  it('puts no ETag on an error, and answers it whole whatever If-None-Match says', async () => {
    const missing = await lead.get('/api/actions/00000000-0000-4000-8000-000000000000').set('If-None-Match', '*').expect(404);
    expect(missing.headers['etag']).toBeUndefined();
    expect(missing.body.error).toBe('not_found');
    const bad = await lead.get('/api/actions/pas-un-id').expect(400);
    expect(bad.headers['etag']).toBeUndefined();
    const visitor = await anonymous(app);
    const refused = await visitor.get('/api/persons').expect(401);
    expect(refused.headers['etag']).toBeUndefined();
  });

  it('tags no write', async () => {
    const res = await lead.post('/api/calendars').send({ scope: 'roadmap', targetId: roadmapId }).expect(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const invalid = await lead.post('/api/calendars').send({ scope: 'rien' }).expect(400);
    expect(invalid.headers['etag']).toBeUndefined();
  });
});

describe('Cache-Control of the web app’s files', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jalons-web-'));
    mkdirSync(join(dir, 'media'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="fr"><title>Jalons</title><script src="main-DZBAA2XR.js"></script></html>',
    );
    writeFileSync(join(dir, 'main-DZBAA2XR.js'), 'console.log("jalons")');
    writeFileSync(join(dir, 'styles-QOYECZPX.css'), 'body{margin:0}');
    writeFileSync(join(dir, 'media', 'marianne-AB12CD34.woff2'), 'font');
    writeFileSync(join(dir, 'favicon.ico'), 'icon');
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url, { WEB_DIR: dir }));
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps hashed files a year (immutable), revalidates the page, keeps other files an hour', async () => {
    const http = request(app.getHttpServer());
    for (const file of ['/main-DZBAA2XR.js', '/styles-QOYECZPX.css', '/media/marianne-AB12CD34.woff2']) {
      expect((await http.get(file).expect(200)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect((await http.get('/index.html').expect(200)).headers['cache-control']).toBe('no-cache');
    expect((await http.get('/favicon.ico').expect(200)).headers['cache-control']).toBe('public, max-age=3600');
    // the app's own routes get its page, revalidated too
    const page = await http.get('/r/brest/chronogramme').expect(200);
    expect(page.text).toContain('main-DZBAA2XR.js');
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});
