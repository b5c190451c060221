import type { CookieOptions, Request, Response } from 'express';

import { randomToken } from './secrets';

export const SESSION_COOKIE = 'jalons_session';
/** the names Angular's HttpClient uses by default */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';

/** Secure when the request came over HTTPS (directly, or through a trusted proxy) or the public address is https. */
function base(req: Request, publicUrl: string): CookieOptions {
  return { path: '/', sameSite: 'lax', secure: req.secure || publicUrl.startsWith('https://') };
}

/** The session cookie: httpOnly, no Max-Age (ends with the browser; the server ends it sooner). */
export function setSessionCookie(req: Request, res: Response, publicUrl: string, token: string): void {
  res.cookie(SESSION_COOKIE, token, { ...base(req, publicUrl), httpOnly: true });
}

/** The anti-CSRF token, readable by the page's script (that is the point). */
export function setXsrfCookie(req: Request, res: Response, publicUrl: string, token: string): void {
  res.cookie(XSRF_COOKIE, token, { ...base(req, publicUrl), httpOnly: false });
}

/** Gives an anonymous browser an anti-CSRF token if it has none (for the sign-in form). */
export function ensureXsrfCookie(req: Request, res: Response, publicUrl: string): void {
  const current: unknown = (req.cookies as Record<string, unknown> | undefined)?.[XSRF_COOKIE];
  if (typeof current !== 'string' || current.length < 20 || current.length > 100) setXsrfCookie(req, res, publicUrl, randomToken());
}

export function clearAuthCookies(req: Request, res: Response, publicUrl: string): void {
  res.clearCookie(SESSION_COOKIE, { ...base(req, publicUrl), httpOnly: true });
  setXsrfCookie(req, res, publicUrl, randomToken());
}
