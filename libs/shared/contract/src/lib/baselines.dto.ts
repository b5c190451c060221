import { BASELINE_BOUNDS } from '@jalons/domain';
import type { BaselineItemType, IsoDate, SlipState } from '@jalons/domain';
import { IsOptional } from 'class-validator';

import { IsId, IsText } from './validation';
import type { PersonView } from './views';

/*
 * Baselines (issue 12, ADR 0017): the plan the lead froze, numbered per roadmap, and each item's
 * slip against it.
 */

/** Freeze the roadmap's plan of today. */
export class CreateBaselineDto {
  /** « v1 — plan voté » */
  @IsText(1, BASELINE_BOUNDS.label)
  label!: string;

  /** the decision that approved it, in words (« délibération du conseil du 25/06/2026 ») */
  @IsOptional()
  @IsText(0, BASELINE_BOUNDS.decision)
  decision?: string;

  /** the governance decision that approved it: a decision of the same roadmap (422 on decisionId otherwise) */
  @IsOptional()
  @IsId()
  decisionId?: string;
}

export interface BaselineView {
  id: string;
  roadmapId: string;
  /** 1, 2, … per roadmap */
  number: number;
  label: string;
  decision: string | null;
  /** the governance decision it cites (later) */
  decisionId: string | null;
  createdAt: string;
  createdBy: PersonView | null;
  /** how many actions and milestones it froze */
  actions: number;
  milestones: number;
  /** the newest of the roadmap: the one that re-plans must explain themselves against, the only one that may be deleted */
  latest: boolean;
}

/** One item against the baseline: its dates then and now, its slip in calendar days (null unless in both). */
export interface ItemSlipView {
  type: BaselineItemType;
  id: string;
  title: string;
  functionId: string;
  phaseId: string | null;
  state: SlipState;
  baseline: { start: IsoDate | null; due: IsoDate } | null;
  current: { start: IsoDate | null; due: IsoDate } | null;
  slipDays: number | null;
  /** « +12 j », « −3 j », « 0 j », « nouveau », « supprimé » */
  label: string;
}

/** The slips of a function or a phase (as the baseline has the items). */
export interface SlipSummaryView {
  id: string;
  name: string;
  compared: number;
  slipped: number;
  totalDays: number;
  maxDays: number;
  added: number;
  deleted: number;
}

export interface BaselineSlipsView {
  baseline: BaselineView;
  items: ItemSlipView[];
  functions: SlipSummaryView[];
  phases: SlipSummaryView[];
}
