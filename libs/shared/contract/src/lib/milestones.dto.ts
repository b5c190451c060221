import type { IsoDate } from '@jalons/domain';
import { IsOptional } from 'class-validator';

import { CreateItemDto, UpdateItemDto } from './items.dto';
import { IsIsoDate, IsOptionalOrNull } from './validation';

/** A milestone's phase is the phase containing its date (docs/adr/0003-phase-derived-from-dates.md). */
export class CreateMilestoneDto extends CreateItemDto {
  @IsIsoDate()
  date!: IsoDate;

  @IsOptionalOrNull()
  @IsIsoDate()
  achievedOn?: IsoDate | null;
}

export class UpdateMilestoneDto extends UpdateItemDto {
  @IsOptional()
  @IsIsoDate()
  date?: IsoDate;

  /** a day marks it achieved; null marks it not achieved */
  @IsOptionalOrNull()
  @IsIsoDate()
  achievedOn?: IsoDate | null;
}
