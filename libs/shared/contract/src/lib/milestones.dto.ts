import { TEXT_MAX } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import { IsInt, IsOptional, IsUUID, Min, ValidateIf } from 'class-validator';

import { IsIsoDate, IsText, VALIDATION_MESSAGES as M } from './validation';

/** A milestone's phase is the phase containing its date (docs/adr/0003-phase-derived-from-dates.md). */
export class CreateMilestoneDto {
  @IsUUID('all', { message: M.uuid })
  functionId!: string;

  @IsText(1, TEXT_MAX.title)
  title!: string;

  @IsOptional()
  @IsText(0, TEXT_MAX.description)
  description?: string;

  @IsIsoDate()
  date!: IsoDate;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIsoDate()
  achievedOn?: IsoDate | null;

  @IsOptional()
  @IsText(0, TEXT_MAX.comment)
  comment?: string;
}

export class UpdateMilestoneDto {
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
  date?: IsoDate;

  /** a day marks it achieved; null marks it not achieved */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIsoDate()
  achievedOn?: IsoDate | null;

  @IsOptional()
  @IsText(0, TEXT_MAX.comment)
  comment?: string;
}
