import { BASELINE_BOUNDS, ACTION_STATUSES, CENTRAL_VOLETS, TEXT_MAX } from '@jalons/domain';
import type { ActionStatus, CentralVolet, IsoDate } from '@jalons/domain';
import { IsIn, IsOptional } from 'class-validator';

import { IsProofKind, IsProofTitle, IsProofUrl } from './evidence.dto';
import type { EvidenceKind } from './evidence.dto';
import { IsId, IsIsoDate, IsOptionalOrNull, IsProgress, IsText, IsUuidList, IsVersion, VALIDATION_MESSAGES as M } from './validation';

/**
 * The phase of an action is not chosen: it is the phase that contains its start date
 * (docs/adr/0003-phase-derived-from-dates.md). Sending `phaseId` is refused as an unknown field.
 */
export class CreateActionDto {
  @IsId()
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
  @IsProgress()
  progress?: number;

  /** null = nobody yet; omitted = the function's owner */
  @IsOptionalOrNull()
  @IsId()
  ownerId?: string | null;

  /** only for the central function */
  @IsOptionalOrNull()
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
  @IsVersion()
  version!: number;

  @IsOptional()
  @IsId()
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

  @IsOptionalOrNull()
  @IsId()
  ownerId?: string | null;

  @IsOptionalOrNull()
  @IsIn(CENTRAL_VOLETS, { message: `volet doit valoir l’un de : ${CENTRAL_VOLETS.join(', ')}.` })
  volet?: CentralVolet | null;

  @IsOptional()
  @IsText(0, TEXT_MAX.comment)
  comment?: string;

  /** why the dates change: required when the item is in the roadmap's latest baseline and a date changes (ADR 0017); kept in the history */
  @IsOptional()
  @IsText(1, BASELINE_BOUNDS.reason)
  reason?: string;
  /** the governance decision behind the re-plan: a decision of the item's roadmap (422 on decisionId otherwise); kept on the history lines */
  @IsOptional()
  @IsId()
  decisionId?: string;
}

/** What a function owner reports: status, progress, a comment. */
export class UpdateActionStatusDto {
  @IsVersion()
  version!: number;

  @IsIn(ACTION_STATUSES, { message: M.status(ACTION_STATUSES) })
  status!: ActionStatus;

  @IsProgress()
  progress!: number;

  @IsOptional()
  @IsText(0, TEXT_MAX.comment)
  comment?: string;

  /** a proof saved with the status (only when it becomes terminée): the three proof fields, or none */
  @IsProofTitle()
  proofTitle?: string;

  @IsProofUrl()
  proofUrl?: string;

  @IsProofKind()
  proofKind?: EvidenceKind;
}

export class AddDependencyDto {
  /** version of the successor action (the one the arrow points to) */
  @IsVersion()
  version!: number;

  @IsId()
  predecessorId!: string;
}
