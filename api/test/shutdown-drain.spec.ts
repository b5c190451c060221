import type { NestExpressApplication } from '@nestjs/platform-express';
import { todayInParis } from '@jalons/domain';

import { createApp } from '../src/bootstrap';
import { closeServer, HttpDrain } from '../src/infra/http/drain';
import { testConfig } from './app';
import { BREST, ensureAccount, TEST_PASSWORD } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/*
 * The HTTP side of the graceful stop (ADR 0031), in process: the requests received before the drain finish, those
 * after get 503 `shutting_down` with Connection: close and Retry-After, then the server closes. The built app under
 * SIGTERM is e2e/tests/shutdown.spec.ts.
 */

/** Signs in over plain HTTP; the session cookie (reads need nothing else). */
async function signIn(base: string, email: string): Promise<string> {
  const token = (res: Response, name: string) => {
    const c = res.headers.getSetCookie().find((x) => x.startsWith(`${name}=`)) as string;
    return c.split(';')[0];
  };
  const xsrf = token(await fetch(`${base}/api/auth/me`), 'XSRF-TOKEN');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: xsrf, 'x-xsrf-token': decodeURIComponent(xsrf.split('=')[1]) },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return token(res, 'jalons_session');
}

describe('draining the HTTP server', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  const drain = new HttpDrain();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(testConfig(), db.url, { drain });
    await app.init();
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('finishes the requests under way, refuses the new ones with 503 and Connection: close, then closes', async () => {
    await ensureAccount(db, BREST.lead, 'lead');
    const [{ id }] = await db.query<{ id: string }>('select id from roadmap limit 1');
    const { port } = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base, BREST.lead);
    const underWay = Array.from({ length: 8 }, () =>
      fetch(`${base}/api/roadmaps/${id}/chronogram?at=${todayInParis()}`, { headers: { cookie } }).then((r) => r.status),
    );
    // some received and under way (checked at each turn of the event loop): those are counted and must finish
    while (drain.pending === 0) await new Promise((r) => setImmediate(r));
    const counted = drain.pending;
    const drained = drain.drain(30_000);

    const refused = await fetch(`${base}/api/roadmaps/${id}/chronogram`, { headers: { cookie } });
    const body = await refused.json();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('connection')).toBe('close');
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(body).toMatchObject({ statusCode: 503, error: 'shutting_down', requestId: refused.headers.get('x-request-id') });
    expect(body.message).toMatch(/s’arrête/);

    const statuses = await Promise.all(underWay);
    // the counted ones answered 200; the others, received after, 503
    expect(statuses.filter((x) => x === 200).length).toBeGreaterThanOrEqual(counted);
    expect(statuses.filter((x) => x !== 200 && x !== 503)).toEqual([]);
    expect(await drained).toBe(true);
    expect(drain.pending).toBe(0);
    await closeServer(app.getHttpServer());
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  });
});
