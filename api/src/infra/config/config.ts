import { resolve } from 'node:path';

import type { LegalConfig, RetentionConfig } from '@jalons/contract';
import { PASSWORD_MAX, PASSWORD_MIN } from '@jalons/domain';

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
  /** JSON lines (one per request, for a log collector) or pino-pretty's coloured lines; JSON by default in production (ADR 0029) */
  logFormat: 'json' | 'pretty';
  /** the bearer token `GET /metrics` asks for; null: the metrics are closed to everyone (ADR 0029) */
  metricsToken: string | null;
  production: boolean;
  timeZone: 'Europe/Paris';
  /** chronograms kept serialised per instance, checked against the roadmap's revision on every read (0 = off) */
  chronogramCacheSize: number;
  /** on SIGINT/SIGTERM, how long the requests under way may take to finish (new ones get 503) before the server closes */
  shutdownGraceMs: number;
  /** the address people use to reach the app, for links in e-mails (no trailing slash) */
  publicUrl: string;
  /** smtp:// or smtps:// URL of the mail server; null: e-mails are written to the log (outside production) */
  smtpUrl: string | null;
  mailFrom: string;
  /** the first administrator, created at start when no administrator exists */
  adminEmail: string | null;
  adminPassword: string | null;
  /** one demo account per role (embedded database, outside production only) */
  demoAccounts: boolean;
  /** a session ends after this long without a request… */
  sessionIdleMinutes: number;
  /** …and after this long in any case */
  sessionMaxHours: number;
  /** failed sign-ins allowed per (account, address) pair within the window before that pair is paused… */
  loginMaxFailures: number;
  /** …per account from all addresses together (a higher ceiling, against guessing spread over many addresses)… */
  loginMaxFailuresPerAccount: number;
  /** …and per address whatever the accounts */
  loginMaxFailuresPerIp: number;
  loginWindowMinutes: number;
  invitationTtlHours: number;
  resetTtlMinutes: number;
  /** password-reset requests one address may make within the window, whatever the e-mails (then 429) */
  resetMaxRequestsPerIp: number;
  /** origins allowed to call the API from another site (CORS); empty: none */
  corsOrigins: string[];
  /** Express 'trust proxy' (behind a reverse proxy: a hop count, true, or addresses/subnets); false by default */
  trustProxy: number | boolean | string;
  /** this instance runs the reminder job on its schedule and sends the outbox (several may: they share the work) */
  remindersEnabled: boolean;
  /** when the job runs, cron syntax, Europe/Paris */
  remindersCron: string;
  /** sending attempts of one e-mail before it is shown as failed to the administrator */
  mailMaxAttempts: number;
  /** how often the outbox is swept for e-mails to (re)send */
  outboxPollSeconds: number;
  /** how long a sender holds an e-mail it claimed before another may take it over */
  outboxLeaseSeconds: number;
  /** requests one address may make to `/api/public/*` per minute before it is answered 429 (issue 13) */
  publicRateLimitPerMinute: number;
  /** who publishes this instance, shown on the legal notice and the privacy notice (issue 13); null: « à renseigner » */
  legal: LegalConfig;
  /** how long personal traces are kept after they are spent, in days; a daily purge enforces them (issue 13) */
  retention: RetentionConfig;
  /** the daily backup's folder (BACKUP_DIR); null: no scheduled backup (ADR 0032) */
  backupDir: string | null;
  /** scheduled backups kept there, the newest (BACKUP_KEEP, 7) */
  backupKeep: number;
  /** when the backup runs, cron syntax, Europe/Paris (BACKUP_CRON, '15 2 * * *') */
  backupCron: string;
}

// the legal facts and retention periods are the contract's shapes (GET /api/public/instance shows them as they are):
// LEGAL_* and RETENTION_*_DAYS below fill them
export type { LegalConfig, RetentionConfig };

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

