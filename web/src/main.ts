import { mergeApplicationConfig } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig, hydration } from './app/app.config';
import { App } from './app/app';

// a page the server drew (ADR 0040) is taken over where it stands; any other is drawn here
const drawn = document.documentElement.hasAttribute('data-drawn-url');
bootstrapApplication(App, drawn ? mergeApplicationConfig(appConfig, { providers: [hydration()] }) : appConfig).catch((err) =>
  console.error(err),
);
