import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CronJob } from 'cron';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { backupTo } from './backup.cli';

/** `jalons-20261129-021500.backup.gz`: the scheduled backups, the only files the rotation deletes. */
const SCHEDULED = /^jalons-\d{8}-\d{6}\.backup\.gz$/;

export function scheduledName(at: Date): string {
  const s = at.toISOString();
  return `jalons-${s.slice(0, 10).replace(/-/g, '')}-${s.slice(11, 19).replace(/:/g, '')}.backup.gz`;
}

/** Keeps the `keep` newest scheduled backups of `dir`; returns the files deleted. Other files are left alone. */
export function rotate(dir: string, keep: number): string[] {
  const old = readdirSync(dir)
    .filter((f) => SCHEDULED.test(f))
    .sort()
    .reverse()
    .slice(keep);
  for (const f of old) rmSync(join(dir, f), { force: true });
  return old;
}

/**
 * The daily backup (ADR 0032): off unless BACKUP_DIR is set; at BACKUP_CRON (Europe/Paris, 02:15 by
 * default) a backup into BACKUP_DIR, then only the last BACKUP_KEEP kept. A failure (database
 * down, disk full) is logged and leaves the earlier backups in place; the next day tries again.
 */
@Injectable()
export class BackupScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Backup');
  private job: CronJob | null = null;
  private running: Promise<string | null> | null = null;

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'backupDir' | 'backupKeep' | 'backupCron'>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.backupDir) return;
    this.job = CronJob.from({ cronTime: this.config.backupCron, timeZone: 'Europe/Paris', onTick: () => void this.run() });
    this.job.start();
    this.logger.log(
      `daily backup into ${this.config.backupDir} at "${this.config.backupCron}" (Europe/Paris), keeping ${this.config.backupKeep}`,
    );
  }

  /** One backup now (the cron's tick); the file written, or null when it failed or one is under way. */
  run(now = new Date()): Promise<string | null> {
    if (this.running || !this.config.backupDir) return Promise.resolve(null);
    const dir = this.config.backupDir;
    this.running = (async () => {
      try {
        mkdirSync(dir, { recursive: true });
        const file = join(dir, scheduledName(now));
        const { header, bytes } = await backupTo(this.orm.config.get('clientUrl')!, file);
        const removed = rotate(dir, this.config.backupKeep);
        this.logger.log(
          `backup ${file}: ${header.tables.reduce((n, t) => n + t.rows, 0)} rows, ${(bytes / 1024).toFixed(0)} KiB; ${removed.length} older removed`,
        );
        return file;
      } catch (e) {
        this.logger.error(`backup failed: ${(e as Error).message}`);
        return null;
      }
    })();
    const running = this.running;
    void running.then(() => {
      if (this.running === running) this.running = null;
    });
    return running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.job?.stop();
    await this.running;
  }
}
