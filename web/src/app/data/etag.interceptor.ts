import { HttpErrorResponse, HttpResponse } from '@angular/common/http';
import type { HttpEvent, HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { catchError, map, of, throwError } from 'rxjs';
import type { Observable } from 'rxjs';

import { API_BASE } from './roadmaps.service';

/** How many answers are remembered (the least recently used goes first). */
export const ETAG_CACHE_SIZE = 50;

interface Remembered {
  etag: string;
  /** the body as text: each reader gets its own parse, so nobody changes another's copy */
  text: string;
}

/**
 * The API's last answers by address, in memory only (ADR 0030): never written to disk, lost when the
 * tab closes, forgotten at sign-in, sign-out and when the session ends. The API sends signed-in reads
 * with `no-store` (issue #16), so the browser keeps nothing; this is what lets a 304 save the bytes.
 */
@Injectable({ providedIn: 'root' })
export class EtagCache {
  private readonly entries = new Map<string, Remembered>();

  get(url: string): Remembered | undefined {
    const hit = this.entries.get(url);
    if (hit) {
      // most recently used goes last
      this.entries.delete(url);
      this.entries.set(url, hit);
    }
    return hit;
  }

  set(url: string, etag: string, text: string): void {
    this.entries.delete(url);
    this.entries.set(url, { etag, text });
    while (this.entries.size > ETAG_CACHE_SIZE) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(url: string): void {
    this.entries.delete(url);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A JSON body as HttpClient gives it (an empty body is null). */
function parse(text: string | null): unknown {
  return text ? JSON.parse(text) : null;
}

/** An error's body parsed when it is JSON (the API's one error shape), as HttpClient does; else its text. */
function withParsedBody(err: HttpErrorResponse): HttpErrorResponse {
  let error: unknown = err.error;
  if (typeof error === 'string') {
    try {
      error = parse(error);
    } catch {
      /* not JSON: the text */
    }
  }
  return new HttpErrorResponse({ error, headers: err.headers, status: err.status, statusText: err.statusText, url: err.url ?? undefined });
}

/** Whether the request is a GET of this app's API (relative address under API_BASE). */
export function isApiRead(req: HttpRequest<unknown>): boolean {
  return req.method === 'GET' && (req.url === API_BASE || req.url.startsWith(`${API_BASE}/`));
}

/** A GET of the API whose answer is JSON: the reads worth revalidating. */
function revalidated(req: HttpRequest<unknown>): boolean {
  return isApiRead(req) && req.responseType === 'json';
}

/**
 * Revalidates the API's reads with their ETag (issue 14): a GET the cache has an answer for is sent
 * with `If-None-Match`; a 304 gives the remembered body back as a 200, so callers see no difference.
 * The body travels as text and is parsed here, so the remembered text stays as the server wrote it.
 * A write changes the ETag on the server, so the latest answer by address is all it keeps.
 */
export const etagInterceptor: HttpInterceptorFn = (req: HttpRequest<unknown>, next: HttpHandlerFn): Observable<HttpEvent<unknown>> => {
  const cache = inject(EtagCache);
  if (!revalidated(req)) {
    // signing in or out (or anything else of /api/auth): whoever comes next starts afresh
    if (req.method !== 'GET' && req.url.startsWith(`${API_BASE}/auth/`)) cache.clear();
    return next(req);
  }
  const key = req.urlWithParams;
  const known = cache.get(key);
  const sent = req.clone({ responseType: 'text', ...(known ? { setHeaders: { 'If-None-Match': known.etag } } : {}) });
  return next(sent).pipe(
    map((event) => {
      if (!(event instanceof HttpResponse)) return event;
      const text = event.body as string | null;
      const etag = event.headers.get('ETag');
      if (etag && event.status === 200 && text !== null) cache.set(key, etag, text);
      else cache.delete(key);
      try {
        return event.clone({ body: parse(text) });
      } catch (error) {
        // as HttpClient answers a body that is not JSON
        throw new HttpErrorResponse({ error: { error, text }, headers: event.headers, status: event.status, url: event.url ?? undefined });
      }
    }),
    catchError((err: unknown) => {
      if (!(err instanceof HttpErrorResponse)) return throwError(() => err);
      if (err.status === 304 && known) {
        return of(
          new HttpResponse({ body: parse(known.text), headers: err.headers, status: 200, statusText: 'OK', url: err.url ?? req.url }),
        );
      }
      cache.delete(key);
      // the session ended: nothing of it is kept
      if (err.status === 401) cache.clear();
      return throwError(() => (err.error === undefined || err.error === null ? err : withParsedBody(err)));
    }),
  );
};
