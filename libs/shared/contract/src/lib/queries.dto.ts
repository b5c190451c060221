import { ACTION_STATUSES, PROVENANCE_FILTERS } from '@jalons/domain';
import type { ActionStatus, IsoDate, ProvenanceFilter } from '@jalons/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { IsId, IsIsoDate, IsVersion, VALIDATION_MESSAGES as M } from './validation';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

const PROVENANCE_MESSAGE = `provenance doit valoir ${PROVENANCE_FILTERS.join(', ')} (locale : ajouté dans l’application).`;

/** `at`: the reference day for roll-ups and health (default: today in Europe/Paris). */
export class AtQueryDto {
  @IsOptional()
  @IsIsoDate()
  at?: IsoDate;
}

export class ChronogramQueryDto extends AtQueryDto {
  @IsOptional()
  @IsId()
  functionId?: string;

  /** a baseline of the roadmap: its dates come with the chronogram, for ghost bars (ADR 0017) */
  @IsOptional()
  @IsId()
  baseline?: string;
}

export class ActionFilterDto extends AtQueryDto {
  @IsOptional()
  @IsId()
  functionId?: string;

  @IsOptional()
  @IsId()
  phaseId?: string;

  /** one status or several, comma-separated: `status=en_cours,bloquee` */
  @IsOptional()
  @Transform(toList)
  @IsIn(ACTION_STATUSES, { each: true, message: M.status(ACTION_STATUSES) })
  status?: ActionStatus[];

  @IsOptional()
  @IsId()
  ownerId?: string;

  /** due on or before this day */
  @IsOptional()
  @IsIsoDate()
  dueBefore?: IsoDate;

  /** due on or after this day */
  @IsOptional()
  @IsIsoDate()
  dueAfter?: IsoDate;

  /** where the action comes from: a kit provenance, or `locale` (added in the app) */
  @IsOptional()
  @IsIn(PROVENANCE_FILTERS, { message: PROVENANCE_MESSAGE })
  provenance?: ProvenanceFilter;
}

export class MilestoneFilterDto extends AtQueryDto {
  @IsOptional()
  @IsId()
  functionId?: string;

  @IsOptional()
  @IsId()
  phaseId?: string;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'achieved doit valoir true ou false.' })
  achieved?: boolean;

  @IsOptional()
  @IsIsoDate()
  dueBefore?: IsoDate;

  @IsOptional()
  @IsIsoDate()
  dueAfter?: IsoDate;

  /** where the milestone comes from: a kit provenance, or `locale` (added in the app) */
  @IsOptional()
  @IsIn(PROVENANCE_FILTERS, { message: PROVENANCE_MESSAGE })
  provenance?: ProvenanceFilter;
}

/** `?version=N` on a DELETE: the version the client read. */
export class VersionQueryDto {
  @Type(() => Number)
  @IsVersion()
  version!: number;
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `GET /api/roadmaps/:id/export?format=xlsx|csv[&at=…]` */
export class ExportQueryDto extends AtQueryDto {
  @IsIn(EXPORT_FORMATS, { message: 'format doit valoir xlsx ou csv.' })
  format!: ExportFormat;
}

/** `GET /api/roadmaps/:id/changes?limit=N` — the latest changes first. */
export class RecentChangesQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit doit être un entier de 1 à 100.' })
  @Min(1, { message: 'limit doit être un entier de 1 à 100.' })
  @Max(100, { message: 'limit doit être un entier de 1 à 100.' })
  limit?: number;
}
