import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/infra/config/config';
import type { AppConfig } from '../src/infra/config/config';

/** The configuration tests run with: main.ts's, without a web folder, with quieter logs. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    LOG_LEVEL: 'error',
    WEB_DIR: '/nonexistent',
    CHRONOGRAM_CACHE_SIZE: '8',
    DATABASE_URL: 'postgres://unused',
    REMINDERS_ENABLED: 'false',
    ...env,
  });
}

/** The real HTTP application on a test database, as main.ts builds it (no web folder). */
export async function createTestApp(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ app: NestExpressApplication; http: ReturnType<typeof request> }> {
  // the kit is read when a roadmap is created (« Nouvelle feuille de route »): from the repository's seeds/, whatever
  // the folder jest runs in (the repository locally, api/ under `nx run-many`)
  process.env['SEEDS_DIR'] ??= join(__dirname, '..', '..', 'seeds');
  const app = await createApp(testConfig(env), databaseUrl);
  await app.init();
  return { app, http: request(app.getHttpServer()) };
}
