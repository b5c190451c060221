import { createHash } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';

import type { NextFunction, Request, Response } from 'express';

/** The API's addresses, in any case: the router matches `/API/roadmaps` as it does `/api/roadmaps`. */
const API = /^\/api(\/|$)/i;
const READS = new Set(['GET', 'HEAD']);

/**
 * A strong validator of the body's bytes (RFC 9110 §8.8.3): two answers share it only when they are
 * the same bytes. It names the uncompressed body; compression varies on Accept-Encoding (ADR 0025).
 */
export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * Every successful body sent through `res.send` (Nest's JSON, a CSV, an ICS, a PDF) gets a strong
 * ETag before Express's own `send` runs, unless the route chose its own (the chronogram's, from the
 * roadmap's revision: not recomputed from its megabyte). Express then keeps it and answers 304 when
 * `If-None-Match` matches — the `fresh` module's comparison, weak as RFC 9110 §13.1.2 wants for
 * If-None-Match, over a list of tags or `*`.
 */
export function etagOnSend(res: Response): void {
  const send = res.send;
  res.send = function (this: Response, body?: unknown) {
    const ok = this.statusCode >= 200 && this.statusCode < 300;
    if (ok && !this.getHeader('ETag') && (typeof body === 'string' || Buffer.isBuffer(body))) this.setHeader('ETag', strongEtag(body));
    return send.call(this, body);
  } as Response['send'];
}

/**
 * No validator on an error (decided when the status is known: Node writes every header in
 * writeHead): Express would tag an error's body too, and a later 304 must never vouch for a 404.
 */
export function noEtagOnError(res: Response): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, statusCode: number, ...rest: unknown[]) {
    if (statusCode >= 400) {
      this.removeHeader('ETag');
      // writeHead(status, headers) and writeHead(status, message, headers) may carry the headers themselves
      const headers = rest.find((r): r is OutgoingHttpHeaders => typeof r === 'object' && r !== null && !Array.isArray(r));
      if (headers) for (const name of Object.keys(headers)) if (/^etag$/i.test(name)) delete headers[name];
    }
    return (writeHead as (...a: unknown[]) => Response).call(this, statusCode, ...rest);
  } as Response['writeHead'];
}

/**
 * Every successful read under `/api` carries a strong ETag and answers 304 to a matching
 * `If-None-Match` (issue 14, ADR 0030); errors carry none. It changes no Cache-Control: a signed-in
 * read stays `no-store` (issue #16) — the web app keeps the bodies in memory and revalidates them
 * itself (web/src/app/data/etag.interceptor.ts), so a 304 saves the bytes without a browser cache.
 */
export function apiEtags(req: Request, res: Response, next: NextFunction): void {
  if (!API.test(req.path)) return next();
  if (READS.has(req.method)) etagOnSend(res);
  noEtagOnError(res);
  next();
}
