import type { NextFunction, Request, Response } from 'express';

/** The public pages: not personal, and worth keeping in a cache. */
const PUBLIC = /^\/api\/public(\/|$)/i;
/** The API's addresses, in any case: the router matches `/API/roadmaps` as it does `/api/roadmaps`. */
const API = /^\/api(\/|$)/i;

/**
 * `Cache-Control: no-store` on every API answer but the public pages' (issue #16): a signed-in
 * person's data, a new calendar address or an error naming an account must not outlive the session
 * in a browser, a proxy or a shared computer. It is set before the route runs, so a route that chooses
 * its own policy on purpose overrides it (the chronogram's `no-cache` with its ETag, a calendar
 * feed's `private, max-age=300`).
 */
export function noStoreByDefault(req: Request, res: Response, next: NextFunction): void {
  if (API.test(req.path) && !PUBLIC.test(req.path)) res.setHeader('Cache-Control', 'no-store');
  next();
}
