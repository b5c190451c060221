export { BackupModule } from './backup.module';
export { BackupError, BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './backup-format';
export type { BackupHeader, BackupTable } from './backup-format';
export { writeBackup } from './write-backup';
export { restoreBackup, loadBackup, verifyBackup, readHeader } from './restore-backup';
export { BackupScheduler, rotate, scheduledName } from './backup.scheduler';
export { backupCommand, restoreCommand, backupTo, restoreFrom, migrateTo } from './backup.cli';
