import { defineConfig } from '@playwright/test';

import base from '../playwright.config';

/**
 * Retakes the README's screenshots (docs/screenshots/*.png) against the built app, started as the e2e suite
 * starts it (its own embedded PostgreSQL, Brest freshly seeded). Not part of `npm run e2e`: that suite reads
 * e2e/tests only. Run from the repository's root, after `npm run build`:
 *
 *     npx playwright test -c e2e/scripts/screenshots.config.ts
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'screenshots.ts',
  outputDir: '../test-results/screenshots',
  reporter: [['list']],
  // this file is one folder deeper than the suite's: the app still starts from the repository's root
  webServer: { ...(base.webServer as NonNullable<typeof base.webServer> & object), cwd: '../..' },
});
