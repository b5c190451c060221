import { TEXT_MAX } from '@jalons/domain';
import { IsOptional } from 'class-validator';

import { IsId, IsText, IsVersion } from './validation';

/** What creating an action or a milestone shares: its function, its words, a comment for the history. */
export abstract class CreateItemDto {
  @IsId()
  functionId!: string;

  @IsText(1, TEXT_MAX.title)
  title!: string;

  @IsOptional()
  @IsText(0, TEXT_MAX.description)
  description?: string;

  @IsOptional()
  @IsText(0, TEXT_MAX.comment)
  comment?: string;
}

/** What changing an action or a milestone shares: the version read, and the fields both have. Only the fields sent change. */
export abstract class UpdateItemDto {
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
  @IsText(0, TEXT_MAX.comment)
  comment?: string;
}
