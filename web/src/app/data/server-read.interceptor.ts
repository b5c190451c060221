import type { HttpInterceptorFn } from '@angular/common/http';
import { InjectionToken, inject } from '@angular/core';

/**
 * Headers the server adds to the API reads of a page it draws (ADR 0040): they name the read as the page's own,
 * which the reader's request for the page already counted against the public data's limit. Given only when the
 * server draws a page.
 */
export const SERVER_READ_HEADERS = new InjectionToken<Readonly<Record<string, string>>>('SERVER_READ_HEADERS');

/** In a browser, nothing; on the server, SERVER_READ_HEADERS on every API read. */
export const serverReadInterceptor: HttpInterceptorFn = (req, next) => {
  const headers = inject(SERVER_READ_HEADERS, { optional: true });
  return next(headers ? req.clone({ setHeaders: { ...headers } }) : req);
};
