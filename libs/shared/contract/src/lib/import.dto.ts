import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/**
 * `POST /api/roadmaps/:id/import?dryRun=true|false`, multipart field `file` (XLSX exported by
 * Jalons and edited, or a CSV of its « Actions » columns). `dryRun=true` answers the plan and writes
 * nothing; without it the plan is applied, all or nothing.
 */
export class ImportQueryDto {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun doit valoir true ou false.' })
  dryRun?: boolean;
}

/** The largest file the import reads, in bytes (5 Mio: a 10,000-row workbook is about 1 Mio). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** The most data rows read per sheet. */
export const IMPORT_MAX_ROWS = 10_000;

export type ImportItemType = 'action' | 'milestone';

/** Where a row of the file sits: its sheet (« Actions », « Jalons », or the CSV) and its line number as the spreadsheet shows it. */
export interface ImportRowPlace {
  itemType: ImportItemType;
  sheet: string;
  line: number;
  /** the row's title as read (or the item's when the cell is empty) */
  title: string;
}

/** One field a row changes, as people read it (French labels, names rather than ids, dates AAAA-MM-JJ). */
export interface ImportFieldChangeView {
  /** the item's field: 'title', 'start', 'due', 'status', 'progress', 'owner', 'function', 'volet', 'predecessors', 'date', 'achievedOn', 'description', 'phase' */
  field: string;
  /** the column's name in the file */
  label: string;
  from: string | null;
  to: string | null;
}

export interface ImportUpdateView extends ImportRowPlace {
  id: string;
  version: number;
  changes: ImportFieldChangeView[];
}

export interface ImportCreationView extends ImportRowPlace {
  /** every field the new item gets (`from` is null) */
  fields: ImportFieldChangeView[];
}

export interface ImportRefusalView extends ImportRowPlace {
  /** the item's id when the row names one */
  id: string | null;
  /** one French sentence per problem, each naming its column */
  reasons: string[];
}

export interface ImportConflictView extends ImportRowPlace {
  id: string;
  /** the version the file holds (read at export) */
  fileVersion: number;
  /** the version stored now: someone changed the item since the export */
  currentVersion: number;
}

/** The import's plan (dry run) or what it did (applied). */
export interface ImportPlanView {
  fileName: string;
  /** true once written; false for a dry run */
  applied: boolean;
  updates: ImportUpdateView[];
  creations: ImportCreationView[];
  refused: ImportRefusalView[];
  conflicts: ImportConflictView[];
  /** rows read that change nothing */
  unchanged: number;
  /** columns and sheets ignored, read-only columns edited… */
  warnings: string[];
  /** applying is possible: nothing refused, no conflict, something to change */
  canApply: boolean;
}
