import type { ActionStatus, IsoDate } from '@jalons/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

import { AtQueryDto } from './queries.dto';

/** The longest look-ahead of « Mes échéances », in days (two years). */
export const MY_ITEMS_WITHIN_MAX = 730;
const WITHIN_MESSAGE = `within doit être un nombre entier de jours de 0 à ${MY_ITEMS_WITHIN_MAX}.`;

/** `GET /api/me/items[?within=N][&at=…]` — one's open items; with `within`, only those due by `at` + N days (late ones included). */
export class MyItemsQueryDto extends AtQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: WITHIN_MESSAGE })
  @Min(0, { message: WITHIN_MESSAGE })
  @Max(MY_ITEMS_WITHIN_MAX, { message: WITHIN_MESSAGE })
  within?: number;
}

/** An open action or milestone of the signed-in person, as « Mes échéances » lists it and updates it. */
export interface MyItemView {
  kind: 'action' | 'milestone';
  id: string;
  title: string;
  functionId: string;
  functionName: string;
  /** an action's start; null for a milestone */
  start: IsoDate | null;
  /** an action's due date, a milestone's date */
  due: IsoDate;
  /** an action's status and progress; null for a milestone */
  status: ActionStatus | null;
  progress: number | null;
  /** a milestone's achievement day (null while open, always null for an action) */
  achievedOn: IsoDate | null;
  /** its due day is before the reference day */
  late: boolean;
  version: number;
}

/** One roadmap's share of « Mes échéances »: late items first, then by due date. */
export interface MyRoadmapItemsView {
  id: string;
  slug: string;
  territory: string;
  mandateLabel: string;
  /** the mandate's span: the dates an item may take */
  start: IsoDate;
  end: IsoDate;
  items: MyItemView[];
}

/**
 * « Mes échéances »: the open actions the person answers for (their own, or their function's when
 * nobody is named) and the open milestones of the functions they own, grouped by roadmap.
 */
export interface MyItemsView {
  /** the reference day lateness was judged on */
  at: IsoDate;
  /** the look-ahead asked for, in days; null for every open item */
  within: number | null;
  roadmaps: MyRoadmapItemsView[];
}
