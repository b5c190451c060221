import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiError, RoadmapSummaryView } from '@jalons/contract';
import { SaxesParser } from 'saxes';
import request from 'supertest';

import { createTestApp } from './app';
import { signIn } from './auth';
import type { TestAgent } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

// http: with https the session cookies are Secure, and supertest speaks plain HTTP
const PUBLIC_URL = 'http://jalons.brest.example';
const INDEX = '<!doctype html><html lang="fr"><body><jl-root></jl-root></body></html>';

/** An XML document's elements as read by a strict, namespace-aware parser (saxes, jsdom's): throws when it is not well-formed. */
function xmlElements(xml: string): Array<{ name: string; uri: string; text: string; depth: number }> {
  const parser = new SaxesParser({ xmlns: true });
  const elements: Array<{ name: string; uri: string; text: string; depth: number }> = [];
  const open: Array<{ text: string }> = [];
  parser.on('opentag', (tag) => {
    const element = { name: tag.local ?? tag.name, uri: tag.uri ?? '', text: '', depth: open.length };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    if (open.length) open[open.length - 1].text += text;
  });
  parser.on('closetag', () => open.pop());
  parser.write(xml).close();
  return elements;
}

/** A Content-Security-Policy header as its directives. */
function csp(header: string | undefined): Record<string, string> {
  return Object.fromEntries(
    String(header ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1).join(' ')]),
  );
}

/**
 * The site's own files and the widget's framing (issue 13): crawlers are told what is public and
 * where the public pages are; the widget page may be framed only by the origins its roadmap lists,
 * and only while its public page is open; the lead's list is checked before it is stored.
 */
