import type { IsoDate } from '@jalons/domain';
import { IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateIf } from 'class-validator';

import { IsIsoDate, VALIDATION_MESSAGES as M } from './validation';

/** A milestone's phase is the phase containing its date (docs/adr/0003-phase-derived-from-dates.md). */
export class CreateMilestoneDto {
  @IsUUID('all', { message: M.uuid })
  functionId!: string;

  @IsString({ message: M.text(200) })
  @Length(1, 200, { message: M.text(200) })
  title!: string;

  @IsOptional()
  @IsString({ message: M.optionalText(4000) })
  @MaxLength(4000, { message: M.optionalText(4000) })
  description?: string;

  @IsIsoDate()
  date!: IsoDate;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIsoDate()
  achievedOn?: IsoDate | null;

  @IsOptional()
  @IsString({ message: M.optionalText(2000) })
  @MaxLength(2000, { message: M.optionalText(2000) })
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
  @IsString({ message: M.text(200) })
  @Length(1, 200, { message: M.text(200) })
  title?: string;

  @IsOptional()
  @IsString({ message: M.optionalText(4000) })
  @MaxLength(4000, { message: M.optionalText(4000) })
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
  @IsString({ message: M.optionalText(2000) })
  @MaxLength(2000, { message: M.optionalText(2000) })
  comment?: string;
}
