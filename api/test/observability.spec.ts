import { Writable } from 'node:stream';

import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { createApp } from '../src/bootstrap';
import { testConfig } from './app';
import { BREST, signIn } from './auth';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';

/** What the JSON logs hold, line by line (ADR 0029). */
interface Line {
  level: number;
  msg: string;
  reqId?: string;
  accountId?: string | null;
  route?: string;
  method?: string;
  status?: number;
  durationMs?: number;
}

const TOKEN = 'metrics-token-for-the-tests-0123456789';

/** The application as createTestApp builds it, with its logs as JSON into `out` at the `log` level (tests are quiet otherwise). */
async function appWithLogs(db: TestDatabase, out: string[], env: Record<string, string> = {}): Promise<NestExpressApplication> {
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      out.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = await createApp(testConfig({ LOG_LEVEL: 'log', LOG_FORMAT: 'json', ...env }), db.url, { logDestination: destination });
  await app.init();
  return app;
}

const linesOf = (out: string[]): Line[] =>
  out
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

describe('Logs: one JSON line per request, nothing personal', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  const out: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await appWithLogs(db, out, { METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('writes reqId, accountId, the route pattern, method, status and duration for each request, and no e-mail or name', async () => {
    const agent = await signIn(app, db, 'lead');
    const [lead] = await db.query<{ id: string; name: string; email: string }>('select id, name, email from account where email = $1', [
      BREST.lead,
    ]);
    const [roadmap] = await db.query<{ id: string }>('select id from roadmap limit 1');
    // the start logged through pino too, without Nest's warning about a route syntax (the middlewares' routes are Nest 11's)
    expect(out.join('')).not.toContain('LegacyRouteConverter');
    out.length = 0;

    const list = await agent.get('/api/roadmaps').expect(200);
    const one = await agent.get(`/api/roadmaps/${roadmap.id}`).expect(200);
    const missing = await agent.get('/api/roadmaps/00000000-0000-4000-8000-000000000000').expect(404);
    const anonymous = await request(app.getHttpServer()).get('/api/auth/me').set('x-request-id', 'given-by-the-proxy.42').expect(401);
    const unknown = await request(app.getHttpServer()).get(`/api/no-such-route/${lead.email}`).expect(404);
    await new Promise((r) => setImmediate(r));

    const lines = linesOf(out).filter((l) => l.reqId);
    const byId = (res: request.Response) => lines.filter((l) => l.reqId === res.headers['x-request-id']);
    for (const res of [list, one, missing, anonymous, unknown]) expect(byId(res)).toHaveLength(1);
    expect(lines).toHaveLength(5);

    expect(byId(list)[0]).toEqual(
      expect.objectContaining({ accountId: lead.id, route: '/api/roadmaps', method: 'GET', status: 200, durationMs: expect.any(Number) }),
    );
    // the pattern, not the address: the ids stay out of the route (one series per route in the metrics too)
    expect(byId(one)[0]).toEqual(expect.objectContaining({ accountId: lead.id, route: '/api/roadmaps/:id', status: 200 }));
    expect(byId(missing)[0]).toEqual(expect.objectContaining({ route: '/api/roadmaps/:id', status: 404 }));
    // the proxy's id is kept: one id in the header, the error body and the log
    expect(anonymous.body.requestId).toBe('given-by-the-proxy.42');
    expect(byId(anonymous)[0]).toEqual(
      expect.objectContaining({ reqId: 'given-by-the-proxy.42', accountId: null, route: '/api/auth/me', status: 401 }),
    );
    // an address no route has: the catch-all's pattern at most, never the address itself
    expect(byId(unknown)[0]).toEqual(expect.objectContaining({ accountId: null, method: 'GET', status: 404 }));
    expect(byId(unknown)[0].route).not.toContain('no-such-route');

    const text = out.join('');
    // one reqId per line (bound once, not repeated by the line's fields)
    for (const raw of text.split('\n').filter(Boolean)) expect(raw.match(/"reqId"/g) ?? []).toHaveLength(1);
    expect(text).not.toContain(lead.email);
    expect(text).not.toContain(lead.name);
    expect(text.toLowerCase()).not.toContain('cookie');
    expect(text).not.toContain('jalons_session');
  });

  it('does not log the sign-in’s body (the e-mail and the password)', async () => {
    out.length = 0;
    await signIn(app, db, 'owner');
    await new Promise((r) => setImmediate(r));
    const text = out.join('');
    expect(linesOf(out).some((l) => l.route === '/api/auth/login' && l.status === 200)).toBe(true);
    expect(text).not.toContain(BREST.owner);
    expect(text).not.toContain('un mot de passe de test');
  });
});

describe('GET /metrics', () => {
  let db: TestDatabase;
  let open: NestExpressApplication;
  let closed: NestExpressApplication;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
    open = await appWithLogs(db, [], { METRICS_TOKEN: TOKEN, LOG_LEVEL: 'error' });
    closed = await appWithLogs(db, [], { LOG_LEVEL: 'error' });
  });
  afterAll(async () => {
    await open?.close();
    await closed?.close();
    await db?.drop();
  });

  it('answers 401 in the one error shape without the token, with a wrong one, and always when METRICS_TOKEN is unset', async () => {
    for (const [app, auth] of [
      [open, undefined],
      [open, 'Bearer not-the-token-at-all-0000000'],
      [open, TOKEN],
      [closed, undefined],
      [closed, `Bearer ${TOKEN}`],
    ] as const) {
      const call = request(app.getHttpServer()).get('/metrics');
      const res = await (auth ? call.set('Authorization', auth) : call);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(expect.objectContaining({ statusCode: 401, error: 'unauthenticated', requestId: expect.any(String) }));
      expect(res.text).not.toContain('http_request_duration_seconds');
    }
  });

  it('answers Prometheus text with the token: the request histogram by route, the pool, the outbox, the reminder runs', async () => {
    const http = request(open.getHttpServer());
    await http.get('/api/health').expect(200);
    await http.get('/api/health/live').expect(200);
    await db.query(
      `insert into outbox (id, key, kind, to_address, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
       values (gen_random_uuid(), 'metrics-test', 'digest', 'x@test.example', 'Sujet', 't', 'h', 'failed', 8, now(), now())`,
    );
    const res = await http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} 1\n/);
    expect(res.text).toMatch(
      /http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/api\/health\/live",status="200"\} 1\n/,
    );
    expect(res.text).toMatch(/jalons_db_pool_connections\{state="total"\} [1-9]\d*\n/);
    expect(res.text).toMatch(/jalons_db_pool_connections\{state="idle"\} \d+\n/);
    expect(res.text).toMatch(/jalons_db_pool_waiting 0\n/);
    expect(res.text).toMatch(/jalons_db_pool_max 10\n/);
    expect(res.text).toMatch(/jalons_outbox_messages\{status="failed"\} 1\n/);
    expect(res.text).toMatch(/jalons_outbox_messages\{status="pending"\} 0\n/);
    expect(res.text).toMatch(/jalons_outbox_send_failures_total 0\n/);
    expect(res.text).toMatch(/jalons_reminder_runs_total\{outcome="ok"\} 0\n/);
    expect(res.text).toContain('process_cpu_seconds_total');
    // an application of its own: the other app's requests are not counted here
    await request(closed.getHttpServer()).get('/api/health').expect(200);
    const again = await http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(again.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} 1\n/);
  });
});
