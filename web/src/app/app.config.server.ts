import { DOCUMENT } from '@angular/common';
import { ApplicationConfig, inject, mergeApplicationConfig, provideEnvironmentInitializer } from '@angular/core';
import { provideServerRendering } from '@angular/platform-server';
import { NavigationEnd, Router } from '@angular/router';

import { appConfig, hydration } from './app.config';

/**
 * The app as the server draws it (ADR 0040): the same routes, pages and providers, on Angular's server platform.
 * The API draws with it the public pages, sent without the app's script, and a roadmap's overview for a signed-in
 * reader, which the app then takes over (hydration; api: `server-pages.ts`).
 */
export const serverConfig: ApplicationConfig = mergeApplicationConfig(appConfig, {
  providers: [
    provideServerRendering(),
    hydration(),
    // the address the page was drawn at, after the guards' redirects: the API sends the drawing only for the
    // address asked (server-pages.ts)
    provideEnvironmentInitializer(() => {
      const root = inject(DOCUMENT).documentElement;
      inject(Router).events.subscribe((event) => {
        if (event instanceof NavigationEnd) root.setAttribute('data-drawn-url', event.urlAfterRedirects);
      });
    }),
  ],
});