function text(env: NodeJS.ProcessEnv, name: string, max = 500): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  if ([...raw].length > max) throw new ConfigError(`${name} must have at most ${max} characters.`);
  return raw;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}").`);
}

/** '1' → 1 hop, 'true'/'false' → booleans, anything else (addresses, 'loopback'…) as Express reads it. */
function trustProxy(raw: string | undefined): number | boolean | string {
  const v = (raw ?? '').trim();
  if (v === '' || /^(false|no|off|0)$/i.test(v)) return false;
  if (/^(true|yes|on)$/i.test(v)) return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** LOG_FORMAT (json in production, pretty elsewhere) and METRICS_TOKEN (ADR 0029). */
function observability(env: NodeJS.ProcessEnv, production: boolean): Pick<AppConfig, 'logFormat' | 'metricsToken'> {
  const logFormat = (env['LOG_FORMAT'] || (production ? 'json' : 'pretty')).toLowerCase();
  if (logFormat !== 'json' && logFormat !== 'pretty') throw new ConfigError(`LOG_FORMAT must be json or pretty (got "${logFormat}").`);
  const metricsToken = env['METRICS_TOKEN']?.trim() || null;
  if (metricsToken && (metricsToken.length < 16 || !/^[\x21-\x7e]+$/.test(metricsToken)))
    throw new ConfigError('METRICS_TOKEN must have at least 16 printable characters without spaces.');
  return { logFormat, metricsToken };
}

/** BACKUP_DIR (unset: no scheduled backup), BACKUP_KEEP and BACKUP_CRON (ADR 0032). */
function backups(env: NodeJS.ProcessEnv): Pick<AppConfig, 'backupDir' | 'backupKeep' | 'backupCron'> {
  const backupCron = (env['BACKUP_CRON'] || '15 2 * * *').trim();
  if (!/^(\S+\s+){4,5}\S+$/.test(backupCron))
    throw new ConfigError(`BACKUP_CRON must be a cron expression like "15 2 * * *" (got "${backupCron}").`);
  const dir = env['BACKUP_DIR']?.trim();
  return { backupDir: dir ? resolve(dir) : null, backupKeep: int(env, 'BACKUP_KEEP', 7, 1, 3650), backupCron };
}

/** LEGAL_*: the editor's facts for the legal and privacy notices (null: « à renseigner »). */
function legalConfig(env: NodeJS.ProcessEnv): LegalConfig {
  const legal: LegalConfig = {
    editor: text(env, 'LEGAL_EDITOR', 200),
    address: text(env, 'LEGAL_ADDRESS'),
    contactEmail: text(env, 'LEGAL_CONTACT_EMAIL', 320),
    publicationDirector: text(env, 'LEGAL_PUBLICATION_DIRECTOR', 200),
    host: text(env, 'LEGAL_HOST'),
    dpoContact: text(env, 'LEGAL_DPO_CONTACT', 320),
  };
  if (legal.contactEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(legal.contactEmail))
    throw new ConfigError(`LEGAL_CONTACT_EMAIL must be an e-mail address (got "${legal.contactEmail}").`);
  return legal;
}

/** RETENTION_*_DAYS: what the privacy notice promises and the purge enforces. */
function retentionConfig(env: NodeJS.ProcessEnv): RetentionConfig {
  return {
    sessionsDays: int(env, 'RETENTION_SESSIONS_DAYS', 30, 1, 3650),
    tokensDays: int(env, 'RETENTION_TOKENS_DAYS', 30, 1, 3650),
    outboxDays: int(env, 'RETENTION_OUTBOX_DAYS', 90, 1, 3650),
    notificationsDays: int(env, 'RETENTION_NOTIFICATIONS_DAYS', 365, 1, 3650),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env['DATABASE_URL'] || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL.');
  }
  const level = (env['LOG_LEVEL'] || 'log').toLowerCase();
  const idx = LEVELS.indexOf(level as (typeof LEVELS)[number]);
  if (idx < 0) throw new ConfigError(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got "${level}").`);
  const port = int(env, 'PORT', 3000, 0, 65535);
  const production = env['NODE_ENV'] === 'production';
  const publicUrl = (env['PUBLIC_URL'] || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(publicUrl))
    throw new ConfigError(`PUBLIC_URL must be an http:// or https:// address (got "${publicUrl}").`);
  const smtpUrl = env['SMTP_URL'] || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL.');
  const adminEmail = env['ADMIN_EMAIL']?.trim().toLowerCase();
  const adminPassword = env['ADMIN_PASSWORD'];
  if (!!adminEmail !== !!adminPassword) throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither.');
  if (adminEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(adminEmail))
    throw new ConfigError(`ADMIN_EMAIL must be an e-mail address (got "${adminEmail}").`);
  if (adminPassword && ([...adminPassword].length < PASSWORD_MIN || [...adminPassword].length > PASSWORD_MAX)) {
    throw new ConfigError(`ADMIN_PASSWORD must have ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`);
  }
  for (const o of (env['CORS_ORIGINS'] || '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    if (!/^https?:\/\/[^/]+$/.test(o))
      throw new ConfigError(`CORS_ORIGINS must list origins like https://example.org, comma-separated (got "${o}").`);
  }
  const remindersCron = (env['REMINDERS_CRON'] || '30 7 * * *').trim();
  if (!/^(\S+\s+){4,5}\S+$/.test(remindersCron))
    throw new ConfigError(`REMINDERS_CRON must be a cron expression like "30 7 * * *" (got "${remindersCron}").`);
  return {
    port,
    databaseUrl,
    dataDir: resolve(env['DATA_DIR'] || '.data'),
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    seedOnStart: bool(env, 'SEED_ON_START', true),
    webDir: resolve(env['WEB_DIR'] || 'dist/web/browser'),
    logLevels: [...LEVELS.slice(0, idx + 1)],
    ...observability(env, production),
    production,
    timeZone: 'Europe/Paris',
    chronogramCacheSize: int(env, 'CHRONOGRAM_CACHE_SIZE', 32, 0, 10_000),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 120_000),
    publicUrl,
    smtpUrl,
    mailFrom: env['MAIL_FROM'] || 'Jalons <jalons@localhost>',
    adminEmail: adminEmail || null,
    adminPassword: adminPassword || null,
    demoAccounts: bool(env, 'DEMO_ACCOUNTS', !databaseUrl && !production) && !databaseUrl && !production,
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 240, 1, 60 * 24 * 30),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 24 * 7, 1, 24 * 365),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginMaxFailuresPerAccount: int(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 50, 1, 100_000),
    loginMaxFailuresPerIp: int(env, 'LOGIN_MAX_FAILURES_PER_IP', 30, 1, 100_000),
    loginWindowMinutes: int(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    invitationTtlHours: int(env, 'INVITATION_TTL_HOURS', 24 * 7, 1, 24 * 90),
    resetTtlMinutes: int(env, 'RESET_TTL_MINUTES', 60, 5, 24 * 60),
    resetMaxRequestsPerIp: int(env, 'RESET_MAX_REQUESTS_PER_IP', 10, 1, 100_000),
    corsOrigins: (env['CORS_ORIGINS'] || '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: trustProxy(env['TRUST_PROXY']),
    remindersEnabled: bool(env, 'REMINDERS_ENABLED', true),
    remindersCron,
    mailMaxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 100),
    outboxPollSeconds: int(env, 'OUTBOX_POLL_SECONDS', 60, 1, 3600),
    outboxLeaseSeconds: int(env, 'OUTBOX_LEASE_SECONDS', 300, 5, 3600),
    publicRateLimitPerMinute: int(env, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 300, 1, 1_000_000),
    legal: legalConfig(env),
    ...backups(env),
    retention: retentionConfig(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
