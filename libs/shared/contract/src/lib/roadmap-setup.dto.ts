import { ROADMAP_TEXT_MAX, SLUG_PATTERN } from '@jalons/domain';
import type { IsoDate, PhaseCode } from '@jalons/domain';
import { Transform } from 'class-transformer';
import { Length, Matches } from 'class-validator';

import { IsId, IsIsoDate, IsOptionalOrNull, IsText } from './validation';

const SLUG = `slug doit compter de 3 à ${ROADMAP_TEXT_MAX.slug} caractères : lettres minuscules sans accent, chiffres et tirets simples (ville-de-quimper-2026-2032).`;

/**
 * A new roadmap from the kit (POST /api/roadmaps and /api/roadmaps/preview): the territory and the
 * election; the phases follow the second round when there is one. Everything else has a default.
 */
export class NewRoadmapDto {
  @IsText(1, ROADMAP_TEXT_MAX.territory)
  territory!: string;

  /** the first round of the election */
  @IsIsoDate()
  firstRound!: IsoDate;

  /** the second round, after the first and at most 14 days later */
  @IsOptionalOrNull()
  @IsIsoDate()
  secondRound?: IsoDate | null;

  /** default: six years after the first round */
  @IsOptionalOrNull()
  @IsIsoDate()
  nextElection?: IsoDate | null;

  /** default: from the territory and the mandate's years; unique */
  @IsOptionalOrNull()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @Length(3, ROADMAP_TEXT_MAX.slug, { message: SLUG })
  @Matches(SLUG_PATTERN, { message: SLUG })
  slug?: string | null;

  /** default: « Mandat 2026–2032 » */
  @IsOptionalOrNull()
  @IsText(1, ROADMAP_TEXT_MAX.mandateLabel)
  mandateLabel?: string | null;

  /** an active project lead's account; default: the caller */
  @IsOptionalOrNull()
  @IsId()
  projectLeadId?: string | null;
}

/** What POST /api/roadmaps would write, computed without writing (POST /api/roadmaps/preview). */
export interface RoadmapPreviewView {
  slug: string;
  territory: string;
  mandateLabel: string;
  electionDates: IsoDate[];
  nextElectionDate: IsoDate;
  start: IsoDate;
  end: IsoDate;
  phases: Array<{ code: PhaseCode; name: string; start: IsoDate; end: IsoDate }>;
  counts: { functions: number; actions: number; milestones: number };
  /** kit items that would fall outside the mandate (the roadmap cannot be created while there are any) */
  problems: string[];
}
