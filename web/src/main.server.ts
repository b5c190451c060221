import { ApplicationRef } from '@angular/core';
import { BootstrapContext, bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { serverConfig } from './app/app.config.server';

/**
 * The server's entry (ADR 0040), built beside main.ts into `server/main.server.mjs`. The API imports it and
 * draws a page with the renderer and the language token from this same bundle (one copy of Angular).
 */
export { renderApplication } from '@angular/platform-server';
export { REQUESTED_LANG } from './app/i18n/i18n';
export { SERVER_READ_HEADERS } from './app/data/server-read.interceptor';

export default function bootstrap(context: BootstrapContext): Promise<ApplicationRef> {
  return bootstrapApplication(App, serverConfig, context);
}
