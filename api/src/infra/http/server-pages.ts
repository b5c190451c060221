import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import type { Lang } from '@jalons/domain';
import { LANG_KEY, langOf } from '@jalons/domain';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

import { PAGE_CACHE } from './static-cache';

/**
 * Pages the server draws (ADR 0040): the public roadmap page, `/public/:slug`, and the list of them, `/public`, drawn
 * by the web app's own server bundle (`dist/web/server/main.server.mjs`, the production build) and sent without the
 * app's script. A citizen on a phone gets the whole page in the first answer; its buttons (print, language) are
 * served by `public-page.js`, a few lines of the web app's own. Not the widget (`/encart`), which stays the app's.
 * A roadmap's overview is drawn too, for a signed-in reader, and sent with the app's script (`signedInPage` below).
 */
export const SERVER_DRAWN = /^\/public(?:\/[^/]+)?\/?$/;

/** The header that names an API read as the one of a page the server draws (counted with the page, not again). */
export const SERVER_READ_HEADER = 'x-jalons-server-page';

/** Beyond this, the reader gets the app's page rather than waiting. */
const RENDER_TIMEOUT_MS = 10_000;

/**
 * The worker: imports the server bundle once, then draws each page asked (Angular's `renderApplication`, from the
 * bundle itself: one copy of Angular). In a worker thread, so that the ~100 ms of a drawing never hold the API's
 * event loop; as evaluated code, because the API's bundle is CommonJS and the web app's is an ES module.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const bundle = import(pathToFileURL(workerData.bundle).href);
parentPort.on('message', ({ id, document, url, lang, headers }) => {
  bundle
    .then((b) =>
      b.renderApplication(b.default, {
        document,
        url,
        allowedHosts: [new URL(url).hostname],
        platformProviders: [
          { provide: b.REQUESTED_LANG, useValue: lang },
          { provide: b.SERVER_READ_HEADERS, useValue: headers },
        ],
      }),
    )
    .then(
      (html) => parentPort.postMessage({ id, html }),
      (err) => parentPort.postMessage({ id, error: String((err && err.stack) || err) }),
    );
});
`;

interface Pending {
  resolve: (html: string) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

type WorkerAnswer = { id: number; html: string; error?: undefined } | { id: number; error: string; html?: undefined };

/**
 * The page as the server sends it: without the app's module script and its preloads, and without what only the app
 * would read (the drawing's reads and hydration data, `ng-state`), with `public-page.js`.
 */
export function withoutApp(html: string): string {
  return html
    .replace(/<script\b[^>]*\btype="module"[^>]*>\s*<\/script>/g, '')
    .replace(/<script\b[^>]*\bid="ng-state"[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, '')
    .replace('</head>', '<script src="public-page.js" defer></script></head>');
}

/**
 * The signed-in page as the server sends it (ADR 0040, decision 3): the app's module is preloaded, not run; the
 * page's starter (`drawn-start.js`) runs it at the reader's first gesture, or when a part only the app draws comes
 * into view. A page without the app's module script is sent as it is.
 */
export function startedByTheReader(html: string): string {
  return html.replace(
    /<script\b[^>]*\bsrc="([^"]+)"[^>]*\btype="module"[^>]*>\s*<\/script>/,
    (_tag, src: string) => `<link rel="modulepreload" href="${src}"><script src="drawn-start.js" data-app="${src}" defer></script>`,
  );
}

/**
 * The server bundle's drawings, in one worker thread started at the first page and started again if it dies; it
 * stops with the application (a Nest provider: `app.close()` and the graceful stop call onApplicationShutdown).
 */
export class ServerPages implements OnApplicationShutdown {
  /** names this process's own API reads (SERVER_READ_HEADER); new at each start, never sent to a browser */
  private readonly token = randomBytes(24).toString('base64url');
  private readonly bundle: string;
  /** the built index.html, the document the app is drawn into; null: a build without the server bundle */
  private readonly document: string | null;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  /** The drawings of the build in `webDir`, from `<webDir>/../server/main.server.mjs` (the production build's). */
  constructor(webDir: string) {
    this.bundle = join(webDir, '..', 'server', 'main.server.mjs');
    const index = join(webDir, 'index.html');
    this.document = existsSync(this.bundle) && existsSync(index) ? readFileSync(index, 'utf8') : null;
  }

