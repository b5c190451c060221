import { Injectable } from '@nestjs/common';
import type { ReminderRunView } from '@jalons/contract';
import type { DigestFrequency, IsoDate } from '@jalons/domain';

import { isoInstant, Sql } from '../../infra/database/sql';
import type { DueReminder, DueReminderRow } from './due-reminders';

type Tx = Parameters<Sql['rows']>[2];

/** Who may launch a run: the scheduler, the CLI or an administrator. */
export type RunTrigger = ReminderRunView['trigger'];

/** What a dry run shows of a recipient. */
export interface RecipientRow {
  id: string;
  name: string;
  email: string;
  digest: DigestFrequency;
}

/** A reminder not mailed yet, with what its recipient's digest says of it. */
export interface DigestRow extends Omit<DueReminderRow, 'roadmap_id'> {
  id: string;
  account_name: string;
  email: string;
  territory: string;
  /** the roadmap's address, for the link to the item (/r/<slug>/…) */
  roadmap_slug: string;
  function_id: string;
  function_name: string;
  owner_name: string | null;
}

/** The one lock under which a day's reminders and digests are decided (sending is shared, not locked). */
const JOB_LOCK = 'jalons:reminders';

/** The reminder job's tables: its runs (`reminder_run`), the reminders it records (`notification`) and what a digest gathers. */
@Injectable()
export class ReminderQueries {
  constructor(private readonly sql: Sql) {}

  /** Waits for the job's lock, held until `tx` ends: a second instance deciding the same day waits, then finds nothing new. */
  async lockJob(tx: Tx): Promise<void> {
    await this.sql.rows('select pg_advisory_xact_lock(hashtext(?))', [JOB_LOCK], tx);
  }

  /** Records a run's start (its counts at zero); its id. */
  async startRun(day: IsoDate, trigger: RunTrigger): Promise<string> {
    const [row] = await this.sql.rows<{ id: string }>(
      `insert into reminder_run (id, run_date, trigger, started_at, selected, created, digests) values (gen_random_uuid(), ?, ?, now(), 0, 0, 0) returning id`,
      [day, trigger],
    );
    return row.id;
  }

  /** A run that finished: what it decided. */
  async finishRun(id: string, counts: { selected: number; created: number; digests: number }): Promise<void> {
    await this.sql.rows('update reminder_run set finished_at = now(), selected = ?, created = ?, digests = ? where id = ?', [
      counts.selected,
      counts.created,
      counts.digests,
      id,
    ]);
  }

  /** A run that failed: its error (the first 2000 characters). */
  async failRun(id: string, error: string): Promise<void> {
    await this.sql.rows('update reminder_run set finished_at = now(), error = ? where id = ?', [error.slice(0, 2000), id]);
  }

  /**
   * The day of the scheduler's last run that finished without error, not after `notAfter` (what the
   * scheduler catches up from), or null. Only `cron` runs count: a CLI or administrator's run of
   * another day (a test of a future day, say) must not make the catch-up skip the days before it.
   */
  async lastFinishedDay(notAfter?: IsoDate): Promise<IsoDate | null> {
    const row = await this.sql.one<{ last: IsoDate | null }>(
      `select max(run_date)::text as last from reminder_run
        where trigger = 'cron' and finished_at is not null and error is null and run_date <= coalesce(?::date, 'infinity'::date)`,
      [notAfter ?? null],
    );
    return row?.last ?? null;
  }

  /** The latest runs, newest first, for the administrator. */
  recentRuns(limit: number): Promise<ReminderRunView[]> {
    return this.sql.rows<ReminderRunView>(
      `select id, run_date::text as "runDate", trigger, ${isoInstant('started_at')} as "startedAt", ${isoInstant('finished_at')} as "finishedAt", selected, created, digests, error
         from reminder_run order by started_at desc limit ?`,
      [limit],
    );
  }

  /** The name, address and digest choice of the given accounts (a dry run's recipients). */
  recipients(accountIds: string[]): Promise<RecipientRow[]> {
    return this.sql.rows<RecipientRow>('select id, name, email, digest from account where id in (?)', [accountIds]);
  }

  /** Records the reminders not recorded yet (one statement; the unique key drops the others); how many were new. */
  async record(due: DueReminder[], day: IsoDate, tx: Tx): Promise<number> {
    if (!due.length) return 0;
    const rows = due.map((d) => ({
      account_id: d.accountId,
      roadmap_id: d.roadmapId,
      item_type: d.itemType,
      item_id: d.itemId,
      rule: d.rule,
      occurrence: `${d.dueDate}:${d.daysLeft}`,
      due_date: d.dueDate,
      title: d.title,
    }));
    const inserted = await this.sql.rows<{ id: string }>(
      `insert into notification (id, account_id, roadmap_id, item_type, item_id, rule, occurrence, due_date, run_date, title, created_at)
       select gen_random_uuid(), r.account_id, r.roadmap_id, r.item_type, r.item_id, r.rule, r.occurrence, r.due_date, ?::date, r.title, now()
         from jsonb_to_recordset(?::jsonb) as r(account_id uuid, roadmap_id uuid, item_type text, item_id uuid, rule text, occurrence text, due_date date, title text)
       on conflict do nothing
       returning id`,
      [day, JSON.stringify(rows)],
      tx,
    );
    return inserted.length;
  }

  /**
   * The reminders due in a digest on `day`, by person: of people whose digest is due that day
   * (daily: every day; weekly: Mondays; never for "no e-mail"), the reminders not mailed yet (of
   * the past two weeks: a reminder recorded after a Monday's digest still reaches the next one)
   * whose item is still open — for an indicator, still without a measurement recorded since.
   */
  digestRows(day: IsoDate, tx: Tx): Promise<DigestRow[]> {
    return this.sql.rows<DigestRow>(
      `select n.id, n.account_id, a.name as account_name, a.email, n.item_type, n.item_id, n.rule, n.due_date::text as due_date,
              n.due_date - ?::date as days_left, coalesce(ac.title, m.title, i.name) as title, r.territory, r.slug as roadmap_slug, f.id as function_id, f.name as function_name, o.name as owner_name
         from notification n
         join account a on a.id = n.account_id and a.active and a.digest <> 'none'
         join roadmap r on r.id = n.roadmap_id
         left join action ac on n.item_type = 'action' and ac.id = n.item_id
         left join milestone m on n.item_type = 'milestone' and m.id = n.item_id
         left join indicator i on n.item_type = 'indicator' and i.id = n.item_id
         join target_function f on f.id = coalesce(ac.function_id, m.function_id, i.function_id)
         left join account o on o.id = coalesce(ac.owner_id, m.owner_id, f.owner_id)
        where n.outbox_id is null
          and n.run_date between ?::date - 13 and ?::date
          and (a.digest = 'daily' or extract(isodow from ?::date) = 1)
          and (ac.id is null or ac.status not in ('terminee', 'abandonnee'))
          and (m.id is null or m.achieved_on is null)
          and (i.id is null or not exists (select 1 from measurement x where x.indicator_id = i.id and x.created_at > n.created_at))
        order by n.account_id`,
      [day, day, day, day],
      tx,
    );
  }

  /** Marks reminders as mailed in the digest `outboxId` (they are not gathered again). */
  async attachToDigest(outboxId: string, notificationIds: string[], tx: Tx): Promise<void> {
    await this.sql.rows('update notification set outbox_id = ? where id in (?)', [outboxId, notificationIds], tx);
  }
}
