import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '@jalons/domain';

import type { ReminderRule } from '../entities';

/** A reminder due on the run's day, for one person about one item. */
export interface DueReminder {
  accountId: string;
  roadmapId: string;
  itemType: 'action' | 'milestone';
  itemId: string;
  rule: ReminderRule;
  dueDate: IsoDate;
  /** due date minus the run's day: > 0 before, 0 on the day, < 0 late */
  daysLeft: number;
  title: string;
}

/**
 * Every reminder due on one day, over every roadmap, in one statement: the open actions and
 * unachieved milestones, each roadmap's rules (`roadmap.reminder_rules`, see the domain's
 * `remindersOn`, which states the same rules for one item), the recipient (the action's owner,
 * else its function's owner; the project lead for escalations), active accounts only. Dates are
 * `date`s: differences are whole calendar days, whatever the clocks do.
 */
export const DUE_REMINDERS_SQL = `
with day as (select ?::date as d),
items as (
  select 'action' as item_type, a.id as item_id, a.roadmap_id, a.title, a.due_date as due,
         coalesce(a.owner_id, f.owner_id) as owner_id, r.project_lead_id, r.reminder_rules as rules
    from action a
    join target_function f on f.id = a.function_id
    join roadmap r on r.id = a.roadmap_id
   where a.status not in ('terminee', 'abandonnee')
  union all
  select 'milestone', m.id, m.roadmap_id, m.title, m.milestone_date, f.owner_id, r.project_lead_id, r.reminder_rules
    from milestone m
    join target_function f on f.id = m.function_id
    join roadmap r on r.id = m.roadmap_id
   where m.achieved_on is null and coalesce((r.reminder_rules->>'milestones')::boolean, true)
),
timed as (
  select i.*, i.due - day.d as days_left,
         greatest(coalesce((i.rules->>'overdueEveryDays')::int, 0), 0) as every,
         greatest(coalesce((i.rules->>'escalateAfterDays')::int, 0), 0) as escalate
    from items i, day
)
select x.recipient as account_id, t.roadmap_id, t.item_type, t.item_id, x.rule, t.due::text as due_date, t.days_left, t.title
  from timed t
 cross join lateral (values
   ('before', t.owner_id, t.days_left > 0 and coalesce(t.rules->'before', '[]'::jsonb) @> to_jsonb(t.days_left)),
   ('due', t.owner_id, t.days_left = 0 and coalesce((t.rules->>'onDueDate')::boolean, false)),
   ('overdue', t.owner_id, t.days_left < 0 and t.every > 0 and (-t.days_left) % greatest(t.every, 1) = 0),
   ('escalation', t.project_lead_id, t.days_left < 0 and t.escalate > 0 and -t.days_left >= t.escalate
                                     and (-t.days_left - t.escalate) % greatest(t.every, 1) = 0)
 ) as x(rule, recipient, fires)
  join account acc on acc.id = x.recipient and acc.active
 where x.fires
 order by x.recipient, t.days_left, t.item_type, t.item_id`;

interface Row {
  account_id: string;
  roadmap_id: string;
  item_type: 'action' | 'milestone';
  item_id: string;
  rule: ReminderRule;
  due_date: IsoDate;
  days_left: number;
  title: string;
}

/** The job's selection: what falls due on `day`, for whom (no query per item). */
export async function selectDueReminders(em: EntityManager, day: IsoDate): Promise<DueReminder[]> {
  const rows = await em.execute<Row[]>(DUE_REMINDERS_SQL, [day]);
  return rows.map((r) => ({
    accountId: r.account_id,
    roadmapId: r.roadmap_id,
    itemType: r.item_type,
    itemId: r.item_id,
    rule: r.rule,
    dueDate: r.due_date,
    daysLeft: Number(r.days_left),
    title: r.title,
  }));
}