describe('robots.txt, sitemap.xml and the widget’s framing', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;
  let lead: TestAgent;
  let webDir: string;
  let brest: RoadmapSummaryView;
  let quimper: RoadmapSummaryView;
  let morlaix: RoadmapSummaryView;

  const settings = async (r: RoadmapSummaryView, body: Record<string, unknown>, status = 200) => {
    const current = (await lead.get(`/api/roadmaps/${r.id}`).expect(200)).body as RoadmapSummaryView;
    return lead
      .patch(`/api/roadmaps/${r.id}/settings`)
      .send({ version: current.version, ...body })
      .expect(status);
  };
  const create = async (territory: string) =>
    (await lead.post('/api/roadmaps').send({ territory, firstRound: '2026-03-15' }).expect(201)).body as RoadmapSummaryView;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'jalons-site-'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    // files where the API and the metrics answer: never served (express.static is not asked for those addresses)
    mkdirSync(join(webDir, 'api'));
    writeFileSync(join(webDir, 'api', 'roadmaps'), 'a file, not the API');
    writeFileSync(join(webDir, 'metrics'), 'a file, not the metrics');
    db = await createTestDatabase();
    ({ app, http } = await createTestApp(db.url, { WEB_DIR: webDir, PUBLIC_URL }));
    lead = await signIn(app, db, 'lead');
    [brest] = (await lead.get('/api/roadmaps').expect(200)).body as RoadmapSummaryView[];
    quimper = await create('Ville de Quimper');
    morlaix = await create('Ville de Morlaix');
    await settings(brest, { publicPage: true });
    await settings(quimper, { publicPage: true });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  it('answers /api and /metrics from the API, never from a file of the web app named so', async () => {
    const list = await lead.get('/api/roadmaps').expect(200);
    expect(list.headers['content-type']).toMatch(/^application\/json/);
    expect((list.body as RoadmapSummaryView[]).map((r) => r.id)).toContain(brest.id);
    const metrics = await http.get('/metrics');
    expect(metrics.text).not.toContain('a file');
    expect(metrics.status).toBe(401);
  });

  it('serves robots.txt: the public pages and data allowed, the rest disallowed, the sitemap named', async () => {
    const res = await http.get('/robots.txt').expect(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = res.text.split('\n');
    expect(lines[0]).toBe('User-agent: *');
    for (const line of [
      'Allow: /public',
      'Allow: /accessibilite',
      'Allow: /mentions-legales',
      'Allow: /donnees-personnelles',
      'Allow: /api/public/',
      'Disallow: /',
      `Sitemap: ${PUBLIC_URL}/sitemap.xml`,
    ]) {
      expect(lines).toContain(line);
    }
    // nothing that needs an account is allowed
    expect(lines.filter((l) => /^Allow: \/(r\/|api\/(?!public)|connexion|admin)/.test(l))).toEqual([]);
  });

  it('serves a sitemap 0.9 that parses as XML and lists exactly the open roadmaps, with absolute addresses', async () => {
    const res = await http.get('/sitemap.xml').expect(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const elements = xmlElements(res.text);
    expect(elements[0]).toMatchObject({ name: 'urlset', uri: 'http://www.sitemaps.org/schemas/sitemap/0.9', depth: 0 });
    expect(elements.every((e) => e.uri === 'http://www.sitemaps.org/schemas/sitemap/0.9')).toBe(true);
    const urls: Array<{ loc?: string; lastmod: string | null }> = [];
    for (const e of elements) {
      if (e.name === 'url') urls.push({ lastmod: null });
      if (e.name === 'loc') urls[urls.length - 1].loc = e.text;
      if (e.name === 'lastmod') urls[urls.length - 1].lastmod = e.text;
    }
    expect(elements.filter((e) => e.depth === 1).every((e) => e.name === 'url')).toBe(true);
    expect(urls.map((u) => u.loc).sort()).toEqual(
      [
        `${PUBLIC_URL}/public`,
        `${PUBLIC_URL}/public/${brest.slug}`,
        `${PUBLIC_URL}/public/${quimper.slug}`,
        `${PUBLIC_URL}/accessibilite`,
        `${PUBLIC_URL}/mentions-legales`,
        `${PUBLIC_URL}/donnees-personnelles`,
      ].sort(),
    );
    expect(urls.map((u) => u.loc)).not.toContain(`${PUBLIC_URL}/public/${morlaix.slug}`);
    const pages = urls.filter((u) => /\/public\/.+/.test(u.loc ?? ''));
    for (const p of pages) expect(p.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    // a page closed leaves the sitemap
    await settings(quimper, { publicPage: false });
    const after = (await http.get('/sitemap.xml').expect(200)).text;
    expect(after).not.toContain(`/public/${quimper.slug}<`);
    expect(after).toContain(`/public/${brest.slug}<`);
    await settings(quimper, { publicPage: true });
  });

  it('lets the widget be framed by exactly the saved origins, and keeps the rest of the policy', async () => {
    const saved = (
      await settings(brest, { embedOrigins: ['https://www.brest.fr', 'HTTP://Intranet.Brest.FR:8080/', 'https://www.brest.fr'] })
    ).body as RoadmapSummaryView;
    expect(saved.embedOrigins).toEqual(['https://www.brest.fr', 'http://intranet.brest.fr:8080']);
    expect(((await lead.get(`/api/roadmaps/${brest.id}`).expect(200)).body as RoadmapSummaryView).embedOrigins).toEqual(saved.embedOrigins);

    const widget = await http.get(`/public/${brest.slug}/encart`).expect(200);
    expect(widget.text).toBe(INDEX);
    expect(widget.headers['x-frame-options']).toBeUndefined();
    const framed = csp(widget.headers['content-security-policy']);
    expect(framed['frame-ancestors']).toBe('https://www.brest.fr http://intranet.brest.fr:8080');

    const other = await http.get(`/public/${brest.slug}`).expect(200);
    const page = csp(other.headers['content-security-policy']);
    expect(page['frame-ancestors']).toBe("'none'");
    expect(other.headers['x-frame-options']).toBe('SAMEORIGIN');
    // the same policy but for the framing: one list of directives
    expect({ ...framed, 'frame-ancestors': "'none'" }).toEqual(page);
    expect(page['script-src']).toBe("'self'");
  });

  it('frames the widget by no one when its page is closed, lists no origin, or the address is unknown', async () => {
    await settings(morlaix, { embedOrigins: ['https://www.morlaix.fr'] });
    for (const path of [`/public/${morlaix.slug}/encart`, '/public/pas-de-feuille/encart', `/public/${quimper.slug}/encart`]) {
      const res = await http.get(path).expect(200);
      expect([path, csp(res.headers['content-security-policy'])['frame-ancestors']]).toEqual([path, "'none'"]);
    }
    for (const path of ['/', '/public', `/r/${brest.slug}`, '/connexion', `/public/${brest.slug}/encart/plus`]) {
      const res = await http.get(path).expect(200);
      expect([path, csp(res.headers['content-security-policy'])['frame-ancestors']]).toEqual([path, "'none'"]);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
    // opening the page lets its origins frame the widget; an empty list closes it again
    await settings(morlaix, { publicPage: true });
    const open = await http.get(`/public/${morlaix.slug}/encart`).expect(200);
    expect(csp(open.headers['content-security-policy'])['frame-ancestors']).toBe('https://www.morlaix.fr');
    await settings(morlaix, { embedOrigins: [] });
    const none = await http.get(`/public/${morlaix.slug}/encart`).expect(200);
    expect(csp(none.headers['content-security-policy'])['frame-ancestors']).toBe("'none'");
    await settings(morlaix, { publicPage: false });
  });

  it('refuses a list that is not origins with a 422 on embedOrigins naming the value, and writes nothing', async () => {
    await settings(brest, { embedOrigins: ['https://www.brest.fr'] });
    const before = await db.query('select version, embed_origins from roadmap where id = $1', [brest.id]);
    const many = Array.from({ length: 21 }, (_, i) => `https://site${i}.brest.fr`);
    const cases: Array<[unknown, RegExp]> = [
      [['https://www.brest.fr/actualites'], /« https:\/\/www\.brest\.fr\/actualites » n’est pas une origine/],
      [['javascript:alert(1)'], /« javascript:alert\(1\) » n’est pas une origine/],
      [many, /21 sites : 20 au plus/],
      ['https://www.brest.fr', /doit être une liste/],
    ];
    for (const [embedOrigins, message] of cases) {
      const body = (await settings(brest, { embedOrigins }, 422)).body as ApiError;
      expect(body.error).toBe('rule_broken');
      expect(body.errors).toEqual([{ field: 'embedOrigins', message: expect.stringMatching(message) }]);
      expect(body.errors?.[0].message).toMatch(/^embedOrigins/);
    }
    expect(await db.query('select version, embed_origins from roadmap where id = $1', [brest.id])).toEqual(before);
  });
});
