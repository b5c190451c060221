import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Router } from 'express';

import { cspFramedBy } from '../../infra/http/content-security';
import type { SiteQueries } from './site.queries';

/** The pages anyone may read without an account (the public pages and the legal pages H4 writes). */
const OPEN_PAGES = ['/public', '/accessibilite', '/mentions-legales', '/donnees-personnelles'];

/** The widget page of a roadmap, made for an `<iframe>` (an Angular route answered by the index page). */
const WIDGET = /^\/public\/([^/]+)\/encart\/?$/;

/** The crawlers' rules (RFC 9309): the open pages and the public data, nothing that needs an account. */
export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    ...OPEN_PAGES.map((p) => `Allow: ${p}`),
    'Allow: /api/public/',
    // the scripts and styles that draw the open pages (the web app is one page of JavaScript)
    'Allow: /*.js$',
    'Allow: /*.css$',
    'Allow: /favicon.ico',
    'Disallow: /',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n');
}

function xmlText(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/** The sitemap (protocol 0.9): the list of public pages, each open roadmap's page with its last change, the legal pages. */
export function sitemapXml(publicUrl: string, pages: ReadonlyArray<{ slug: string; lastmod: string }>): string {
  const url = (path: string, lastmod?: string) =>
    `  <url><loc>${xmlText(publicUrl + path)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url('/public'),
    ...pages.map((p) => url(`/public/${encodeURIComponent(p.slug)}`, p.lastmod)),
    ...OPEN_PAGES.slice(1).map((p) => url(p)),
    '</urlset>',
    '',
  ].join('\n');
}

/** `/robots.txt` and `/sitemap.xml`, served by the API's process whether the web app is built or not. */
export function siteFiles(queries: SiteQueries, publicUrl: string): Router {
  const router = Router();
  router.get('/robots.txt', (_req: Request, res: Response) => {
    res.type('text/plain; charset=utf-8').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(robotsTxt(publicUrl));
  });
  router.get('/sitemap.xml', (_req: Request, res: Response, next: NextFunction) => {
    queries.openPages().then((pages) => {
      // a page opened or closed shows in the sitemap within five minutes
      res.type('application/xml; charset=utf-8').setHeader('Cache-Control', 'public, max-age=300');
      res.send(sitemapXml(publicUrl, pages));
    }, next);
  });
  return router;
}

/**
 * The widget page's framing: its HTML answer carries the shared Content-Security-Policy with
 * `frame-ancestors` set to the origins its roadmap lists (`'none'` when it lists none or its public
 * page is closed — the same answer as for an unknown address) and without X-Frame-Options, which
 * cannot name several sites and would override nothing else. Every other page keeps `'none'`.
 */
export function widgetFraming(queries: SiteQueries): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const match = req.method === 'GET' || req.method === 'HEAD' ? WIDGET.exec(req.path) : null;
    if (!match) return next();
    let slug: string;
    try {
      slug = decodeURIComponent(match[1]).slice(0, 100);
    } catch {
      return next();
    }
    queries.embedOrigins(slug).then(
      (origins) => {
        res.removeHeader('X-Frame-Options');
        try {
          cspFramedBy(origins)(req, res, next);
        } catch {
          // a stored value helmet refuses (written around the API's validation): framed by no one
          res.setHeader('X-Frame-Options', 'DENY');
          next();
        }
      },
      // the database unreachable: the page still loads, framed by no one
      () => next(),
    );
  };
}
