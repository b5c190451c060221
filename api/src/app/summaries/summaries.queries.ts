import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@jalons/domain';

import { Sql } from '../../infra/database/sql';

/** A person and an open roadmap whose summary for the month is not in the outbox yet. */
export interface PendingSummaryRow {
  account_id: string;
  name: string;
  email: string;
  roadmap_id: string;
}

/** An action's status change or a milestone reached, as the history recorded it (the latest per item in the span). */
export interface MovedRow {
  item_type: 'action' | 'milestone';
  item_id: string;
  title: string;
  function_name: string;
  /** the new status (an action) or the day reached (a milestone) */
  to_value: string | null;
  /** the Europe/Paris day of the history line */
  day: IsoDate;
}

/** A late action or milestone, or a milestone to come, with its owner (the item's, else its function's). */
export interface DatedItemRow {
  item_type: 'action' | 'milestone';
  item_id: string;
  title: string;
  /** the action's due date or the milestone's date */
  date: IsoDate;
  function_name: string;
  owner_name: string | null;
}

/** Who receives the monthly summary (ADR 0022), what each mail says, and each person's choice (`account.monthly_summary`). */
@Injectable()
export class SummaryQueries {
  constructor(private readonly sql: Sql) {}

  /** The person's choice as it applies: their own, else the role's default (on for elected officials). */
  async enabled(accountId: string): Promise<boolean> {
    const row = await this.sql.one<{ enabled: boolean }>(
      `select coalesce(monthly_summary, role = 'elected') as enabled from account where id = ?`,
      [accountId],
    );
    return row?.enabled ?? false;
  }

  /** Records the person's own choice. */
  async setEnabled(accountId: string, enabled: boolean): Promise<void> {
    await this.sql.rows('update account set monthly_summary = ? where id = ?', [enabled, accountId]);
  }

  /**
   * Every (person, open roadmap) whose summary of `month` (YYYY-MM) is not in the outbox yet: active
   * accounts receiving it (their choice, else their role's default), roadmaps not closed. Every
   * signed-in role reads every roadmap, so no one receives a roadmap they could not open.
   */
  pending(month: string): Promise<PendingSummaryRow[]> {
    return this.sql.rows<PendingSummaryRow>(
      `select a.id as account_id, a.name, a.email, r.id as roadmap_id
         from account a cross join roadmap r
        where a.active and coalesce(a.monthly_summary, a.role = 'elected') and r.closed_at is null
          and not exists (select 1 from outbox o where o.key = 'summary:' || a.id || ':' || r.id || ':' || ?)
        order by r.slug, a.name, a.id`,
      [month],
    );
  }

  /**
   * What moved between two days (Europe/Paris, both included): actions whose status changed and
   * milestones marked reached, from the history — the latest line per item, items since deleted left out.
   */
  moved(roadmapId: string, from: IsoDate, to: IsoDate): Promise<MovedRow[]> {
    return this.sql.rows<MovedRow>(
      `select * from (
         select distinct on (h.item_type, h.item_id) h.item_type, h.item_id, coalesce(ac.title, m.title) as title, f.name as function_name,
                h.to_value, (h.at at time zone 'Europe/Paris')::date::text as day
           from change_history h
           left join action ac on h.item_type = 'action' and ac.id = h.item_id
           left join milestone m on h.item_type = 'milestone' and m.id = h.item_id
           join target_function f on f.id = coalesce(ac.function_id, m.function_id)
          where h.roadmap_id = ?
            and h.at >= (?::date)::timestamp at time zone 'Europe/Paris'
            and h.at < (?::date + 1)::timestamp at time zone 'Europe/Paris'
            and ((h.item_type = 'action' and h.field = 'status') or (h.item_type = 'milestone' and h.field = 'achievedOn' and h.to_value is not null))
          order by h.item_type, h.item_id, h.at desc
       ) moved order by day, title`,
      [roadmapId, from, to],
    );
  }

  /** Open actions whose due date is before `day` and unreached milestones dated before it, oldest first. */
  late(roadmapId: string, day: IsoDate): Promise<DatedItemRow[]> {
    return this.sql.rows<DatedItemRow>(
      `select 'action' as item_type, ac.id as item_id, ac.title, ac.due_date::text as date, f.name as function_name, o.name as owner_name
         from action ac join target_function f on f.id = ac.function_id left join account o on o.id = coalesce(ac.owner_id, f.owner_id)
        where ac.roadmap_id = ? and ac.due_date < ?::date and ac.status not in ('terminee', 'abandonnee')
       union all
       select 'milestone', m.id, m.title, m.milestone_date::text, f.name, o.name
         from milestone m join target_function f on f.id = m.function_id left join account o on o.id = coalesce(m.owner_id, f.owner_id)
        where m.roadmap_id = ? and m.milestone_date < ?::date and m.achieved_on is null
        order by date, title`,
      [roadmapId, day, roadmapId, day],
    );
  }

  /** Unreached milestones from `from` to `until` (both included), in date order. */
  nextMilestones(roadmapId: string, from: IsoDate, until: IsoDate): Promise<DatedItemRow[]> {
    return this.sql.rows<DatedItemRow>(
      `select 'milestone' as item_type, m.id as item_id, m.title, m.milestone_date::text as date, f.name as function_name, o.name as owner_name
         from milestone m join target_function f on f.id = m.function_id left join account o on o.id = coalesce(m.owner_id, f.owner_id)
        where m.roadmap_id = ? and m.milestone_date between ?::date and ?::date and m.achieved_on is null
        order by m.milestone_date, m.title`,
      [roadmapId, from, until],
    );
  }
}
