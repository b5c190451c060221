import { BASELINE_BOUNDS, TEXT_MAX } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import { IsOptional } from 'class-validator';

import { IsProofKind, IsProofTitle, IsProofUrl } from './evidence.dto';
import type { EvidenceKind } from './evidence.dto';
import { IsId, IsIsoDate, IsOptionalOrNull, IsText, IsVersion } from './validation';

/** A milestone's phase is the phase containing its date (docs/adr/0003-phase-derived-from-dates.md). */
export class CreateMilestoneDto {
  @IsId()
  functionId!: string;

  @IsText(1, TEXT_MAX.title)
  title!: string;

  @IsOptional()
  @IsText(0, TEXT_MAX.description)
  description?: string;

  @IsIsoDate()
  date!: IsoDate;

  @IsOptionalOrNull()
  @IsIsoDate()
  achievedOn?: IsoDate | null;

  /** null = nobody yet; omitted = the function's owner */
  @IsOptionalOrNull()
  @IsId()
  ownerId?: string | null;

  @IsOptional()
  @IsText(0, TEXT_MAX.comment)
  comment?: string;
}

export class UpdateMilestoneDto {
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
  date?: IsoDate;

  /** a day marks it achieved; null marks it not achieved */
  @IsOptionalOrNull()
  @IsIsoDate()
  achievedOn?: IsoDate | null;

  @IsOptionalOrNull()
  @IsId()
  ownerId?: string | null;

  @IsOptional()
  @IsText(0, TEXT_MAX.comment)
  comment?: string;

  /** a proof saved with the change (only when the milestone is achieved after it): the three proof fields, or none */
  @IsProofTitle()
  proofTitle?: string;

  @IsProofUrl()
  proofUrl?: string;

  @IsProofKind()
  proofKind?: EvidenceKind;
  /** why the dates change: required when the item is in the roadmap's latest baseline and a date changes (ADR 0017); kept in the history */
  @IsOptional()
  @IsText(1, BASELINE_BOUNDS.reason)
  reason?: string;
  /** the governance decision behind the re-plan: a decision of the item's roadmap (422 on decisionId otherwise); kept on the history lines */
  @IsOptional()
  @IsId()
  decisionId?: string;
}
