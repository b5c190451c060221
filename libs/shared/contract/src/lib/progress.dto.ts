import type { IsoDate } from '@jalons/domain';
import { IsIn, IsOptional } from 'class-validator';

import { IsId } from './validation';

/*
 * Progress over time (issue 12, ADR 0020): the S-curve of expected against achieved progress,
 * for the roadmap, a phase or a function.
 */

export const S_CURVE_SCOPES = ['roadmap', 'phase', 'function'] as const;
export type SCurveScope = (typeof S_CURVE_SCOPES)[number];

/** One point of the curve: percentages 0–100 with one decimal; `achieved` null after today. */
export interface SCurvePoint {
  date: IsoDate;
  expected: number;
  achieved: number | null;
}

export interface SCurveView {
  scope: SCurveScope;
  /** the phase's or the function's id; null for the roadmap */
  scopeId: string | null;
  /** the roadmap's, the phase's or the function's name */
  name: string;
  /** the baseline whose dates gave the expected curve; null: the current plan */
  baselineId: string | null;
  today: IsoDate;
  /** the mandate's first phase start and last phase end */
  start: IsoDate;
  end: IsoDate;
  /** the last day of each month from start to end, plus today, in date order */
  points: SCurvePoint[];
}

/** `GET /api/roadmaps/:id/s-curve?scope=&scopeId=&baseline=` */
export class SCurveQueryDto {
  @IsOptional()
  @IsIn(S_CURVE_SCOPES, { message: `scope doit valoir ${S_CURVE_SCOPES.join(', ')}.` })
  scope?: SCurveScope;

  /** the phase or the function (required when scope is phase or function) */
  @IsOptional()
  @IsId()
  scopeId?: string;

  /** a baseline of the roadmap: the expected curve from its frozen dates */
  @IsOptional()
  @IsId()
  baseline?: string;
}
