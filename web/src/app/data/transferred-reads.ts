import { HttpHeaders, HttpResponse } from '@angular/common/http';
import type { HttpInterceptorFn } from '@angular/common/http';
import { isPlatformServer } from '@angular/common';
import { ApplicationRef, Injectable, PLATFORM_ID, TransferState, inject, makeStateKey } from '@angular/core';
import { of, tap } from 'rxjs';

import { isApiRead } from './etag.interceptor';

/** A read the server made while drawing the page: its body as the API wrote it, and its ETag. */
interface Transferred {
  text: string;
  etag: string | null;
}

/** The key of a read in the page's transfer state (`ng-state`). */
function keyOf(url: string) {
  return makeStateKey<Transferred>(`api:${url}`);
}

/**
 * The reads of a page the server drew (ADR 0040), handed to the app in the page itself, so that the app takes
 * the page over without asking the API again what the drawing already asked. Angular's own transfer cache keeps
 * nothing the API sends: every signed-in read is `no-store` (ADR 0030) and the session's read sets a cookie.
 *
 * In the browser, a read is taken from the page until the app is stable after its start, once; then, and for
 * every read the page does not hold, the API is asked.
 */
@Injectable({ providedIn: 'root' })
export class TransferredReads {
  private readonly state = inject(TransferState);
  readonly server = isPlatformServer(inject(PLATFORM_ID));
  private active = true;

  constructor() {
    if (!this.server)
      void inject(ApplicationRef)
        .whenStable()
        .then(() => (this.active = false));
  }

  keep(url: string, text: string, etag: string | null): void {
    this.state.set(keyOf(url), { text, etag });
  }

  /** The read the page holds for `url`, once; null when it holds none, or the app has started. */
  take(url: string): Transferred | null {
    if (!this.active) return null;
    const key = keyOf(url);
    const held = this.state.get(key, null);
    this.state.remove(key);
    return held;
  }
}

/**
 * On the server, keeps each API read's 200 in the page's transfer state; in the browser, answers a read the page
 * holds with it (a 200 with its ETag, so the ETag interceptor, before this one, remembers it as if it had come
 * from the API). Placed after `etagInterceptor`, which asks the API's JSON as text.
 */
export const transferredReadsInterceptor: HttpInterceptorFn = (req, next) => {
  // an API read whose answer travels as text (the ETag interceptor's, before this one)
  if (!isApiRead(req) || req.responseType !== 'text') return next(req);
  const reads = inject(TransferredReads);
  const url = req.urlWithParams;
  if (reads.server) {
    return next(req).pipe(
      tap((event) => {
        if (event instanceof HttpResponse && event.status === 200 && typeof event.body === 'string') {
          reads.keep(url, event.body, event.headers.get('ETag'));
        }
      }),
    );
  }
  const held = reads.take(url);
  if (!held) return next(req);
  const headers = held.etag ? new HttpHeaders({ ETag: held.etag }) : new HttpHeaders();
  return of(new HttpResponse<string>({ body: held.text, headers, status: 200, statusText: 'OK', url }));
};
