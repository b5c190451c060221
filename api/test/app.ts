import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { createApp } from '../src/bootstrap';

/** The real HTTP application on a test database, as main.ts builds it (no web folder). */
export async function createTestApp(databaseUrl: string): Promise<{ app: NestExpressApplication; http: ReturnType<typeof request> }> {
  const app = await createApp({ logLevels: ['error'], webDir: '/nonexistent', chronogramCacheSize: 8 }, databaseUrl);
  await app.init();
  return { app, http: request(app.getHttpServer()) };
}
