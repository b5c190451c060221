import { Logger } from '@nestjs/common';

import { createApp } from './bootstrap';
import { closeServer, HttpDrain } from './infra/http/drain';
import { ConfigError, loadConfig } from './infra/config/config';
import { prepareDatabase } from './seed/prepare-database';
import { startEmbeddedPostgres } from './infra/database/embedded';
import type { EmbeddedDatabase } from './infra/database/embedded';
import { seedsDir } from './app/roadmap-setup';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/startup-accounts';
import { ROLE_LABELS } from '@jalons/domain';

async function main(): Promise<void> {
  const logger = new Logger('Jalons');
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      logger.error(`Configuration: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  // the lines written before the app exists (the embedded database, migrations, seed) follow LOG_LEVEL too, as pino does after
  Logger.overrideLogger(config.logLevels);
  let embedded: EmbeddedDatabase | null = null;
  let stopping = false;
  const drain = new HttpDrain();
  // one path on a signal (ADR 0031): new requests answered 503 with Connection: close, the requests under way finish
  // (SHUTDOWN_GRACE_MS at most), the server closes, then the app (the schedulers stop claiming and wait for their
  // run, the pool closes), then the database
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    if (app) {
      const finished = await drain.drain(config.shutdownGraceMs);
      if (!finished)
        logger.warn(`${drain.pending} request(s) still running after ${config.shutdownGraceMs} ms: their connections are closed`);
      await closeServer(app.getHttpServer());
      await app.close().catch((e) => logger.error(`closing the app: ${(e as Error).message}`));
    }
    await embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
      url = embedded.url;
    }
    const admin = config.adminEmail && config.adminPassword ? { email: config.adminEmail, password: config.adminPassword } : null;
    await prepareDatabase(url, { seed: config.seedOnStart, seedsDir: seedsDir(), accounts: { admin, demo: config.demoAccounts } });
    app = await createApp(config, url, { drain });
    await app.listen(config.port);
    logger.log(`Jalons is running on http://localhost:${config.port}/ — API docs on http://localhost:${config.port}/api/docs`);
    if (config.demoAccounts) {
      logger.log(
        `Demo accounts (embedded database, not for production), password "${DEMO_PASSWORD}":\n` +
          DEMO_ACCOUNTS.map((d) => `  ${ROLE_LABELS[d.role].padEnd(24)} ${d.email}`).join('\n'),
      );
    }
  } catch (e) {
    logger.error((e as Error).message ?? e);
    await stop('startup failure', 1);
  }
}

void main();
