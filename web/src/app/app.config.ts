import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { isPlatformBrowser } from '@angular/common';
import { ApplicationConfig, PLATFORM_ID, inject, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideClientHydration, withNoHttpTransferCache } from '@angular/platform-browser';
import { provideRouter, withComponentInputBinding } from '@angular/router';

import { appRoutes } from './app.routes';
import { sessionExpiryInterceptor } from './auth/session.interceptor';
import { AuthService } from './data/auth.service';
import { etagInterceptor } from './data/etag.interceptor';
import { SERVER_READ_HEADERS, serverReadInterceptor } from './data/server-read.interceptor';
import { transferredReadsInterceptor } from './data/transferred-reads';
import { provideI18n } from './i18n/provide-i18n';
import { providePageTitles } from './roadmap/page-title';
import { provideFrenchLocale } from './locale';

/**
 * Taking over a page the server drew (ADR 0040): given to the server's drawing and, in the browser, only when the
 * page was drawn (main.ts); every other page the app draws as before. The first screen is taken over as it stands;
 * the sections below it (`@defer (on viewport)`) are placeholders in the drawing, drawn by the app when scrolled to,
 * as before. The page's reads come with it (transferred-reads.ts), not through Angular's transfer cache, which keeps
 * nothing the API sends with `no-store`.
 */
export const hydration = () => provideClientHydration(withNoHttpTransferCache());

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(
      withFetch(),
      // the API checks the XSRF-TOKEN cookie against this header on every change (relative URLs only)
      withXsrfConfiguration({
        cookieName: 'XSRF-TOKEN',
        headerName: 'X-XSRF-TOKEN',
      }),
      // then the API's reads revalidated with their ETag, from memory (ADR 0030); on the server, the page's own
      // reads named as such (ADR 0040)
      withInterceptors([sessionExpiryInterceptor, etagInterceptor, serverReadInterceptor, transferredReadsInterceptor]),
    ),
    // who is signed in (this also sets the XSRF-TOKEN cookie): asked at once, not awaited, so that a
    // signed-out page (sign-in, public, legal) is drawn without waiting; the guards of the pages that
    // need an account wait for the answer (issue 14). On the server (ADR 0040), only for a signed-in page
    // (its reads carry the session's cookie); a public page asks no session
    provideAppInitializer(() => {
      if (isPlatformBrowser(inject(PLATFORM_ID)) || inject(SERVER_READ_HEADERS, { optional: true })?.['cookie']) {
        void inject(AuthService).load();
      }
    }),
    // path and query parameters and route data reach the pages as inputs; the pages under
    // /r/:slug (componentless parents) inherit the roadmap's id resolved from the slug (input `roadmap`)
    provideRouter(appRoutes, withComponentInputBinding()),
    provideFrenchLocale(),
    // the language chosen earlier on this browser, and translated page titles
    provideI18n(),
    providePageTitles(),
  ],
};
