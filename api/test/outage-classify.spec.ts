import { MikroORM, OptimisticLockError } from '@mikro-orm/postgresql';
import { Client } from 'pg';

import { ormOptions } from '../src/infra/database/mikro-orm.config';
import { AmbiguousCommitError, isDatabaseUnavailable, ResilientEntityManager } from '../src/infra/database/outage';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { freePort } from './outage-db';

/*
 * The outage classifier on errors captured from real connections (a session terminated by the server, a refused
 * connection), and the single retry of a write transaction cut before its COMMIT (ADR 0031).
 */

/** The error of a statement sent on a connection PostgreSQL terminated (as on a fast shutdown or a failover). */
async function terminatedConnectionErrors(db: TestDatabase): Promise<unknown[]> {
  const victim = new Client({ connectionString: db.url });
  victim.on('error', () => undefined); // the server's FATAL arrives as an 'error' event too
  await victim.connect();
  const { rows } = await victim.query<{ pid: number }>('select pg_backend_pid() as pid');
  const caught: unknown[] = [];
  // a statement running when the session is terminated gets 57P01, the next one finds the connection closed
  const running = victim.query('select pg_sleep(5)').catch((e: unknown) => caught.push(e));
  await new Promise((r) => setTimeout(r, 200));
  await db.query('select pg_terminate_backend($1)', [rows[0].pid]);
  await running;
  await victim.query('select 1').catch((e: unknown) => caught.push(e));
  await victim.end().catch(() => undefined);
  return caught;
}

describe('the database outage classifier', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('knows a session terminated by the server (57P01) and the closed connection after it', async () => {
    const errors = await terminatedConnectionErrors(db);
    expect(errors).toHaveLength(2);
    expect((errors[0] as { code?: string }).code).toBe('57P01');
    for (const e of errors) expect(isDatabaseUnavailable(e)).toBe(true);
  });

  it('knows a refused connection', async () => {
    const port = await freePort(); // nothing listens there any more
    const c = new Client({ connectionString: `postgresql://nobody@127.0.0.1:${port}/none` });
    const error = await c.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as { code?: string }).code).toBe('ECONNREFUSED');
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('leaves the errors that are not outages: a broken rule, a syntax error, a conflict, a plain error', async () => {
    await db.query('create table if not exists classify_probe (id int primary key)');
    await db.query('insert into classify_probe values (1) on conflict do nothing');
    const duplicate = await db.query('insert into classify_probe values (1)').catch((e: unknown) => e);
    const syntax = await db.query('selec 1').catch((e: unknown) => e);
    expect((duplicate as { code?: string }).code).toBe('23505');
    expect((syntax as { code?: string }).code).toBe('42601');
    for (const e of [duplicate, syntax, OptimisticLockError.lockFailed('x'), new Error('boom'), null, 'text']) {
      expect(isDatabaseUnavailable(e)).toBe(false);
    }
  });

  it('sees through the wrappers: a cause, an AggregateError of refused addresses', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new AggregateError([refused], 'connect failed'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '57P01' }) }))).toBe(true);
    expect(isDatabaseUnavailable(new AmbiguousCommitError(refused))).toBe(true);
  });
});

describe('a write transaction cut by a lost connection', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
    await db.query('create table outage_probe (id serial primary key, tag text not null)');
    orm = await MikroORM.init(ormOptions(db.url));
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  const terminate = (pid: number) => db.query('select pg_terminate_backend($1)', [pid]);

  it('is run once more when it failed before its COMMIT: the row is written once', async () => {
    const em = orm.em.fork();
    expect(em).toBeInstanceOf(ResilientEntityManager);
    let attempts = 0;
    await em.transactional(async (tx) => {
      attempts++;
      await tx.execute(`insert into outage_probe (tag) values ('before-commit')`);
      const [{ pid }] = await tx.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
      if (attempts === 1) {
        await terminate(pid);
        await tx.execute('select 1'); // the connection is gone: PostgreSQL rolled the insert back
      }
    });
    expect(attempts).toBe(2);
    expect(await db.query(`select tag from outage_probe where tag = 'before-commit'`)).toHaveLength(1);
  });

  it('is not run again when it failed twice: the outage is thrown, nothing written', async () => {
    const em = orm.em.fork();
    let attempts = 0;
    const error = await em
      .transactional(async (tx) => {
        attempts++;
        await tx.execute(`insert into outage_probe (tag) values ('twice')`);
        const [{ pid }] = await tx.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
        await terminate(pid);
        await tx.execute('select 1');
      })
      .catch((e: unknown) => e);
    expect(attempts).toBe(2);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(await db.query(`select tag from outage_probe where tag = 'twice'`)).toHaveLength(0);
  });

  it('is not retried when the connection failed once COMMIT was the only thing left (ambiguous): one attempt, a 503-class error', async () => {
    const em = orm.em.fork();
    let attempts = 0;
    let pid = 0;
    // the hook runs after the callback and its flush, right before COMMIT is sent
    em.getEventManager().registerSubscriber({ beforeTransactionCommit: () => terminate(pid).then(() => undefined) });
    const error = await em
      .transactional(async (tx) => {
        attempts++;
        await tx.execute(`insert into outage_probe (tag) values ('at-commit')`);
        [{ pid }] = await tx.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
      })
      .catch((e: unknown) => e);
    expect(attempts).toBe(1);
    expect(error).toBeInstanceOf(AmbiguousCommitError);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('leaves other errors alone: a conflict thrown in the callback runs once', async () => {
    const em = orm.em.fork();
    let attempts = 0;
    const error = await em
      .transactional(async () => {
        attempts++;
        throw OptimisticLockError.lockFailed('x');
      })
      .catch((e: unknown) => e);
    expect(attempts).toBe(1);
    expect(error).toBeInstanceOf(OptimisticLockError);
  });
});
