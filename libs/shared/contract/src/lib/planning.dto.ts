import { CENTRAL_VOLETS, PHASE_CODES, TEXT_MAX } from '@jalons/domain';
import type { CentralVolet, IsoDate, PhaseCode } from '@jalons/domain';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';

import type { PhaseView } from './views';
import { IsId, IsIsoDate, IsOptionalOrNull, IsText, IsUuidList, IsVersion } from './validation';

/*
 * Planning (the project lead's): a function's description, owner, colour and volets; a roadmap's
 * phase dates; closing a mandate and carrying its unfinished items over (docs/adr/0013-carry-over.md).
 */

/** `#rrggbb`, the colour of a function's rows on the chronogram. */
export const FUNCTION_COLOR = /^#[0-9a-f]{6}$/i;

/** `?dryRun=true|false` (default true: nothing is written unless asked). */
export class DryRunQueryDto {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun doit valoir true ou false.' })
  dryRun?: boolean;
}

/** One of the central function's three volets; only the fields sent change. */
export class VoletPatchDto {
  @IsIn(CENTRAL_VOLETS, { message: `code doit valoir l’un de : ${CENTRAL_VOLETS.join(', ')}.` })
  code!: CentralVolet;

  @IsOptional()
  @IsText(1, 150)
  name?: string;

  @IsOptional()
  @IsText(0, TEXT_MAX.description)
  description?: string;
}

/** `PATCH /api/roadmaps/:id/functions/:functionId`: only the fields sent change. */
export class UpdateFunctionDto {
  @IsVersion()
  version!: number;

  @IsOptional()
  @IsText(0, TEXT_MAX.description)
  description?: string;

  /** the référent·e: an active account whose role is owner or lead; null = nobody */
  @IsOptionalOrNull()
  @IsId()
  ownerId?: string | null;

  @IsOptional()
  @Matches(FUNCTION_COLOR, { message: 'color doit être une couleur au format #rrggbb (par exemple #1f77b4).' })
  color?: string;

  /** the central function only */
  @IsOptional()
  @IsArray({ message: 'volets doit être une liste de volets.' })
  @ArrayMaxSize(CENTRAL_VOLETS.length, { message: `volets compte ${CENTRAL_VOLETS.length} volets au plus.` })
  @ValidateNested({ each: true })
  @Type(() => VoletPatchDto)
  volets?: VoletPatchDto[];
}

export class PhaseDatesDto {
  @IsIn(PHASE_CODES, { message: `code doit valoir l’un de : ${PHASE_CODES.join(', ')}.` })
  code!: PhaseCode;

  @IsIsoDate()
  start!: IsoDate;

  @IsIsoDate()
  end!: IsoDate;
}

/** `PUT /api/roadmaps/:id/phases?dryRun=`: the four phases' dates, with the roadmap's version. */
export class UpdatePhasesDto {
  @IsVersion()
  version!: number;

  @IsArray({ message: `phases doit être la liste des ${PHASE_CODES.length} phases.` })
  @ArrayMinSize(PHASE_CODES.length, { message: `phases doit être la liste des ${PHASE_CODES.length} phases.` })
  @ArrayMaxSize(PHASE_CODES.length, { message: `phases doit être la liste des ${PHASE_CODES.length} phases.` })
  @ValidateNested({ each: true })
  @Type(() => PhaseDatesDto)
  phases!: PhaseDatesDto[];
}

/** `POST /api/roadmaps/:id/carry-over?dryRun=`: the unfinished items to copy into the next mandate's roadmap. */
export class CarryOverDto {
  @IsId()
  targetRoadmapId!: string;

  @IsUuidList(1000, 'actionIds doit être une liste de 1000 identifiants d’actions (UUID) au plus.')
  actionIds!: string[];

  @IsUuidList(1000, 'milestoneIds doit être une liste de 1000 identifiants de jalons (UUID) au plus.')
  milestoneIds!: string[];

  /** mark the source roadmap closed once the items are carried over */
  @IsBoolean({ message: 'close doit valoir true ou false.' })
  close!: boolean;
}

/** A phase named by a planning answer. */
export interface PhaseRefView {
  id: string;
  code: PhaseCode;
  name: string;
}

/** An item whose phase changes with new phase dates (`to` null: outside every phase). */
export interface PhaseMoveView {
  itemType: 'action' | 'milestone';
  id: string;
  title: string;
  functionId: string;
  /** an action's start, a milestone's date: the day its phase is derived from */
  date: IsoDate;
  from: PhaseRefView;
  to: PhaseRefView | null;
}

export interface PhasePlanView {
  /** false for a dry run */
  applied: boolean;
  /** the roadmap's version (after the change when applied) */
  version: number;
  /** the phases as they would be (dry run) or are now */
  phases: PhaseView[];
  /** actions by start date, then milestones by date */
  moves: PhaseMoveView[];
}

/** One item of a carry-over, as it is (dry run) or was copied. */
export interface CarryOverItemView {
  itemType: 'action' | 'milestone';
  sourceId: string;
  /** the copy's id; null in a dry run */
  copyId: string | null;
  title: string;
  functionCode: string;
  /** the target's phase the copy falls in */
  phase: PhaseRefView;
  /** the source's dates: an action's start and due, a milestone's date (start = due) */
  from: { start: IsoDate; due: IsoDate };
  /** the copy's dates */
  to: { start: IsoDate; due: IsoDate };
  /** moved to the target's first phase start (it began before the target), keeping its duration */
  shifted: boolean;
  /** its end brought back to the target's end */
  clamped: boolean;
}

export interface CarryOverView {
  applied: boolean;
  sourceRoadmapId: string;
  targetRoadmapId: string;
  items: CarryOverItemView[];
  /** dependencies between carried actions, copied too */
  dependencies: number;
  /** when the source was closed (null when it stays open) */
  closedAt: string | null;
}
