import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { createTestApp } from './app';
import { signIn } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/**
 * The public page drawn by the server (ADR 0040), through the real HTTP application and its worker thread, on a
 * test database. The web app's server bundle is stood in for by a small ES module with the same exports
 * (`default`, `renderApplication`, `REQUESTED_LANG`, `SERVER_READ_HEADERS`): like the real one, it reads the public
 * data from the URL it is given, with the headers it is given, and writes what it read into the document. The real
 * bundle (Angular) is checked in Chromium by the e2e suite (public-page.e2e.ts).
 */
const INDEX =
  '<!doctype html><html lang="fr"><head><title>Jalons</title><link rel="stylesheet" href="styles-QOYECZPX.css"></head>' +
  '<body><jl-root></jl-root><script src="main-DZBAA2XR.js" type="module"></script></body></html>';

const BUNDLE = `
export const REQUESTED_LANG = { token: 'lang' };
export const SERVER_READ_HEADERS = { token: 'headers' };
export default function bootstrap() {
  throw new Error('not called by the stand-in renderApplication');
}
export async function renderApplication(bootstrapFn, { document, url, platformProviders }) {
  const given = (token) => platformProviders.find((p) => p.provide === token)?.useValue;
  const address = new URL(url);
  if (address.pathname.includes('plantage')) throw new Error('the drawing failed');
  if (address.pathname.includes('arret')) process.exit(3);
  if (address.pathname.startsWith('/r/')) return signedIn(address, document, given(SERVER_READ_HEADERS));
  const slug = address.pathname.split('/')[2];
  const read = slug ? '/api/public/roadmaps/' + slug : '/api/public/roadmaps';
  const res = await fetch(address.origin + read, { headers: given(SERVER_READ_HEADERS) });
  const lang = given(REQUESTED_LANG) ?? 'fr';
  const data = res.status === 200 ? await res.json() : null;
  const body = !data
    ? '<p data-load-error="' + (res.status === 404 ? 'not-found' : 'failed') + '">' + res.status + '</p>'
    : slug
      ? '<h1>' + data.title + '</h1>'
      : '<ul>' + data.map((r) => '<li><a href="/public/' + r.slug + '">' + r.territory + '</a></li>').join('') + '</ul>';
  // what Angular adds for the app that would take the page over: the reads, in the page
  const state = '<script id="ng-state" type="application/json">{"api:' + read + '":{"text":"…"}}</script>';
  return document
    .replace('lang="fr"', 'lang="' + lang + '"')
    .replace('<jl-root></jl-root>', '<jl-root>' + body + '</jl-root>' + state);
}
// a roadmap's overview, as the app's guards and resolver go: the session, then the roadmap named by the slug; the
// address the app ends at is written on <html> (app.config.server.ts)
async function signedIn(address, document, headers) {
  const at = (path, body) =>
    document.replace('<html', '<html data-drawn-url="' + path + '"').replace('<jl-root></jl-root>', '<jl-root>' + body + '</jl-root>');
  const session = await (await fetch(address.origin + '/api/auth/session', { headers })).json();
  if (!session.account) return at('/connexion?retour=' + encodeURIComponent(address.pathname), '<h1>Connexion</h1>');
  const roadmaps = await (await fetch(address.origin + '/api/roadmaps', { headers })).json();
  const roadmap = roadmaps.find((r) => r.slug === address.pathname.split('/')[2]);
  if (!roadmap) return at('/', '<h1>Vue du mandat</h1>');
  const path = address.pathname.endsWith('/') ? address.pathname.slice(0, -1) : address.pathname;
  return at(path, '<h1>' + roadmap.title + ' · ' + session.account.name + '</h1>');
}
`;

