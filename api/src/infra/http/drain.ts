import type { Server } from 'node:http';

import type { ApiError } from '@jalons/contract';
import type { NextFunction, Request, Response } from 'express';

/** What a request that arrives while the instance stops is answered (503, the one error shape, Connection: close). */
export const SHUTTING_DOWN: Omit<ApiError, 'requestId'> = {
  statusCode: 503,
  error: 'shutting_down',
  message: 'Cette instance s’arrête. Réessayez dans quelques secondes.',
  retryAfterSeconds: 2,
};

/**
 * The graceful stop of the HTTP side (ADR 0031): the requests received before `drain()` are counted and finish; those
 * received after are answered 503 with `Connection: close` (a client or proxy then goes to another instance), until the
 * last counted one has answered or the grace has passed. main.ts then closes the server and the app.
 */
export class HttpDrain {
  private draining = false;
  private inFlight = 0;
  private idle: (() => void) | null = null;

  /** The first middleware of the app (after the request id): counts, or refuses once draining. */
  readonly middleware = (req: Request & { id?: string }, res: Response, next: NextFunction): void => {
    if (this.draining) {
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', String(SHUTTING_DOWN.retryAfterSeconds));
      res.status(503).json({ ...SHUTTING_DOWN, requestId: req.id });
      return;
    }
    this.inFlight++;
    // 'close' comes once, whether the answer was sent or the client went away
    res.once('close', () => {
      this.inFlight--;
      if (this.draining && this.inFlight === 0) this.idle?.();
    });
    next();
  };

  /** The requests under way (received before the drain began and not yet answered). */
  get pending(): number {
    return this.inFlight;
  }

  /** Refuses new requests from now on; resolves when those under way have answered, or after `graceMs` (true if they all did). */
  drain(graceMs: number): Promise<boolean> {
    this.draining = true;
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.inFlight === 0), graceMs);
      this.idle = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }
}

/** Stops listening and cuts the connections left (idle keep-alive ones, or requests still running after the grace). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