  /** Whether the build has the server bundle (a development build, or no web app, has not). */
  get available(): boolean {
    return this.document !== null;
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  /** Whether an API request is the read of a page this process draws. */
  isOwnRead(req: Request): boolean {
    return req.get(SERVER_READ_HEADER) === this.token;
  }

  /**
   * The page at `url` (absolute: its reads go to the same origin), in `lang` (null: French); with `cookie`, its reads
   * carry it (a signed-in page: the session's cookie).
   */
  render(url: string, lang: Lang | null, cookie?: string): Promise<string> {
    if (this.document === null) return Promise.reject(new Error('this build has no server bundle'));
    const worker = this.started();
    const id = ++this.next;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(id, new Error(`no page drawn within ${RENDER_TIMEOUT_MS} ms`)), RENDER_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      const headers: Record<string, string> = { [SERVER_READ_HEADER]: this.token };
      if (cookie) headers['cookie'] = cookie;
      worker.postMessage({ id, document: this.document, url, lang, headers });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('the server pages are closed'));
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bundle: this.bundle } });
    // the process may end with it idle (tests, the CLI)
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) =>
      this.settle(answer.id, answer.error === undefined ? answer.html : new Error(answer.error)),
    );
    const gone = (err: Error): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(err);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`the drawing worker stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(id: number, outcome: string | Error): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (typeof outcome === 'string') pending.resolve(outcome);
    else pending.reject(outcome);
  }

  private failAll(err: Error): void {
    for (const id of [...this.pending.keys()]) this.settle(id, err);
  }
}

/** The address this server answered the request on: the drawn page's reads come back to it. */
function ownOrigin(req: Request): string {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${req.socket.localPort}`;
}

/** The page's own address on this server (its reads come back to it), query included. */
function drawnUrl(req: Request): string {
  return `${ownOrigin(req)}${req.originalUrl}`;
}

/** A read of a page (GET or HEAD) at an address the server draws. */
function pageRead(req: Request, drawn: RegExp): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && drawn.test(req.path);
}

/** The drawing could not read what the page shows (the worker's own marker): the app's page instead. */
const drawingFailed = (html: string): boolean => html.includes('data-load-error="failed"');

/** The language asked: `?lang=`, else the `jalons.lang` cookie; null: French. */
function langAsked(req: Request): Lang | null {
  return langOf(req.query['lang']) ?? langOf((req.cookies as Record<string, unknown> | undefined)?.[LANG_KEY]);
}

export interface ServerPageOptions {
  /** the public data's per-address limit: the page counts as the read it makes */
  limiter: RequestHandler;
  /** what went wrong, for the logs (the reader gets the app's page) */
  onError: (req: Request, err: unknown) => void;
}

/**
 * `GET /public/:slug` and `GET /public` drawn by the server (ADR 0040). The language: `?lang=`, else the `jalons.lang` cookie, else
 * French. A closed or unknown page is a 404 with its message. If the drawing fails (the worker, a read the API could
 * not answer), the handler passes: the reader gets the app's page, which tries again in the browser.
 */
export function serverPage(pages: ServerPages, options: ServerPageOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!pageRead(req, SERVER_DRAWN)) return next();
    options.limiter(req, res, () => {
      pages.render(drawnUrl(req), langAsked(req)).then(
        (html) => {
          if (drawingFailed(html)) return next();
          res.status(html.includes('data-load-error="not-found"') ? 404 : 200);
          res.setHeader('Cache-Control', PAGE_CACHE);
          // the language may come from the cookie
          res.vary('Cookie');
          res.type('html').send(withoutApp(html));
        },
        (err: unknown) => {
          options.onError(req, err);
          next();
        },
      );
    });
  };
}

/** The signed-in pages the server draws (ADR 0040, decision 2): a roadmap's overview, `/r/:slug`. */
export const SIGNED_IN_DRAWN = /^\/r\/[^/]+\/?$/;

export interface SignedInPageOptions {
  /** the session cookie's name */
  cookie: string;
  /** whether the session of `token` (the cookie's value) is valid, and what to set with the page: the anti-CSRF cookie */
  session: (token: string, req: Request, res: Response) => Promise<boolean>;
  onError: (req: Request, err: unknown) => void;
}

/** `/r/brest/` and `/r/brest` are the same page; the router's address has no trailing slash and no fragment. */
function samePath(drawn: string, asked: string): boolean {
  const strip = (path: string) => path.split(/[?#]/)[0].replace(/\/+$/, '');
  return strip(drawn) === strip(asked);
}

/**
 * A roadmap's overview drawn by the server for a valid session, with the app's script: the app then takes the
 * page over where it stands (hydration) rather than drawing it again. Without a valid session, or when
 * the drawing went elsewhere (a guard's redirect) or failed, the handler passes: the app's page, as before.
 */
export function signedInPage(pages: ServerPages, options: SignedInPageOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!pageRead(req, SIGNED_IN_DRAWN)) return next();
    const token = (req.cookies as Record<string, unknown> | undefined)?.[options.cookie];
    if (typeof token !== 'string' || !/^[\w.-]{1,100}$/.test(token)) return next();
    options
      .session(token, req, res)
      .then((valid) => (valid ? pages.render(drawnUrl(req), langAsked(req), `${options.cookie}=${token}`) : null))
      .then(
        (html) => {
          const drawn = html && /\bdata-drawn-url="([^"]*)"/.exec(html)?.[1];
          if (!html || !drawn || !samePath(drawn, req.path) || drawingFailed(html)) return next();
          // the account's own data: for this browser only, asked again each time
          res.setHeader('Cache-Control', `${PAGE_CACHE}, private`);
          res.vary('Cookie');
          res.type('html').send(startedByTheReader(html));
        },
        (err: unknown) => {
          options.onError(req, err);
          next();
        },
      );
  };
}