describe('the public page drawn by the server (ADR 0040)', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let web: string;
  let title: string;
  const slug = 'brest-2026-2032';

  const start = async (env: Record<string, string> = {}) => {
    await app?.close();
    ({ app } = await createTestApp(db.url, { WEB_DIR: join(web, 'browser'), ...env }));
    return request(app.getHttpServer());
  };

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'jalons-server-pages-'));
    mkdirSync(join(web, 'browser'));
    mkdirSync(join(web, 'server'));
    writeFileSync(join(web, 'browser', 'index.html'), INDEX);
    writeFileSync(join(web, 'browser', 'main-DZBAA2XR.js'), 'console.log("jalons")');
    writeFileSync(join(web, 'server', 'main.server.mjs'), BUNDLE);
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url, { WEB_DIR: join(web, 'browser') }));
    const lead = await signIn(app, db, 'lead');
    const [roadmap] = (await lead.get('/api/roadmaps').expect(200)).body as Array<{ id: string; title: string; version: number }>;
    title = roadmap.title;
    await lead.patch(`/api/roadmaps/${roadmap.id}/settings`).send({ version: roadmap.version, publicPage: true }).expect(200);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(web, { recursive: true, force: true });
  });

  it('sends the drawn page with its data, without the app’s script, with public-page.js', async () => {
    const http = request(app.getHttpServer());
    const res = await http.get(`/public/${slug}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain(`<h1>${title}</h1>`);
    expect(res.text).not.toContain('main-DZBAA2XR.js');
    expect(res.text).not.toMatch(/type="module"/);
    // no app reads the page's data from it: not sent twice
    expect(res.text).not.toContain('ng-state');
    expect(res.text).toContain('<script src="public-page.js" defer></script></head>');
    // the stylesheet stays: the page is drawn, not bare
    expect(res.text).toContain('styles-QOYECZPX.css');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['vary']).toMatch(/Cookie/);
  });

  it('draws it in the language asked: ?lang=, else the jalons.lang cookie, else French', async () => {
    const http = request(app.getHttpServer());
    const langOf = (html: string) => /<html lang="(\w+)"/.exec(html)?.[1];
    expect(langOf((await http.get(`/public/${slug}?lang=en`).expect(200)).text)).toBe('en');
    expect(langOf((await http.get(`/public/${slug}`).set('Cookie', 'jalons.lang=en').expect(200)).text)).toBe('en');
    expect(langOf((await http.get(`/public/${slug}?lang=fr`).set('Cookie', 'jalons.lang=en').expect(200)).text)).toBe('fr');
    expect(langOf((await http.get(`/public/${slug}?lang=de`).expect(200)).text)).toBe('fr');
    expect(langOf((await http.get(`/public/${slug}`).expect(200)).text)).toBe('fr');
  });

  it('answers 404 for a page that does not exist or is closed, with the page’s message', async () => {
    const res = await request(app.getHttpServer()).get('/public/pas-de-feuille').expect(404);
    expect(res.text).toContain('data-load-error="not-found"');
    expect(res.text).not.toMatch(/type="module"/);
  });

  it('draws the list of public pages too', async () => {
    const http = request(app.getHttpServer());
    for (const path of ['/public', '/public/']) {
      const res = await http.get(path).expect(200);
      expect(res.text).toContain(`<li><a href="/public/${slug}">`);
      expect(res.text).not.toMatch(/type="module"/);
      expect(res.text).toContain('public-page.js');
    }
  });

  it('leaves the widget, and any other page, to the app', async () => {
    const http = request(app.getHttpServer());
    for (const path of [`/public/${slug}/encart`, '/publications', '/connexion']) {
      const res = await http.get(path).expect(200);
      expect(res.text).toContain('<script src="main-DZBAA2XR.js" type="module"></script>');
      expect(res.text).not.toContain('public-page.js');
    }
  });

  it('gives the app’s page when the drawing fails, and draws again after its worker died', async () => {
    const http = request(app.getHttpServer());
    const failed = await http.get('/public/plantage').expect(200);
    expect(failed.text).toContain('<script src="main-DZBAA2XR.js" type="module"></script>');
    const died = await http.get('/public/arret').expect(200);
    expect(died.text).toContain('<script src="main-DZBAA2XR.js" type="module"></script>');
    const again = await http.get(`/public/${slug}`).expect(200);
    expect(again.text).toContain(`<h1>${title}</h1>`);
  });

  it('draws a roadmap’s overview for a valid session, with the app’s script and the anti-CSRF cookie', async () => {
    const lead = await signIn(app, db, 'lead');
    const me = (await lead.get('/api/auth/me').expect(200)).body as { name: string };
    for (const path of [`/r/${slug}`, `/r/${slug}/`]) {
      const res = await lead.get(path).expect(200);
      expect(res.text).toContain(`<h1>${title} · ${me.name}</h1>`);
      // the app takes the page over when the reader needs it: its module preloaded, not run; the starter runs it
      expect(res.text).not.toMatch(/type="module"/);
      expect(res.text).toContain(
        '<link rel="modulepreload" href="main-DZBAA2XR.js"><script src="drawn-start.js" data-app="main-DZBAA2XR.js" defer></script></body>',
      );
      expect(res.text).not.toContain('public-page.js');
      expect(res.headers['cache-control']).toBe('no-cache, private');
      expect(res.headers['vary']).toMatch(/Cookie/);
      // the session's own token, so that the app's first change is accepted
      const xsrf = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('XSRF-TOKEN='));
      expect(xsrf).toMatch(/^XSRF-TOKEN=[\w-]{20,}/);
    }
    // the other pages of a roadmap are the app's
    const chronogram = await lead.get(`/r/${slug}/chronogramme`).expect(200);
    expect(chronogram.text).not.toContain('<h1>');
  });

  it('leaves the overview to the app without a valid session, or when the app would go elsewhere', async () => {
    const http = request(app.getHttpServer());
    const appPage = (res: request.Response) => {
      expect(res.text).toContain('<jl-root></jl-root>');
      expect(res.text).toContain('<script src="main-DZBAA2XR.js" type="module"></script>');
    };
    // no cookie, an unknown token, a malformed one
    appPage(await http.get(`/r/${slug}`).expect(200));
    appPage(await http.get(`/r/${slug}`).set('Cookie', 'jalons_session=unknown-token').expect(200));
    appPage(await http.get(`/r/${slug}`).set('Cookie', 'jalons_session=a%20b%3Bc').expect(200));
    // a roadmap that does not exist: the app's resolver sends the reader elsewhere, so the drawing is not sent
    const lead = await signIn(app, db, 'lead');
    appPage(await lead.get('/r/pas-de-feuille').expect(200));
  });

  it('counts a page once against the public data’s limit: its own read is not counted again, a forged one is', async () => {
    const http = await start({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
    // three pages, each with a read of the public data: all drawn (the reads would have made it six)
    for (let i = 0; i < 3; i++) expect((await http.get(`/public/${slug}`).expect(200)).text).toContain(`<h1>${title}</h1>`);
    const fourth = await http.get(`/public/${slug}`).expect(429);
    expect(fourth.body.error).toBe('too_many_requests');
    expect(fourth.headers['retry-after']).toMatch(/^\d+$/);

    const other = await start({ PUBLIC_RATE_LIMIT_PER_MINUTE: '2' });
    await other.get(`/api/public/roadmaps/${slug}`).set('x-jalons-server-page', 'a guess').expect(200);
    await other.get(`/api/public/roadmaps/${slug}`).set('x-jalons-server-page', '').expect(200);
    await other.get(`/api/public/roadmaps/${slug}`).set('x-jalons-server-page', 'another').expect(429);
  });
});
