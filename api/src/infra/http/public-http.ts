import type { OutgoingHttpHeaders } from 'node:http';

import type { ApiError } from '@jalons/contract';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';

import { etagOnSend } from './etag';

/** The public data: `/api/public/*`, in any case (the router matches `/API/PUBLIC/…` as it does `/api/public/…`). */
export const PUBLIC_API = /^\/api\/public(\/|$)/i;

/** What a shared cache may do with a public answer: keep it five minutes, then revalidate with its ETag. */
export const PUBLIC_CACHE = 'public, max-age=300';

const READS = new Set(['GET', 'HEAD']);
/** Headers a page on another site may read from a public answer (fetch hides the others). */
const EXPOSED = 'ETag, Retry-After, RateLimit, RateLimit-Policy';

// pino-http (issue 14) types `req.id` as string | number | object; the request-id middleware (bootstrap.ts) always sets a string
type WithId = Request;

/** The API's one error body, written here because these answers never reach Nest's filter. */
function fail(req: WithId, res: Response, body: Omit<ApiError, 'requestId'>): void {
  res.status(body.statusCode).json({ ...body, requestId: req.id as string | undefined });
}

/**
 * Cache headers decided when the status is known (Node writes every header in writeHead): a 2xx or a
 * 304 keeps `public, max-age=300` and its ETag; an error (a closed page's 404, a 429) must not stay in
 * a shared cache after the page opens, nor carry a validator that a later 304 would vouch for.
 */
function errorsUncached(res: Response): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, statusCode: number, ...rest: unknown[]) {
    if (statusCode >= 400) {
      this.setHeader('Cache-Control', 'no-store');
      this.removeHeader('ETag');
      // writeHead(status, headers) and writeHead(status, message, headers) may carry the headers themselves
      const headers = rest.find((r): r is OutgoingHttpHeaders => typeof r === 'object' && r !== null && !Array.isArray(r));
      if (headers) for (const name of Object.keys(headers)) if (/^(cache-control|etag)$/i.test(name)) delete headers[name];
    }
    return (writeHead as (...a: unknown[]) => Response).call(this, statusCode, ...rest);
  } as Response['writeHead'];
}

/**
 * A HEAD answer carries the headers a GET would (RFC 9110 §9.3.2), `Content-Encoding` included — so
 * that `curl -I` shows what a reader gets. `compression` declines HEAD requests; its decision (filter,
 * threshold, negotiation) is made here as for a GET, when the headers are written. Node sends no body
 * for HEAD whatever is written after (the compressed length is then unknown: no Content-Length).
 */
function headLikeGet(req: Request, res: Response): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    req.method = 'GET';
    try {
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } finally {
      req.method = 'HEAD';
    }
  } as Response['writeHead'];
}

/**
 * The per-address limit of the public data: `limit` requests a minute, then 429 with Retry-After. One counter for
 * the API's public reads and the public pages the server draws (ADR 0040); `exempt`: a read that a counted page made.
 */
export function publicRateLimit(limit: number, exempt: (req: Request) => boolean = () => false): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    // keyed on req.ip, the address Express gives once `trust proxy` is configured (an IPv6 address counts by its /56)
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // a browser's preflight is the first half of a GET that will be counted
    skip: (req) => req.method === 'OPTIONS' || exempt(req),
    handler: (req, res) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfterSeconds = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000));
      res.setHeader('Retry-After', String(retryAfterSeconds));
      fail(req, res, {
        statusCode: 429,
        error: 'too_many_requests',
        message: `Trop de requêtes depuis votre adresse : les données publiques répondent à ${limit} requêtes par minute et par adresse. Réessayez dans ${retryAfterSeconds} s.`,
        retryAfterSeconds,
      });
    },
  });
}

/**
 * The public data's HTTP contract (issue 13, ADR 0025), for `/api/public/*` only: read by anyone from
 * any site (CORS `*` without credentials — no cookie is read there), GET and HEAD only, cacheable five
 * minutes with a strong ETag and 304, and limited per address. The signed-in API keeps its own rules
 * (no-store, CORS closed unless configured).
 */
export function publicHttp(options: { limiter: RequestHandler }): RequestHandler {
  const { limiter } = options;
  return (req: WithId, res: Response, next: NextFunction) => {
    if (!PUBLIC_API.test(req.path)) return next();
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD');
      res.setHeader('Access-Control-Allow-Headers', 'If-None-Match');
      res.setHeader('Access-Control-Max-Age', '86400');
      res.setHeader('Allow', 'GET, HEAD');
      res.status(204).end();
      return;
    }
    if (!READS.has(req.method)) {
      res.setHeader('Allow', 'GET, HEAD');
      res.setHeader('Cache-Control', 'no-store');
      return fail(req, res, {
        statusCode: 405,
        error: 'method_not_allowed',
        message: `Les données publiques se lisent seulement (GET ou HEAD) : la méthode ${req.method} n’y est pas permise.`,
      });
    }
    errorsUncached(res);
    if (req.method === 'HEAD') headLikeGet(req, res);
    limiter(req, res, () => {
      res.setHeader('Cache-Control', PUBLIC_CACHE);
      // the strong ETag and 304 of every API read (infra/http/etag.ts, ADR 0030)
      etagOnSend(res);
      next();
    });
  };
}
