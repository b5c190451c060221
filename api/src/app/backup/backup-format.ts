/** The backup file (ADR 0032): gzip of one JSON header line, then each table's rows in COPY text form ending with a `\.` line. */
export const BACKUP_FORMAT = 'jalons-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** a line that ends a table's rows: COPY's text form writes a backslash as `\\`, so no row is ever this line */
export const END_OF_TABLE = Buffer.from('\\.\n');

export interface BackupColumn {
  name: string;
  /** as PostgreSQL writes it (format_type), e.g. `timestamptz`, `varchar(255)` */
  type: string;
}

export interface BackupTable {
  name: string;
  columns: BackupColumn[];
  rows: number;
}

export interface BackupSequence {
  name: string;
  value: string;
  isCalled: boolean;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  serverVersion: string;
  createdAt: string;
  /** the migrations applied, in order: the last one is the backup's migration level */
  migrations: string[];
  tables: BackupTable[];
  sequences: BackupSequence[];
}

/** A backup or a restore refused or failed, with a message an operator can act on. */
export class BackupError extends Error {}

/** The session settings both ends use, so that dates, times and numbers read back exactly as written. */
export const SESSION_SETTINGS = `set DateStyle = 'ISO, YMD'; set IntervalStyle = 'postgres'; set TimeZone = 'UTC'; set extra_float_digits = 3; set client_encoding = 'UTF8'`;

export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const columnList = (columns: BackupColumn[]) => columns.map((c) => quoteIdent(c.name)).join(', ');
