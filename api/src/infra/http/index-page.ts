import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { NextFunction, Request, RequestHandler, Response } from 'express';

import { PAGE_CACHE } from './static-cache';
import { escapeHtml } from '../html';

/** tools/web-postbuild.mjs's route-hints.json: per lazy route of the web app, the chunks its page certainly needs. */
export interface RouteHints {
  /** the main bundle, named first: over HTTP/1.1 (six connections) it must not wait behind the chunks */
  main?: string;
  routes: Array<{ path: string; exact?: boolean; modules: string[] }>;
}

/** A first API read of a page whose address follows from its path alone. */
export interface ApiPreload {
  /** `/public/:slug`; `exact: false` takes the pages under it too */
  path: string;
  exact?: boolean;
  /** announced only when the request carries the session cookie (the read needs a session; without one it is a 401) */
  signedIn?: boolean;
  /** the API address, from the path's decoded params (the web app's services encode them with encodeURIComponent) */
  url: (params: Record<string, string>) => string;
}

interface CompiledRoute {
  pattern: RegExp;
  head: string;
}

/** `/r/:slug/chronogramme` → a regular expression capturing the slug; `exact: false` takes the pages under it too. */
function compile(path: string, exact: boolean): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}${exact ? '/?' : '(?:/.*)?'}$`), names };
}

function params(names: string[], match: RegExpExecArray): Record<string, string> | null {
  try {
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
  } catch {
    return null;
  }
}

function readHints(webDir: string): RouteHints {
  const file = join(webDir, 'route-hints.json');
  if (!existsSync(file)) return { routes: [] };
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RouteHints;
  } catch {
    return { routes: [] };
  }
}

/**
 * The web app's page for its own routes (ADR 0039): the built index.html, `no-cache` (and `private` to a request
 * with a session cookie: its hints may name the account's reads); for a route the build
 * knows (route-hints.json), with `<link rel="modulepreload">` for its page's chunks in the `<head>`, so the
 * browser fetches them beside main.js rather than one after the other once the router asks; and, for the
 * `preloads` given, `<link rel="preload" as="fetch">` for the page's first API read. Hints are no scripts: the
 * CSP is the same. A path the build does not know, or a build without route-hints.json, gets the plain page.
 */
export interface IndexPageOptions {
  /** reads whose address follows from the path (API_PRELOADS) */
  preloads?: ApiPreload[];
  /** whether the request carries a session cookie (for the `signedIn` preloads; not whether the session is valid) */
  hasSession?: (req: Request) => boolean;
  /** reads only the server can name (from the database); an error announces none */
  more?: (req: Request) => Promise<string[]>;
}

export function indexPage(webDir: string, options: IndexPageOptions = {}): RequestHandler {
  const index = join(webDir, 'index.html');
  const page = readFileSync(index, 'utf8');
  const hasHead = page.includes('</head>');
  const hints = readHints(webDir);
  const main = hints.main ? `<link rel="modulepreload" href="${escapeHtml(hints.main)}">` : '';
  const routes: CompiledRoute[] = hints.routes.map((r) => ({
    ...compile(r.path, r.exact === true),
    head: r.modules.map((m) => `<link rel="modulepreload" href="${escapeHtml(m)}">`).join(''),
  }));
  const apiRoutes = (options.preloads ?? []).map((p) => ({
    ...compile(p.path, p.exact !== false),
    signedIn: p.signedIn === true,
    url: p.url,
  }));
  const fetches = (req: Request, session: boolean): string[] =>
    apiRoutes.flatMap((api) => {
      const match = api.signedIn && !session ? null : api.pattern.exec(req.path);
      const values = match && params(api.names, match);
      return values ? [api.url(values)] : [];
    });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    const more = options.more ? options.more(req).catch(() => []) : Promise.resolve([]);
    more.then((extra) => {
      const session = options.hasSession?.(req) ?? false;
      // with a session cookie the page may name the account's reads (a roadmap's id): for that browser only
      res.setHeader('Cache-Control', session ? `${PAGE_CACHE}, private` : PAGE_CACHE);
      const chunks = routes.find((r) => r.pattern.test(req.path))?.head ?? '';
      const reads = [...fetches(req, session), ...extra];
      // main.js first, then the API reads (the server works on them while the chunks come), then the page's chunks;
      // crossorigin (credentials same-origin): the mode of HttpClient's fetch, or the browser asks a second time
      const head =
        (chunks || reads.length ? main : '') +
        reads.map((url) => `<link rel="preload" as="fetch" crossorigin href="${escapeHtml(url)}">`).join('') +
        chunks;
      if (!head || !hasHead) return res.sendFile(index);
      res.type('html').send(page.replace('</head>', `${head}</head>`));
    }, next);
  };
}

/**
 * The first API reads announced in the page (`<link rel="preload" as="fetch" crossorigin>`), checked in Chromium:
 * the app's request (HttpClient withFetch, credentials same-origin) takes the preloaded response, one request in the
 * network log, not two (ADR 0039). The public page's data (its slug is in the path); on a roadmap's pages with a
 * session cookie, the session and the roadmaps the shell and the slug's resolver ask first. No data in the HTML.
 */
export const API_PRELOADS: ApiPreload[] = [
  { path: '/public/:slug', url: ({ slug }) => `/api/public/roadmaps/${encodeURIComponent(slug)}` },
  { path: '/r/:slug', exact: false, signedIn: true, url: () => '/api/auth/session' },
  { path: '/r/:slug', exact: false, signedIn: true, url: () => '/api/roadmaps' },
];
