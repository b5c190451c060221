import type { RequestHandler } from 'express';
import { contentSecurityPolicy } from 'helmet';

/**
 * The web app's Content-Security-Policy, one list for every page: helmet sends it on every answer,
 * and the widget page (`/public/<slug>/encart`) sends the same with only `frame-ancestors` changed.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Angular and frappe-gantt set inline styles; no inline script is allowed
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // no site may show Jalons in a frame (clickjacking), but the widget for the origins its roadmap lists
  'frame-ancestors': ["'none'"],
};

/** helmet's options for that policy, with the sites allowed to frame the page (none when the list is empty). */
export function cspOptions(frameAncestors: readonly string[] = []) {
  const directives: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(CSP_DIRECTIVES)) directives[name] = [...values];
  directives['frame-ancestors'] = frameAncestors.length ? [...frameAncestors] : ["'none'"];
  return { useDefaults: false, directives };
}

/** The policy's header for one answer: the shared list, with `frame-ancestors` set to these origins. */
export function cspFramedBy(frameAncestors: readonly string[]): RequestHandler {
  return contentSecurityPolicy(cspOptions(frameAncestors));
}
