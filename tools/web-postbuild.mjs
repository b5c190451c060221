// After the web app's build (web:build runs it once web:build-app has written dist/web/browser; ADR 0039):
//
//  1. route-hints.json — for each lazy route of the app, the files its page certainly needs: the chunk its
//     `loadChildren` imports and every chunk that chunk imports statically, transitively. Derived from the build
//     itself: the main bundle's `import("./chunk-….js").then(m => m.<routesName>)` (the routes array's export name
//     survives minification, it is read off a module namespace) and the emitted chunks' own `import … from "./chunk-….js"`;
//     the paths come from web/src/app/app.routes.ts and roadmap.routes.ts (their `path: '…'` next to
//     `.then((m) => m.<routesName>)`). The API answers these paths with the index page plus
//     `<link rel="modulepreload">` for those files, so they load beside main.js instead of one after the other.
//     Dynamic imports (the English texts, @defer blocks) are left out: a page may not need them.
//  2. `.br` (quality 11) and `.gz` (level 9) beside every compressible file worth it, served as they are by the API
//     (api/src/infra/http/precompressed.ts) instead of compressing each response at brotli quality 4.
//
//  0. A production build also writes the server's bundle (dist/web/server, ADR 0040); the build then names the browser's
//     page index.csr.html. It is renamed index.html, the page the API serves (and reads to draw a page on the server).
//
// Usage: node tools/web-postbuild.mjs [browserDir=dist/web/browser] [appDir=web/src/app]
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const browserDir = process.argv[2] ?? 'dist/web/browser';
const appDir = process.argv[3] ?? 'web/src/app';

/** What compression() would compress too (text); below 1 KiB the headers cost more than the saving (its threshold). */
const COMPRESSIBLE = /\.(?:m?js|css|html|json|svg|txt|webmanifest|xml|map|ico)$/;
const MIN_BYTES = 1024;
/** The page the API rewrites per route (hints): compressed per request like the API's JSON, never precompressed. */
const NOT_PRECOMPRESSED = new Set(['index.html']);

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

// ---- 0. the page's name ----

if (existsSync(join(browserDir, 'index.csr.html'))) renameSync(join(browserDir, 'index.csr.html'), join(browserDir, 'index.html'));

// ---- 1. route hints ----

/** `path: 'x'` … `.then((m) => m.xRoutes)` in one route object (no nested braces between them). */
const LAZY_ROUTE = /path:\s*'([^']*)'[^{}]*?loadChildren:[^{}]*?\.then\(\(?(\w+)\)?\s*=>\s*\2\.(\w+)\)/g;

function lazyRoutes(source, prefix) {
  // `pathMatch: 'full'` (the overview at ''): that path only; otherwise the pages under it too (`/r/:slug/actions/:id`)
  return [...source.matchAll(LAZY_ROUTE)].map(([route, path, , name]) => ({
    path: `${prefix}${path ? `/${path}` : ''}` || '/',
    name,
    exact: /pathMatch:\s*'full'/.test(route) || undefined,
  }));
}

/** `import("./chunk-X.js").then(t=>t.name)` in the main bundle: routes array name → its chunk. */
function lazyChunks(main) {
  const chunks = new Map();
  // minified (`.then(t=>t.x)`) or not (a development build: `.then((m) => m.x)`)
  for (const m of main.matchAll(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)\s*\.then\(\s*\(?\s*(\w+)\s*\)?\s*=>\s*\2\.(\w+)\s*\)/g)) {
    const [, file, , name] = m;
    if (chunks.has(name) && chunks.get(name) !== file) throw new Error(`${name} is in two chunks: ${chunks.get(name)}, ${file}`);
    chunks.set(name, file);
  }
  return chunks;
}

/** A chunk's static imports (`import{…}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`), not its dynamic ones. */
function staticImports(code) {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([\w.-]+\.js)["'`]/g)].map((m) => m[1]);
}

function routeHints(mainFile) {
  const main = readFileSync(join(browserDir, mainFile), 'utf8');
  const chunks = lazyChunks(main);
  const closure = (file) => {
    const seen = new Set();
    const visit = (f) => {
      if (seen.has(f) || f === mainFile) return;
      seen.add(f);
      for (const dep of staticImports(readFileSync(join(browserDir, f), 'utf8'))) visit(dep);
    };
    visit(file);
    return [...seen];
  };
  const declared = [
    ...lazyRoutes(readFileSync(join(appDir, 'app.routes.ts'), 'utf8'), '').filter((r) => r.path !== '/'),
    ...lazyRoutes(readFileSync(join(appDir, 'roadmap.routes.ts'), 'utf8'), '/r/:slug'),
  ];
  if (!declared.some((r) => r.path === '/r/:slug/chronogramme')) throw new Error('no chronogram route found in roadmap.routes.ts');
  return declared.map(({ path, name, exact }) => {
    const chunk = chunks.get(name);
    // a route whose chunk is not found would silently lose its hints: the build says so instead
    if (!chunk) throw new Error(`${path}: no import(…).then(m => m.${name}) in ${mainFile}`);
    return { path, exact, modules: closure(chunk) };
  });
}

const index = readFileSync(join(browserDir, 'index.html'), 'utf8');
const mainFile = /<script src="([\w.-]+\.js)" type="module">/.exec(index)?.[1];
if (!mainFile) throw new Error('index.html names no main script');
const routes = routeHints(mainFile);
writeFileSync(join(browserDir, 'route-hints.json'), JSON.stringify({ main: mainFile, routes }, null, 2) + '\n');
const chronogram = routes.find((r) => r.path === '/r/:slug/chronogramme');
console.log(`route-hints.json: ${routes.length} routes; the chronogram page needs ${chronogram.modules.length} chunks`);

// ---- 2. precompressed files ----

let raw = 0;
let br = 0;
let gz = 0;
const started = performance.now();
for (const file of filesUnder(browserDir)) {
  const name = relative(browserDir, file);
  if (!COMPRESSIBLE.test(name) || NOT_PRECOMPRESSED.has(name)) continue;
  const content = readFileSync(file);
  if (content.length < MIN_BYTES) continue;
  const brotli = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const gzip = gzipSync(content, { level: 9 });
  // kept only when smaller: the server serves whichever exists, the original otherwise
  if (brotli.length < content.length) writeFileSync(`${file}.br`, brotli);
  if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip);
  raw += content.length;
  br += Math.min(brotli.length, content.length);
  gz += Math.min(gzip.length, content.length);
}
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`precompressed: ${kib(raw)} → br ${kib(br)}, gzip ${kib(gz)} (${Math.round(performance.now() - started)} ms)`);
