import type { EntityManager } from '@mikro-orm/postgresql';
import { isIsoDate } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';

import type { ReminderRule } from '../../entities';

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
 * `remindersOn`, which states the same rules for one item), the recipient (the item's owner,
 * else its function's owner; the project lead for escalations; active accounts only: the domain's
 * `reminderRecipient`). Dates are `date`s: differences are whole calendar days, whatever the
 * clocks do. Its two `?` are both the run's day (see `selectDueReminders`).
 * `api/test/reminders-parity.spec.ts` checks it against the domain's rules on generated roadmaps.
 */
export const DUE_REMINDERS_SQL = `
with rules as (
  select r.id as roadmap_id, r.project_lead_id,
         array(select jsonb_array_elements_text(coalesce(r.reminder_rules->'before', '[]'::jsonb))::int) as before,
         coalesce((r.reminder_rules->>'onDueDate')::boolean, false) as on_due,
         greatest(coalesce((r.reminder_rules->>'overdueEveryDays')::int, 0), 0) as every,
         greatest(coalesce((r.reminder_rules->>'escalateAfterDays')::int, 0), 0) as escalate,
         coalesce((r.reminder_rules->>'milestones')::boolean, true) as milestones
    from roadmap r
)
select x.recipient as account_id, t.roadmap_id, t.item_type, t.item_id, x.rule, t.due::text as due_date, t.days_left, t.title
  from (
    select 'action' as item_type, a.id as item_id, a.roadmap_id, a.title, a.due_date as due, a.due_date - ?::date as days_left,
           -- the action's owner while active, else the function's owner
           coalesce(ao.id, f.owner_id) as owner_id, r.project_lead_id, r.before, r.on_due, r.every, r.escalate
      from action a join target_function f on f.id = a.function_id join rules r on r.roadmap_id = a.roadmap_id
      left join account ao on ao.id = a.owner_id and ao.active
     where a.status not in ('terminee', 'abandonnee')
    union all
    select 'milestone', m.id, m.roadmap_id, m.title, m.milestone_date, m.milestone_date - ?::date,
           -- the milestone's owner while active, else the function's owner
           coalesce(mo.id, f.owner_id), r.project_lead_id, r.before, r.on_due, r.every, r.escalate
      from milestone m join target_function f on f.id = m.function_id join rules r on r.roadmap_id = m.roadmap_id and r.milestones
      left join account mo on mo.id = m.owner_id and mo.active
     where m.achieved_on is null
  ) t
 -- one row per rule that fires, and its recipient; integer tests only
 cross join lateral (
   select case when t.days_left > 0 then 'before' when t.days_left = 0 then 'due' else 'overdue' end, t.owner_id
    where (t.days_left > 0 and t.days_left = any(t.before))
       or (t.days_left = 0 and t.on_due)
       or (t.days_left < 0 and t.every > 0 and (-t.days_left) % t.every = 0)
   union all
   select 'escalation', t.project_lead_id
    where t.days_left < 0 and t.escalate > 0 and -t.days_left >= t.escalate
     and case when t.every > 0 then (-t.days_left - t.escalate) % t.every = 0 else -t.days_left = t.escalate end
 ) as x(rule, recipient)
  join account acc on acc.id = x.recipient and acc.active
 order by x.recipient, t.days_left, t.item_type, t.item_id`;

/** A reminder as the database returns it (also the base of a digest's rows). */
export interface DueReminderRow {
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
  if (!isIsoDate(day)) throw new RangeError(`Not a calendar day: ${JSON.stringify(day)}`);
  // a bound parameter per use of the day (MikroORM sends it as an escaped literal: the planner still sees a constant);
  // every `?` of the statement is a placeholder, comments included: no jsonb `?` operator in it
  const rows = await em.execute<DueReminderRow[]>(DUE_REMINDERS_SQL, [day, day]);
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
