import { ACTION_STATUSES, CENTRAL_VOLETS, TEXT_MAX } from '@jalons/domain';
import type { ActionStatus, CentralVolet, IsoDate } from '@jalons/domain';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';

import { IsIsoDate, IsText, IsUuidList, VALIDATION_MESSAGES as M } from './validation';

/**
 * The phase of an action is not chosen: it is the phase that contains its start date
 * (docs/adr/0003-phase-derived-from-dates.md). Sending `phaseId` is refused as an unknown field.
 */
export class CreateActionDto {
  @IsUUID('all', { message: M.uuid })
  functionId!: string;

  @IsText(1, TEXT_MAX.title)
  title!: string;

  @IsOptional()
  @IsText(0, TEXT_MAX.description)
  description?: string;

  @IsIsoDate()
  start!: IsoDate;

  @IsIsoDate()
  due!: IsoDate;

  @IsOptional()
  @IsIn(ACTION_STATUSES, { message: M.status(ACTION_STATUSES) })
  status?: ActionStatus;

  @IsOptional()
  @IsInt({ message: M.progress })
  @Min(0, { message: M.progress })
  @Max(100, { message: M.progress })
  progress?: number;

  /** null = nobody yet; omitted = the function's owner */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: M.uuid })
  ownerId?: string | null;

  /** only for the central function */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(CENTRAL_VOLETS, { message: `volet doit valoir l’un de : ${CENTRAL_VOLETS.join(', ')}.` })
  volet?: CentralVolet | null;

  @IsOptional()
  @IsUuidList(100, 'predecessorIds doit être une liste de 100 identifiants d’actions (UUID) au plus.')
  predecessorIds?: string[];

  @IsOptional()
  @IsText(0, TEXT_MAX.comment)
  comment?: string;
}

/** Re-plan or rename an action. Only the fields sent change. */
export class UpdateActionDto {
  @IsInt({ message: M.version })
  @Min(1, { message: M.version })
  version!: number;

  @IsOptional()
  @IsUUID('all', { message: M.uuid })
  functionId?: string;

  @IsOptional()
  @IsText(1, TEXT_MAX.title)
  title?: string;

  @IsOptional()
  @IsText(0, TEXT_MAX.description)
  description?: string;

  @IsOptional()
  @IsIsoDate()
  start?: IsoDate;

  @IsOptional()
  @IsIsoDate()
  due?: IsoDate;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: M.uuid })
  ownerId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(CENTRAL_VOLETS, { message: `volet doit valoir l’un de : ${CENTRAL_VOLETS.join(', ')}.` })
  volet?: CentralVolet | null;

  @IsOptional()
  @IsText(0, TEXT_MAX.comment)
  comment?: string;
}

/** What a function owner reports: status, progress, a comment. */
export class UpdateActionStatusDto {
  @IsInt({ message: M.version })
  @Min(1, { message: M.version })
  version!: number;

  @IsIn(ACTION_STATUSES, { message: M.status(ACTION_STATUSES) })
  status!: ActionStatus;

  @IsInt({ message: M.progress })
  @Min(0, { message: M.progress })
  @Max(100, { message: M.progress })
  progress!: number;

  @IsOptional()
  @IsText(0, TEXT_MAX.comment)
  comment?: string;
}

export class AddDependencyDto {
  /** version of the successor action (the one the arrow points to) */
  @IsInt({ message: M.version })
  @Min(1, { message: M.version })
  version!: number;

  @IsUUID('all', { message: M.uuid })
  predecessorId!: string;
}
