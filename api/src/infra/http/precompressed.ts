import { existsSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The encodings the build writes beside a file (tools/web-postbuild.mjs), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** `/chunk-X.js` → the encodings written beside it, read once at start (no look on the disk per request). */
export function precompressedIndex(webDir: string): Map<string, Encoding[]> {
  const found = new Map<string, Encoding[]>();
  if (!existsSync(webDir)) return found;
  const files = new Set(filesUnder(webDir).map((f) => '/' + relative(webDir, f).split(sep).join('/')));
  for (const file of files) {
    const encodings = ENCODINGS.filter((e) => files.has(file + e.suffix)).map((e) => e.name);
    if (encodings.length && !ENCODINGS.some((e) => file.endsWith(e.suffix))) found.set(file, encodings);
  }
  return found;
}

/**
 * Serves a web file's precompressed copy (brotli quality 11 or gzip level 9, written by the build) to a request
 * that accepts it (ADR 0039): Content-Encoding and `Vary: Accept-Encoding`, the original's Content-Type and
 * Cache-Control (`setHeaders`, as express.static), the copy's length, ETag and Last-Modified (each encoding its
 * own validator), HEAD and conditional requests as `send` does them. compression() leaves a response that already
 * has a Content-Encoding as it is: nothing is compressed twice. A file without a copy, or a request that accepts
 * neither encoding, goes on to express.static (and compression()) as before.
 */
export function precompressedFiles(webDir: string, setHeaders: (res: Response, path: string) => void): RequestHandler {
  const index = precompressedIndex(webDir);
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !index.size) return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const available = index.get(path);
    if (!available) return next();
    // ours first (br), not the client's order: browsers list `gzip, deflate, br, zstd`, all with q=1
    const encoding = ENCODINGS.find((e) => available.includes(e.name) && req.acceptsEncodings(e.name) === e.name);
    if (!encoding) return next();
    res.vary('Accept-Encoding');
    res.setHeader('Content-Encoding', encoding.name);
    res.type(extname(path));
    setHeaders(res, path);
    res.sendFile(path.slice(1) + encoding.suffix, { root: webDir, cacheControl: false, dotfiles: 'deny' }, (err?: Error) => {
      if (!err || res.headersSent) return;
      // the copy is gone (a deployment under way): the original, as before
      for (const header of ['Content-Encoding', 'Content-Type', 'Cache-Control']) res.removeHeader(header);
      next();
    });
  };
}
