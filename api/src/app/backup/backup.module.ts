import { Module } from '@nestjs/common';

import { BackupScheduler } from './backup.scheduler';

/** Backups that restore (ADR 0032): the writer and reader are plain functions; the module holds the daily backup. */
@Module({
  providers: [BackupScheduler],
  exports: [BackupScheduler],
})
export class BackupModule {}
