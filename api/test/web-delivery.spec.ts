import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import type { NestExpressApplication } from '@nestjs/platform-express';

import type { RoadmapSummaryView } from '@jalons/contract';

import { createTestApp } from './app';
import { signIn } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

const ROOT = join(__dirname, '..', '..');

/** A build's output as Angular's application builder writes it: the main bundle imports each page's chunk lazily. */
const MAIN = 'main-HVTFXBEX.js';
const CHRONOGRAM = 'chunk-DVCtJhMQ.js';
const GANTT = 'chunk-Bw_jQ-w1.js';
const SHARED = 'chunk-BKLba58_.js';
const DATES = 'chunk-DgOnGdb3.js';
const LAZY_IN_PAGE = 'chunk-C2GikZWb.js';
const OVERVIEW = 'chunk-DlE-RegL.js';
const LEGAL = 'chunk-DeApaTZg.js';
/** some text worth compressing (over 1 KiB, repetitive like code) */
const code = (name: string) => `/* ${name} */ ` + Array.from({ length: 200 }, (_, i) => `export const v${i} = "${name}";`).join('\n');

function fakeBuild(dir: string): void {
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="fr"><head><title>Jalons</title><base href="/"/><link rel="stylesheet" href="styles-FAYQVQWN.css"></head><body><jl-root></jl-root><script src="${MAIN}" type="module"></script></body></html>`,
  );
  writeFileSync(
    join(dir, MAIN),
    `${code('main')};var a=[{path:\`\`,pathMatch:\`full\`,loadChildren:()=>import(\`./${OVERVIEW}\`).then(t=>t.overviewRoutes)},` +
      `{path:\`chronogramme\`,loadChildren:()=>import(\`./${CHRONOGRAM}\`).then(t=>t.chronogramRoutes)}];` +
      // as a development build writes it, not minified
      `var b = [{ path: "mentions-legales", loadChildren: () => import("./${LEGAL}").then((m) => m.legalNoticeRoutes) }];`,
  );
  // the chronogram's chunk imports two chunks statically, one of them another; and one lazily (a @defer block)
  writeFileSync(
    join(dir, CHRONOGRAM),
    `import{a as x}from"./${MAIN}";import{g}from"./${GANTT}";import"./${DATES}";${code('chronogram')};import(\`./${LAZY_IN_PAGE}\`)`,
  );
  writeFileSync(join(dir, GANTT), `import{s}from"./${SHARED}";${code('gantt')}`);
  writeFileSync(join(dir, SHARED), `import{a}from"./${MAIN}";${code('shared')}`);
  writeFileSync(join(dir, DATES), `import{s}from"./${SHARED}";${code('dates')}`);
  writeFileSync(join(dir, LAZY_IN_PAGE), code('lazy'));
  writeFileSync(join(dir, OVERVIEW), `import{s}from"./${SHARED}";${code('overview')}`);
  writeFileSync(join(dir, LEGAL), code('legal'));
  writeFileSync(join(dir, 'styles-FAYQVQWN.css'), Array.from({ length: 100 }, (_, i) => `.c${i}{margin:${i}px}`).join(''));
  writeFileSync(join(dir, 'tiny-ABCDEFGH.js'), 'export const tiny = 1;');
  mkdirSync(join(dir, 'media'));
  writeFileSync(join(dir, 'media', 'font-AB12CD34.woff2'), Buffer.alloc(4096, 7));
}

function fakeRoutes(dir: string): void {
  writeFileSync(
    join(dir, 'app.routes.ts'),
    `export const appRoutes = [
  { path: 'connexion', data: bare, children: loginRoutes },
  { path: 'mentions-legales', data: bare, loadChildren: () => import('./legal/legal.routes').then((m) => m.legalNoticeRoutes) },
  { path: 'r/:slug', canMatch: [x], resolve: { roadmap: y }, children: roadmapRoutes },
];`,
  );
  writeFileSync(
    join(dir, 'roadmap.routes.ts'),
    `export const roadmapRoutes = [
  {
    path: '',
    pathMatch: 'full',
    loadChildren: () => import('./overview/overview.routes').then((m) => m.overviewRoutes),
  },
  {
    path: 'chronogramme',
    loadChildren: () => import('./chronogram/chronogram.routes').then((m) => m.chronogramRoutes),
  },
];`,
  );
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The bytes as sent (supertest would decompress them). */
function raw(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The `<link>`s of a page's head. */
const links = (html: string) => [...html.matchAll(/<link rel="(modulepreload|preload)"[^>]*href="([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}`);

/**
 * The first request does more (issue 14, ADR 0039): the build writes brotli and gzip copies of the web files and
 * the chunks each route's page needs; the server sends the copies as they are, and each route's index page names
 * its chunks (and the first API reads that follow from the address) so the browser fetches them at once.
 */
describe('the web app’s files precompressed, and each route’s page naming what it needs', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let web: string;
  let port: number;

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'jalons-web-'));
    const routes = mkdtempSync(join(tmpdir(), 'jalons-routes-'));
    fakeBuild(web);
    fakeRoutes(routes);
    execFileSync(process.execPath, [join(ROOT, 'tools', 'web-postbuild.mjs'), web, routes], { stdio: 'pipe' });
    rmSync(routes, { recursive: true, force: true });
    db = await createTestDatabase();
    ({ app } = await createTestApp(db.url, { WEB_DIR: web }));
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (web) rmSync(web, { recursive: true, force: true });
  });

  it('derives each route’s chunks from the build: the page’s chunk and what it imports statically, not what it loads later', () => {
    const hints = JSON.parse(readFileSync(join(web, 'route-hints.json'), 'utf8')) as { routes: Array<{ path: string; modules: string[] }> };
    const of = (path: string) =>
      hints.routes
        .find((r) => r.path === path)
        ?.modules.slice()
        .sort();
    expect(of('/r/:slug/chronogramme')).toEqual([CHRONOGRAM, GANTT, SHARED, DATES].sort());
    expect(of('/r/:slug')).toEqual([OVERVIEW, SHARED].sort());
    expect(of('/mentions-legales')).toEqual([LEGAL]);
    // the eager sign-in page is in main.js: nothing to announce
    expect(of('/connexion')).toBeUndefined();
  });

  it('writes brotli and gzip copies of the text files worth it, none of the page, of a tiny file or of a font', () => {
    for (const file of [MAIN, CHRONOGRAM, 'styles-FAYQVQWN.css']) {
      expect([file, existsSync(join(web, `${file}.br`)), existsSync(join(web, `${file}.gz`))]).toEqual([file, true, true]);
      expect(brotliDecompressSync(readFileSync(join(web, `${file}.br`)))).toEqual(readFileSync(join(web, file)));
    }
    for (const file of ['index.html', 'tiny-ABCDEFGH.js', 'media/font-AB12CD34.woff2'])
      expect([file, existsSync(join(web, `${file}.br`))]).toEqual([file, false]);
  });

  it('sends the brotli copy as it is to a browser that accepts it, with the original’s type and cache, its own length', async () => {
    const res = await raw(port, 'GET', `/${CHRONOGRAM}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    // the type express.static gives the original
    const original = await raw(port, 'GET', `/${CHRONOGRAM}`, { 'accept-encoding': 'identity' });
    expect(original.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['content-type']).toBe(original.headers['content-type']);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(res.headers['vary'])).toMatch(/Accept-Encoding/i);
    // the copy's bytes, not compressed a second time by compression()
    expect(res.body).toEqual(readFileSync(join(web, `${CHRONOGRAM}.br`)));
    expect(Number(res.headers['content-length'])).toBe(statSync(join(web, `${CHRONOGRAM}.br`)).size);
    expect(brotliDecompressSync(res.body).toString()).toBe(readFileSync(join(web, CHRONOGRAM), 'utf8'));

    const css = await raw(port, 'GET', '/styles-FAYQVQWN.css', { 'accept-encoding': 'br' });
    expect([css.headers['content-encoding'], css.headers['content-type']]).toEqual(['br', 'text/css; charset=utf-8']);
  });

  it('sends the gzip copy to a client that accepts only gzip, the original to one that accepts neither', async () => {
    const gz = await raw(port, 'GET', `/${MAIN}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body)).toEqual(readFileSync(join(web, MAIN)));
    const plain = await raw(port, 'GET', `/${MAIN}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(readFileSync(join(web, MAIN)));
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const refused = await raw(port, 'GET', `/${MAIN}`, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('answers HEAD with the copy’s headers and no body, and a repeated read with its validator by a 304', async () => {
    const head = await raw(port, 'HEAD', `/${CHRONOGRAM}`, { 'accept-encoding': 'br' });
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(statSync(join(web, `${CHRONOGRAM}.br`)).size);
    expect(head.body.length).toBe(0);
    const again = await raw(port, 'GET', `/${CHRONOGRAM}`, { 'accept-encoding': 'br', 'if-none-match': String(head.headers['etag']) });
    expect(again.status).toBe(304);
    // the gzip copy has its own validator: a cache never mixes the two
    const gz = await raw(port, 'HEAD', `/${CHRONOGRAM}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['etag']).not.toBe(head.headers['etag']);
  });

  it('names the chronogram page’s chunks in its page, and only those, before main.js is even read', async () => {
    const res = await raw(port, 'GET', '/r/brest-2026-2032/chronogramme', { 'accept-encoding': 'identity' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body.toString();
    // main.js first: over HTTP/1.1 it must not queue behind the chunks
    expect(links(html)[0]).toBe(`modulepreload ${MAIN}`);
    expect(links(html).slice(1).sort()).toEqual([CHRONOGRAM, GANTT, SHARED, DATES].map((f) => `modulepreload ${f}`).sort());
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
    // the same policy as any page: the hints are no scripts
    const plain = await raw(port, 'GET', '/mes-echeances');
    expect(res.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);
  });

  it('names the overview’s chunks on the overview only, and nothing on a path the build does not know', async () => {
    const overview = (await raw(port, 'GET', '/r/brest-2026-2032')).body.toString();
    expect(links(overview).sort()).toEqual([MAIN, OVERVIEW, SHARED].map((f) => `modulepreload ${f}`).sort());
    for (const path of ['/', '/mes-echeances', '/r/brest-2026-2032/corbeille', '/connexion']) {
      const res = await raw(port, 'GET', path);
      expect([path, res.status, links(res.body.toString())]).toEqual([path, 200, []]);
      expect(res.body.toString()).toBe(readFileSync(join(web, 'index.html'), 'utf8'));
    }
  });

  it('announces the public page’s data, its slug escaped, and the session and roadmaps only to a request with a session cookie', async () => {
    const page = (await raw(port, 'GET', '/public/brest-2026-2032')).body.toString();
    expect(links(page)).toEqual([`modulepreload ${MAIN}`, 'preload /api/public/roadmaps/brest-2026-2032']);
    expect(page).toContain('<link rel="preload" as="fetch" crossorigin href="/api/public/roadmaps/brest-2026-2032">');

    const attack = '/public/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%3C%22';
    const escaped = (await raw(port, 'GET', attack)).body.toString();
    expect(escaped).not.toContain('<script>alert');
    expect(escaped).not.toMatch(/href="[^"]*"[^>]*"><script/);
    expect(links(escaped)).toEqual([
      `modulepreload ${MAIN}`,
      'preload /api/public/roadmaps/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%3C%22',
    ]);
    const quote = (await raw(port, 'GET', "/public/l'%26a")).body.toString();
    expect(quote).toContain('href="/api/public/roadmaps/l&#39;%26a"');

    const signedOut = (await raw(port, 'GET', '/r/brest-2026-2032/chronogramme')).body.toString();
    expect(links(signedOut).filter((l) => l.startsWith('preload '))).toEqual([]);
    const withCookie = await raw(port, 'GET', '/r/brest-2026-2032/chronogramme', { cookie: 'jalons_session=abc' });
    const signedIn = withCookie.body.toString();
    // a page that may name an account's reads is for that browser only; the same page without a session, for anyone
    expect(withCookie.headers['cache-control']).toBe('no-cache, private');
    expect((await raw(port, 'GET', '/r/brest-2026-2032/chronogramme')).headers['cache-control']).toBe('no-cache');
    expect(links(signedIn).filter((l) => l.startsWith('preload '))).toEqual(['preload /api/auth/session', 'preload /api/roadmaps']);
    // nothing private in the page: addresses only
    expect(signedIn).not.toContain('abc');
  });

  it('announces the chronogram page’s data, by the roadmap’s id, to a signed-in account only', async () => {
    const lead = await signIn(app, db, 'lead');
    const [brest] = (await lead.get('/api/roadmaps').expect(200)).body as RoadmapSummaryView[];
    const page = (await lead.get(`/r/${brest.slug}/chronogramme`).expect(200)).text;
    expect(links(page).filter((l) => l.startsWith('preload '))).toEqual([
      'preload /api/auth/session',
      'preload /api/roadmaps',
      `preload /api/roadmaps/${brest.id}/chronogram`,
    ]);
    expect(links(page).filter((l) => l.startsWith('modulepreload ')).length).toBe(5);
    // a made-up session: the addresses that follow from the path, not the roadmap's id
    const stranger = (await raw(port, 'GET', `/r/${brest.slug}/chronogramme`, { cookie: 'jalons_session=made-up' })).body.toString();
    expect(stranger).not.toContain(brest.id);
    // a baseline's or one function's chronogram reads another address: none announced
    for (const query of ['?ligne=1', '?fonction=2']) {
      expect((await lead.get(`/r/${brest.slug}/chronogramme${query}`).expect(200)).text).not.toContain(brest.id);
    }
  });

  it('announces the overview’s roadmap and functions, by the roadmap’s id, for today only', async () => {
    const elected = await signIn(app, db, 'elected');
    const [brest] = (await elected.get('/api/roadmaps').expect(200)).body as RoadmapSummaryView[];
    const reads = async (url: string) => links((await elected.get(url).expect(200)).text).filter((l) => l.includes(brest.id));
    expect(await reads(`/r/${brest.slug}`)).toEqual([`preload /api/roadmaps/${brest.id}`, `preload /api/roadmaps/${brest.id}/functions`]);
    // another day (`?at=`), another page of the roadmap, an unknown roadmap: nothing by id
    expect(await reads(`/r/${brest.slug}?at=2027-01-01`)).toEqual([]);
    expect(await reads(`/r/${brest.slug}/administration`)).toEqual([]);
    expect(links((await elected.get('/r/pas-de-feuille').expect(200)).text).filter((l) => l.includes('/api/roadmaps/'))).toEqual([]);
  });
});
