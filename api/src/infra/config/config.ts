import { resolve } from 'node:path';

/**
 * The instance's configuration, read and checked once at boot. A missing or malformed variable
 * stops the start with a message naming it.
 */
export interface AppConfig {
  port: number;
  /** unset: an embedded PostgreSQL is started in `dataDir` */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  /** seed the Brest roadmap when the database holds no roadmap */
  seedOnStart: boolean;
  /** folder of the built web app served on `/`; null when absent */
  webDir: string;
  logLevels: Array<'error' | 'warn' | 'log' | 'debug' | 'verbose'>;
  production: boolean;
  timeZone: 'Europe/Paris';
  /** chronograms kept serialised per instance, checked against the roadmap's revision on every read (0 = off) */
  chronogramCacheSize: number;
  /** on SIGINT/SIGTERM, how long requests already sent may still be read before the server closes */
  shutdownGraceMs: number;
}

export class ConfigError extends Error {}

const LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}").`);
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}").`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env['DATABASE_URL'] || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL.');
  }
  const level = (env['LOG_LEVEL'] || 'log').toLowerCase();
  const idx = LEVELS.indexOf(level as (typeof LEVELS)[number]);
  if (idx < 0) throw new ConfigError(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got "${level}").`);
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    dataDir: resolve(env['DATA_DIR'] || '.data'),
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    seedOnStart: bool(env, 'SEED_ON_START', true),
    webDir: resolve(env['WEB_DIR'] || 'dist/web/browser'),
    logLevels: [...LEVELS.slice(0, idx + 1)],
    production: env['NODE_ENV'] === 'production',
    timeZone: 'Europe/Paris',
    chronogramCacheSize: int(env, 'CHRONOGRAM_CACHE_SIZE', 32, 0, 10_000),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 500, 0, 60_000),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
