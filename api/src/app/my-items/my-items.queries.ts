import { Injectable } from '@nestjs/common';
import type { ActionStatus, IsoDate } from '@jalons/domain';

import { and, Sql, when } from '../../infra/database/sql';

/** One open item of the person, with its roadmap (the reader groups the rows by roadmap). */
export interface MyItemRow {
  kind: 'action' | 'milestone';
  id: string;
  title: string;
  function_id: string;
  function_name: string;
  start_date: IsoDate | null;
  due: IsoDate;
  status: ActionStatus | null;
  progress: number | null;
  achieved_on: IsoDate | null;
  version: number;
  roadmap_id: string;
  slug: string;
  territory: string;
  mandate_label: string;
  roadmap_start: IsoDate;
  roadmap_end: IsoDate;
}

/**
 * Whose an item is: its own owner, else its function's (an item nobody was named for is its
 * function owner's to follow, as in the personal calendar feed).
 */
const OPEN_ITEMS = `
  select 'action' as kind, a.id, a.title, a.function_id, f.name as function_name, a.start_date, a.due_date as due,
         a.status, a.progress, null::date as achieved_on, a.version, a.roadmap_id
    from action a join target_function f on f.id = a.function_id
   where coalesce(a.owner_id, f.owner_id) = ? and a.status not in ('terminee', 'abandonnee')
  union all
  select 'milestone', m.id, m.title, m.function_id, f.name, null, m.milestone_date, null, null, m.achieved_on, m.version, m.roadmap_id
    from milestone m join target_function f on f.id = m.function_id
   where coalesce(m.owner_id, f.owner_id) = ? and m.achieved_on is null`;

/** « Mes échéances »: the open items a person answers for, across roadmaps. */
@Injectable()
export class MyItemsQueries {
  constructor(private readonly sql: Sql) {}

  /**
   * The person's open actions (not terminée nor abandonnée) and open milestones (not achieved),
   * due on or before `dueBy` when given (late ones included); by roadmap (newest mandate first),
   * then due day (so the late ones come first), actions before milestones on a day, then title.
   */
  open(accountId: string, dueBy?: IsoDate): Promise<MyItemRow[]> {
    const where = and(when(dueBy, 'x.due <= ?::date'));
    return this.sql.rows<MyItemRow>(
      `select x.*, r.slug, r.territory, r.mandate_label, r.start_date as roadmap_start, r.end_date as roadmap_end
         from (${OPEN_ITEMS}) x join roadmap r on r.id = x.roadmap_id
        where ${where.text}
        order by r.start_date desc, r.territory, r.id, x.due, x.kind, x.title, x.id`,
      [accountId, accountId, ...where.params],
    );
  }
}
