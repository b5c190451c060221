import { ApplicationConfig, mergeApplicationConfig } from '@angular/core';
import { provideServerRendering } from '@angular/platform-server';

import { appConfig } from './app.config';

/**
 * The app as the server draws it (ADR 0040): the same routes, pages and providers, on Angular's server platform.
 * The API draws the public roadmap page with it and sends it without the app's script (api: `server-pages.ts`).
 */
export const serverConfig: ApplicationConfig = mergeApplicationConfig(appConfig, {
  providers: [provideServerRendering()],
});
