import { basename } from 'node:path';

import type { Response } from 'express';

/**
 * A file whose name carries its content's hash, as the Angular build writes them (`main-DZBAA2XR.js`,
 * `chunk-24GO6YZQ.js`, `styles-QOYECZPX.css`, `media/font-ABCD1234.woff2`) or as other bundlers do
 * (`app.3f2a9c1b.js`): a new content gets a new name, so the old one may be kept for ever.
 */
export const HASHED_ASSET = /[-.](?:[A-Z0-9]{8}|[a-f0-9]{8,})\.(?:m?js|css|woff2?|ttf|otf|svg|png|jpe?g|gif|webp|avif|ico|map)$/;

/**
 * The lazy chunks as Angular 21's build names them once its chunk optimiser has run (`chunk-BKLba58_.js`,
 * `chunk-BwjQiww-.js`): eight characters of base64url, upper and lower case, `_` and `-` — which HASHED_ASSET
 * missed, so every chunk was kept an hour only (ADR 0039). Named by the build's own prefixes, not any 8 letters.
 */
export const HASHED_CHUNK = /^(?:chunk|main|polyfills|styles|worker)-[A-Za-z0-9_-]{8}\.(?:m?js|css|map)$/;

/** The web app's page: always revalidated, so a new deployment's page (naming the new hashed files) is seen at once. */
export const PAGE_CACHE = 'no-cache';

/**
 * Cache-Control of the web app's files (issue 14, ADR 0030), for `express.static`'s `setHeaders`:
 * hashed files a year and `immutable` (no revalidation on reload), `index.html` `no-cache`, any other
 * file (favicon.ico, robots-like files) an hour.
 */
export function staticCacheControl(res: Response, path: string): void {
  const name = basename(path);
  if (name === 'index.html') res.setHeader('Cache-Control', PAGE_CACHE);
  else if (HASHED_ASSET.test(name) || HASHED_CHUNK.test(name)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  else res.setHeader('Cache-Control', 'public, max-age=3600');
}
