import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { Client } from 'pg';

import { prepareDatabase } from '../src/seed/prepare-database';

export interface TestDatabase {
  url: string;
  /** a plain SQL query on the test database */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env['JALONS_TEST_ADMIN_URL'];
  if (!url) throw new Error('JALONS_TEST_ADMIN_URL is not set: run the tests through jest (api/jest.config.cts).');
  return url;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, empty database on the run's server; migrated (and seeded with Brest) unless told not to. */
export async function createTestDatabase(options: { migrate?: boolean; seed?: boolean } = {}): Promise<TestDatabase> {
  const name = `jalons_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl(), name);
  if (options.migrate ?? true) await prepareDatabase(url, { seed: options.seed ?? true, seedsDir: join(__dirname, '..', '..', 'seeds') });
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    url,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async drop() {
      await client.end();
      const a = new Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
