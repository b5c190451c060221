import { mergeApplicationConfig } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig, hydration } from './app/app.config';
import { App } from './app/app';

// a page the server drew (ADR 0040) is taken over where it stands; any other is drawn here
const drawn = document.documentElement.hasAttribute('data-drawn-url');
bootstrapApplication(App, drawn ? mergeApplicationConfig(appConfig, { providers: [hydration()] }) : appConfig)
  .then(async (app) => {
    if (!drawn) return;
    // taken over: the page's starter (drawn-start.js) presses again what the reader pressed meanwhile
    await app.whenStable();
    document.dispatchEvent(new Event('jalons:started'));
  })
  .catch((err) => {
    console.error(err);
    // the page stays as drawn, its links plain links
    if (drawn) document.dispatchEvent(new Event('jalons:failed'));
  });
