import type { ChildProcess } from 'node:child_process';

import { expect, test } from '@playwright/test';

import { adminUrl, output, run, sql, urlOf } from './processes';

/*
 * The monthly summary from the command line, in real processes (ADR 0022), as instances.spec.ts tests
 * the reminders: its own database on the run's PostgreSQL, a mail server in this process, the built CLI.
 */
// several processes, each starting Nest on a seeded database: more time than a page test
test.describe.configure({ timeout: 240_000 });

test('the monthly summary: nothing before the first Monday, a dry run sends nothing, a killed run and three concurrent runs deliver each summary once', async () => {
  const { SMTPServer } = await import('smtp-server');
  const db = `summaries_${Date.now()}`;
  await sql(adminUrl(), `create database ${db}`);
  const delivered: string[] = [];
  let victim: ChildProcess | null = null;
  // on the second message, the sending process dies before the server could answer 250: that message
  // was never accepted (as with a real server), the first one was
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        if (victim && delivered.length === 1) {
          victim.kill('SIGKILL');
          victim = null;
          callback(new Error('connection lost'));
          return;
        }
        delivered.push(session.envelope.rcptTo.map((r) => r.address).join(','));
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as { port: number }).port;
  const env = { DATABASE_URL: urlOf(db), SMTP_URL: `smtp://127.0.0.1:${port}`, OUTBOX_LEASE_SECONDS: '5' };
  const summaries = (date: string, ...more: string[]) => run(['dist/api/cli.js', 'summaries', '--date', date, ...more], env);
  const rows = () =>
    sql<{ to_address: string; status: string; key: string }>(urlOf(db), `select to_address, status, key from outbox order by key`);
  try {
    expect((await output(run(['dist/api/cli.js', 'seed'], env))).code).toBe(0);
    // the seeded elected official, and three more who turned it on
    await sql(
      urlOf(db),
      `update account set monthly_summary = true where id in (select id from account where role <> 'elected' order by email limit 3)`,
    );

    const early = await output(summaries('2026-12-04'));
    expect(early.code).toBe(0);
    expect(early.out).toContain('nothing due yet');
    expect(early.out).toContain('2026-12-07');

    const dry = await output(summaries('2026-12-07', '--dry-run'));
    expect(dry.code).toBe(0);
    const planned = Number(/(\d+) summaries to send \(dry run/.exec(dry.out)?.[1] ?? 0);
    expect(planned).toBe(4);
    expect(dry.out).toContain('« Jalons — point mensuel : Ville et Métropole de Brest, Mandat 2026–2032 (décembre 2026) »');
    expect(delivered).toEqual([]);
    expect(await rows()).toEqual([]);

    // killed while sending: the first summary went, the second was in flight, the others wait
    victim = summaries('2026-12-07');
    const killed = await output(victim);
    expect(killed.code).toBeNull(); // SIGKILL
    expect(delivered).toHaveLength(1);
    expect((await rows()).filter((r) => r.status !== 'sent')).toHaveLength(planned - 1);
    // once the dead run's lease is over, the next run records nothing new and delivers the rest, each once
    await new Promise((r) => setTimeout(r, 5500));
    const again = await output(summaries('2026-12-09'));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/0 summaries recorded for 2026-12/);
    const december = await rows();
    expect(december.every((r) => r.status === 'sent')).toBe(true);
    expect([...delivered].sort()).toEqual(december.map((r) => r.to_address).sort());
    expect(new Set(delivered).size).toBe(planned);

    // three runs at the same instant on January's first Monday: each summary recorded and delivered once
    const before = delivered.length;
    const three = await Promise.all([1, 2, 3].map(() => output(summaries('2027-01-04'))));
    expect(three.map((r) => r.code)).toEqual([0, 0, 0]);
    const recorded = three.map((r) => Number(/(\d+) summaries recorded for 2027-01/.exec(r.out)?.[1] ?? -1));
    expect(recorded.reduce((a, b) => a + b, 0)).toBe(planned);
    const january = delivered.slice(before);
    expect(january).toHaveLength(planned);
    expect(new Set(january).size).toBe(planned);
    expect((await rows()).filter((r) => r.key.endsWith(':2027-01')).every((r) => r.status === 'sent')).toBe(true);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await sql(adminUrl(), `drop database if exists ${db} with (force)`);
  }
});
