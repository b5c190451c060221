import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

import { Module, RequestMethod } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import type { DestinationStream, Level } from 'pino';
import type { Options } from 'pino-http';

import type { AppConfig } from '../config/config';

/** The request as the logs see it: the id the request-id middleware gave it, the account the access guard found, the route matched. */
type LoggedRequest = IncomingMessage & {
  account?: { id: string } | null;
  route?: { path?: string };
  originalUrl?: string;
};

/** The fields of the one line written per request (ADR 0029): no e-mail, no name, no body, no cookie, no header. */
export interface RequestLine {
  reqId: string | undefined;
  accountId: string | null;
  route: string;
  method: string | undefined;
  status: number;
  durationMs: number;
}

/** The label of a request that no route matched (static files, 404s): the raw address is never logged, it may carry anything. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** The route pattern Express matched (`/api/actions/:id/status`), not the address with its ids. */
export function routeOf(req: LoggedRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? path : UNMATCHED_ROUTE;
}

/** The line's fields but its id (bound once to the line's logger by pino-http). */
export function requestFields(req: LoggedRequest, res: ServerResponse, durationMs: number): Omit<RequestLine, 'reqId'> {
  return { accountId: req.account?.id ?? null, route: routeOf(req), method: req.method, status: res.statusCode, durationMs };
}

export function requestLine(req: LoggedRequest, res: ServerResponse, durationMs: number): RequestLine {
  return { reqId: req.id === undefined ? undefined : String(req.id), ...requestFields(req, res, durationMs) };
}

/** Every route, in Nest 11's path syntax (a bare `*` is converted with a warning at each start). */
export const ALL_ROUTES = { path: '{*path}', method: RequestMethod.ALL };

/** LOG_LEVEL (Nest's names) as pino's level: the most detailed level configured. */
export function pinoLevel(levels: AppConfig['logLevels']): Level {
  const most = levels[levels.length - 1] ?? 'error';
  return ({ error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' } as const)[most];
}

/**
 * pino-pretty's stream in development; absent (a production install without dev packages): JSON. Both write
 * synchronously: a line is on stdout when the call returns, so the lines written while stopping (« PostgreSQL stopped »)
 * are not lost or reordered at `process.exit` (an asynchronous stream flushed them at exit out of order, or not at all).
 */
function prettyStream(): DestinationStream | undefined {
  try {
    const pretty = require('pino-pretty') as (o: Record<string, unknown>) => DestinationStream;
    return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true, sync: true });
  } catch {
    return undefined;
  }
}

/** pino-http's options: one line per request, written when the response ends, with only the fields above. */
export function httpLogOptions(config: Pick<AppConfig, 'logLevels' | 'logFormat'>, destination?: DestinationStream): Options {
  return {
    level: pinoLevel(config.logLevels),
    stream: destination ?? (config.logFormat === 'pretty' ? prettyStream() : undefined) ?? pino.destination({ dest: 1, sync: true }),
    // the id of the request-id middleware (bootstrap.ts), which runs first: one id in the header, the error body and the log
    genReqId: (req) => req.id ?? randomUUID(),
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'reqId', responseTime: 'durationMs' },
    // reqId is already bound to the line's logger (quietReqLogger): the object adds the other fields
    customSuccessObject: (req, res, val: { durationMs: number }) => requestFields(req, res, val.durationMs),
    // a 5xx's stack is written once by the error filter (with the request id); pino-http's own « failed with status code » adds nothing
    customErrorObject: (req, res, _err: Error, val: { durationMs: number }) => requestFields(req, res, val.durationMs),
    customSuccessMessage: (req, res) => `${req.method} ${routeOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${routeOf(req)} ${res.statusCode}`,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // nothing personal if some line ever carries the request or the response (an error's context)
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'email', '*.email'],
      censor: '[masqué]',
    },
  };
}

/**
 * The logs through pino (nestjs-pino): pino-http writes one line per request, Nest's own logger is routed to
 * the same pino (bootstrap.ts: `app.useLogger`). `destination`: where the lines go (tests pass a stream); stdout otherwise.
 */
@Module({})
export class LoggingModule {
  /** The HTTP application's root: the API's module with the logs beside it (the CLI builds the API's module alone, its logs unchanged). */
  static around(app: DynamicModule, config: Pick<AppConfig, 'logLevels' | 'logFormat'>, destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [app, LoggerModule.forRoot({ pinoHttp: httpLogOptions(config, destination), forRoutes: [ALL_ROUTES] })],
    };
  }
}
