import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the built app started as a user would (`node dist/api/main.js`, which
 * serves the API and the web app on one port) on its own embedded PostgreSQL, seeded on first start.
 * Outside production on the embedded database, the demo accounts exist: tests sign in with them
 * (tests/session.ts). The browser is Debian's Chromium (`apt-get install chromium`); nothing is downloaded.
 */
const PORT = Number(process.env['E2E_PORT'] ?? 3999);
const PG_PORT = Number(process.env['E2E_PG_PORT'] ?? 54499);
const dataDir = process.env['E2E_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'jalons-e2e-'));
chmodSync(dataDir, 0o755);
process.env['E2E_DATABASE_URL'] = `postgresql://jalons:jalons-local@127.0.0.1:${PG_PORT}/jalons`;

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  // a page with axe scans and the 1,000-bar Gantt takes 30–40 s on a shared 2-core machine
  timeout: 90_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: './report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node dist/api/main.js',
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM lets the app stop its embedded PostgreSQL (SIGKILL would leave it running)
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: { PORT: String(PORT), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(PG_PORT), LOG_LEVEL: 'warn' },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
