import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';

import { AppModule } from './app/app.module';
import { SESSION_COOKIE, SessionsService, setXsrfCookie } from './app/auth';
import { PagePreloads, SiteQueries, siteFiles, widgetFraming } from './app/site';
import { noStoreByDefault } from './infra/http/cache-control';
import { cspOptions } from './infra/http/content-security';
import { apiEtags } from './infra/http/etag';
import type { HttpDrain } from './infra/http/drain';
import { PUBLIC_API, publicHttp, publicRateLimit } from './infra/http/public-http';
import { jsonDepthGuard } from './infra/http/json-depth';
import { staticCacheControl } from './infra/http/static-cache';
import { precompressedFiles } from './infra/http/precompressed';
import { API_PRELOADS, indexPage } from './infra/http/index-page';
import { ServerPages, serverPage, signedInPage } from './infra/http/server-pages';
import { LoggingModule } from './infra/logging';
import type { AppConfig } from './infra/config/config';

/** The API's and the metrics' addresses: neither the web app's files nor its pages. */
const NOT_FILES = /^\/(api|metrics)(\/|$)/i;

/** Where the logs go: stdout unless a stream is given (the observability test reads the lines). */
export interface AppOptions {
  logDestination?: DestinationStream;
  /** main.ts's graceful stop: counts the requests under way, refuses new ones once stopping (ADR 0031) */
  drain?: HttpDrain;
}

/** A page the server could not draw: the reader gets the app's page, and the log says why. */
function logDrawnByTheApp(log: NestLogger): (req: Request, err: unknown) => void {
  return (req, err) => log.warn(`${req.originalUrl} drawn by the app instead: ${(err as Error)?.message ?? err}`);
}

/** Builds the HTTP application (API under /api, docs, and the web app when built). Used by main and by tests. */
export async function createApp(config: AppConfig, databaseUrl: string, options: AppOptions = {}): Promise<NestExpressApplication> {
  const root = LoggingModule.around(AppModule.create(config, databaseUrl), config, options.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(root, { logger: config.logLevels, bodyParser: false, bufferLogs: true });
  // Nest's own messages through pino too, with the request's id when logged during a request (ADR 0029)
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      // one list of directives for every page (infra/http/content-security.ts); the widget page changes only frame-ancestors
      contentSecurityPolicy: cspOptions(),
      // HSTS only makes sense when served over HTTPS
      strictTransportSecurity: config.publicUrl.startsWith('https://'),
    }),
  );
  // gzip or brotli when asked, for the API's JSON and CSV and the web app's files that have no precompressed
  // copy; it leaves what is already compressed (the PDF report, images, a copy with its Content-Encoding) as it is
  // (ADR 0025, 0039)
  app.use(compression());
  // closed unless configured: other sites may not call the API with the user's cookies — but the
  // public data, open to every site without cookies (publicHttp below)
  if (config.corsOrigins.length) {
    app.enableCors((req: Request, done: (err: Error | null, options: CorsOptions) => void) =>
      done(null, PUBLIC_API.test(req.path) ? { origin: false } : { origin: config.corsOrigins, credentials: true }),
    );
  }
  app.use(cookieParser());
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    req.id = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', req.id);
    next();
  });
  if (options.drain) app.use(options.drain.middleware);
  app.use(noStoreByDefault);
  // a strong ETag and 304 on every successful API read, none on errors (ADR 0030)
  app.use(apiEtags);
  // the public page drawn by the server, when the build has its bundle (ADR 0040): its read of the public data is
  // counted with the page, once
  const pages = app.get(ServerPages);
  const publicLimit = publicRateLimit(config.publicRateLimitPerMinute, (req) => pages.isOwnRead(req));
  app.use(publicHttp({ limiter: publicLimit }));
  app.useBodyParser('json', { limit: '256kb' });
  app.use(jsonDepthGuard);
  // `GET /metrics` for Prometheus stays outside /api (ADR 0029)
  app.setGlobalPrefix('api', { exclude: ['metrics'] });

  const openApi = new DocumentBuilder()
    .setTitle('Jalons API')
    .setDescription('Feuille de route du service public local de la donnée : phases, fonctions cibles, actions, jalons, indicateurs.')
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs-json' });

  const site = app.get(SiteQueries);
  app.use(siteFiles(site, config.publicUrl));
  if (existsSync(join(config.webDir, 'index.html'))) {
    // hashed files a year and immutable, index.html no-cache, the others an hour (ADR 0030); never asked for
    // /api and /metrics, which are no files (a look on the disk per API request, ~1 ms: issue 14); the build's
    // brotli/gzip copies first, as they are, when the request accepts them (ADR 0039)
    const precompressed = precompressedFiles(config.webDir, staticCacheControl);
    const files = express.static(config.webDir, { index: false, setHeaders: staticCacheControl });
    app.use((req: Request, res: Response, next: NextFunction) =>
      NOT_FILES.test(req.path) ? next() : precompressed(req, res, () => files(req, res, next)),
    );
    app.use(widgetFraming(site));
    if (pages.available) {
      const drawnByTheApp = logDrawnByTheApp(new NestLogger('ServerPages'));
      app.use(
        serverPage(pages, {
          limiter: publicLimit,
          onError: drawnByTheApp,
        }),
      );
      const sessions = app.get(SessionsService);
      app.use(
        signedInPage(pages, {
          cookie: SESSION_COOKIE,
          session: async (token, req, res) => {
            const who = await sessions.resolve(token);
            if (who) setXsrfCookie(req, res, config.publicUrl, who.csrfToken);
            return who !== null;
          },
          onError: drawnByTheApp,
        }),
      );
    }
    // the web app's own routes (anything not under /api) get its index page, with their chunks' hints (ADR 0039)
    const preloads = app.get(PagePreloads);
    const page = indexPage(config.webDir, {
      preloads: API_PRELOADS,
      hasSession: (req) => typeof (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE] === 'string',
      // the chronogram page's data, named by the roadmap's id the server looks up for a valid session
      more: (req) => preloads.of(req.path, req.query, req.cookies as Record<string, unknown> | undefined),
    });
    app.use((req: Request, res: Response, next: NextFunction) => (NOT_FILES.test(req.path) ? next() : page(req, res, next)));
  }
  return app;
}
