import type { EntityManager } from '@mikro-orm/postgresql';
import { isIsoDate } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';

import type { ReminderRule } from '../../entities';

/** What a reminder is about: an action, a milestone (their due dates), an indicator (its measurements). */
export type ReminderItemType = 'action' | 'milestone' | 'indicator';

/** A reminder due on the run's day, for one person about one item. */
export interface DueReminder {
  accountId: string;
  roadmapId: string;
  itemType: ReminderItemType;
  itemId: string;
  rule: ReminderRule;
  /** an item's due date; for an indicator, the day its measurement fell due (see `indicatorDueOn`) */
  dueDate: IsoDate;
  /** due date minus the run's day: > 0 before, 0 on the day, < 0 late */
  daysLeft: number;
  /** an item's title, an indicator's name */
  title: string;
}

/**
 * Every reminder due on one day, over every roadmap, in one statement: the open actions and
 * unachieved milestones, each roadmap's rules (`roadmap.reminder_rules`, see the domain's
 * `remindersOn`, which states the same rules for one item), the recipient (the item's owner,
 * else its function's owner; the project lead for escalations; active accounts only: the domain's
 * `reminderRecipient`). Dates are `date`s: differences are whole calendar days, whatever the
 * clocks do. Every `?` is the run's day (see `selectDueReminders`).
 *
 * Indicators (issue 11): one not measured for `indicatorStaleDays` days (counted from its latest
 * measurement up to the day, else from its baseline date) is reminded to its function's owner while
 * active, else to the project lead while active, then every as many days; not once measured on or
 * after its target date (the domain's `indicatorReminderOn`, `indicatorReminderRecipient`).
 * `api/test/reminders-parity.spec.ts` checks it against the domain's rules on generated roadmaps.
 */
export const DUE_REMINDERS_SQL = `
with rules as (
  select r.id as roadmap_id, r.project_lead_id,
         array(select jsonb_array_elements_text(coalesce(r.reminder_rules->'before', '[]'::jsonb))::int) as before,
         coalesce((r.reminder_rules->>'onDueDate')::boolean, false) as on_due,
         greatest(coalesce((r.reminder_rules->>'overdueEveryDays')::int, 0), 0) as every,
         greatest(coalesce((r.reminder_rules->>'escalateAfterDays')::int, 0), 0) as escalate,
         coalesce((r.reminder_rules->>'milestones')::boolean, true) as milestones,
         greatest(coalesce((r.reminder_rules->>'indicatorStaleDays')::int, 0), 0) as stale
    from roadmap r
),
-- no rule fires for an item due after the day plus the longest notice of any roadmap: a bound the open-actions index can use
horizon as (
  select ?::date + coalesce(max(b), 0) as last_due from rules, unnest(rules.before) b where b > 0
),
items as (
select x.recipient as account_id, t.roadmap_id, t.item_type, t.item_id, x.rule, t.due::text as due_date, t.days_left, t.title
  from (
    select 'action' as item_type, a.id as item_id, a.roadmap_id, a.title, a.due_date as due, a.due_date - ?::date as days_left,
           -- the action's owner while active, else the function's owner
           coalesce(ao.id, f.owner_id) as owner_id, r.project_lead_id, r.before, r.on_due, r.every, r.escalate
      from action a join target_function f on f.id = a.function_id join rules r on r.roadmap_id = a.roadmap_id
      left join account ao on ao.id = a.owner_id and ao.active
     where a.status not in ('terminee', 'abandonnee') and a.due_date <= (select last_due from horizon)
    union all
    select 'milestone', m.id, m.roadmap_id, m.title, m.milestone_date, m.milestone_date - ?::date,
           -- the milestone's owner while active, else the function's owner
           coalesce(mo.id, f.owner_id), r.project_lead_id, r.before, r.on_due, r.every, r.escalate
      from milestone m join target_function f on f.id = m.function_id join rules r on r.roadmap_id = m.roadmap_id and r.milestones
      left join account mo on mo.id = m.owner_id and mo.active
     where m.achieved_on is null and m.milestone_date <= (select last_due from horizon)
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
),
indicators as (
select acc.id as account_id, f.roadmap_id, 'indicator' as item_type, i.id as item_id, 'stale' as rule,
       (s.since + r.stale)::text as due_date, s.since + r.stale - ?::date as days_left, i.name as title
  from indicator i
  join target_function f on f.id = i.function_id
  join rules r on r.roadmap_id = f.roadmap_id and r.stale > 0
  -- its latest measurement up to the day, else its baseline date
  cross join lateral (select max(m.measured_on) as last from measurement m where m.indicator_id = i.id and m.measured_on <= ?::date) l
  cross join lateral (select coalesce(l.last, i.baseline_on) as since) s
  left join account fo on fo.id = f.owner_id and fo.active
  left join account pl on pl.id = r.project_lead_id and pl.active
  join account acc on acc.id = coalesce(fo.id, pl.id)
 where (l.last is null or l.last < i.target_on)
   and ?::date - s.since >= r.stale
   and (?::date - s.since) % r.stale = 0
)
select * from items
union all
select * from indicators
 order by account_id, days_left, item_type, item_id`;

/** How many times the statement names the run's day. */
const DAY_USES = DUE_REMINDERS_SQL.split('?').length - 1;

/** A reminder as the database returns it (also the base of a digest's rows). */
export interface DueReminderRow {
  account_id: string;
  roadmap_id: string;
  item_type: ReminderItemType;
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
  const rows = await em.execute<DueReminderRow[]>(DUE_REMINDERS_SQL, Array<IsoDate>(DAY_USES).fill(day));
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
