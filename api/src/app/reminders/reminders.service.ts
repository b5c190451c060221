import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DigestFrequency, IsoDate } from '@jalons/domain';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { renderDigest } from './digest';
import type { DigestItem } from './digest';
import { selectDueReminders } from './due-reminders';
import type { DueReminder, DueReminderRow } from './due-reminders';
import { OutboxService } from './outbox.service';
import type { DeliveryReport } from './outbox.service';

export interface RunReport {
  day: IsoDate;
  /** reminders falling due that day */
  selected: number;
  /** of which new (not already recorded by an earlier run) */
  created: number;
  /** digests recorded in the outbox */
  digests: number;
  /** the job's selection, in milliseconds */
  selectionMs: number;
  delivery: DeliveryReport | null;
}

interface DigestRow extends Omit<DueReminderRow, 'roadmap_id'> {
  id: string;
  account_name: string;
  email: string;
  territory: string;
  function_name: string;
  owner_name: string | null;
}

/** The one lock under which a day's reminders and digests are decided (sending is shared, not locked). */
const JOB_LOCK = 'jalons:reminders';

/**
 * The deadline-reminder job for one day (Europe/Paris): selects what falls due over every
 * roadmap (one query), records each reminder once (unique key), records one digest per person
 * in the outbox, then sends. Run by the scheduler, the CLI (`npm run reminders`) or an
 * administrator; several instances running it at once decide once and share the sending.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  /** Who would get what on `day`, without recording or sending anything. */
  async dryRun(day: IsoDate): Promise<Array<DueReminder & { name: string; email: string; digest: DigestFrequency }>> {
    const due = await selectDueReminders(this.em, day);
    if (!due.length) return [];
    const people = await this.em
      .getConnection()
      .execute<
        Array<{ id: string; name: string; email: string; digest: DigestFrequency }>
      >('select id, name, email, digest from account where id in (?)', [[...new Set(due.map((d) => d.accountId))]]);
    const byId = new Map(people.map((p) => [p.id, p]));
    return due.map((d) => ({
      ...d,
      name: byId.get(d.accountId)!.name,
      email: byId.get(d.accountId)!.email,
      digest: byId.get(d.accountId)!.digest,
    }));
  }

  async run(day: IsoDate, trigger: 'cron' | 'cli' | 'admin', options: { send?: boolean } = {}): Promise<RunReport> {
    const [run] = await this.em
      .getConnection()
      .execute<
        Array<{ id: string }>
      >(`insert into reminder_run (id, run_date, trigger, started_at, selected, created, digests) values (gen_random_uuid(), ?, ?, now(), 0, 0, 0) returning id`, [day, trigger]);
    try {
      const decided = await this.em.transactional(async (tx) => {
        await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [JOB_LOCK]);
        const t0 = performance.now();
        const due = await selectDueReminders(tx, day);
        const selectionMs = performance.now() - t0;
        const created = await this.record(tx, due, day);
        const digests = await this.composeDigests(tx, day);
        return { selected: due.length, created, digests, selectionMs };
      });
      await this.em
        .getConnection()
        .execute('update reminder_run set finished_at = now(), selected = ?, created = ?, digests = ? where id = ?', [
          decided.selected,
          decided.created,
          decided.digests,
          run.id,
        ]);
      const delivery = options.send === false ? null : await this.outbox.deliverDue();
      this.logger.log(
        `${day}: ${decided.selected} reminders due, ${decided.created} new, ${decided.digests} digests${delivery ? `, ${delivery.sent} sent` : ''}`,
      );
      return { day, ...decided, delivery };
    } catch (e) {
      await this.em
        .getConnection()
        .execute('update reminder_run set finished_at = now(), error = ? where id = ?', [(e as Error).message.slice(0, 2000), run.id]);
      throw e;
    }
  }

  /** Records the reminders not recorded yet (one statement; the unique key drops the others). */
  private async record(tx: EntityManager, due: DueReminder[], day: IsoDate): Promise<number> {
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
    const inserted = await tx.execute<Array<{ id: string }>>(
      `insert into notification (id, account_id, roadmap_id, item_type, item_id, rule, occurrence, due_date, run_date, title, created_at)
       select gen_random_uuid(), r.account_id, r.roadmap_id, r.item_type, r.item_id, r.rule, r.occurrence, r.due_date, ?::date, r.title, now()
         from jsonb_to_recordset(?::jsonb) as r(account_id uuid, roadmap_id uuid, item_type text, item_id uuid, rule text, occurrence text, due_date date, title text)
       on conflict do nothing
       returning id`,
      [day, JSON.stringify(rows)],
    );
    return inserted.length;
  }

  /**
   * One digest per person due one today (daily: every day; weekly: Mondays; never for "no
   * e-mail"), listing their reminders not mailed yet (of the past two weeks: a reminder recorded
   * after a Monday's digest still reaches the next one) whose item is still open.
   */
  private async composeDigests(tx: EntityManager, day: IsoDate): Promise<number> {
    const rows = await tx.execute<DigestRow[]>(
      `select n.id, n.account_id, a.name as account_name, a.email, n.item_type, n.item_id, n.rule, n.due_date::text as due_date,
              n.due_date - ?::date as days_left, coalesce(ac.title, m.title) as title, r.territory, f.name as function_name, o.name as owner_name
         from notification n
         join account a on a.id = n.account_id and a.active and a.digest <> 'none'
         join roadmap r on r.id = n.roadmap_id
         left join action ac on n.item_type = 'action' and ac.id = n.item_id
         left join milestone m on n.item_type = 'milestone' and m.id = n.item_id
         join target_function f on f.id = coalesce(ac.function_id, m.function_id)
         left join account o on o.id = coalesce(ac.owner_id, f.owner_id)
        where n.outbox_id is null
          and n.run_date between ?::date - 13 and ?::date
          and (a.digest = 'daily' or extract(isodow from ?::date) = 1)
          and (ac.id is null or ac.status not in ('terminee', 'abandonnee'))
          and (m.id is null or m.achieved_on is null)
        order by n.account_id`,
      [day, day, day, day],
    );
    const byAccount = new Map<string, DigestRow[]>();
    for (const r of rows) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
    let digests = 0;
    for (const [accountId, list] of byAccount) {
      const items: DigestItem[] = list.map((r) => ({
        itemType: r.item_type,
        itemId: r.item_id,
        title: r.title,
        rule: r.rule,
        dueDate: r.due_date,
        daysLeft: Number(r.days_left),
        territory: r.territory,
        functionName: r.function_name,
        ownerName: r.owner_name,
      }));
      const digest = renderDigest({ name: list[0].account_name }, items, day, this.config.publicUrl);
      const id = await this.outbox.enqueue(tx, `digest:${accountId}:${day}`, accountId, 'digest', { to: list[0].email, ...digest });
      if (!id) continue; // that day's digest is already recorded: these wait for the next one
      await tx.execute('update notification set outbox_id = ? where id in (?)', [id, list.map((r) => r.id)]);
      digests++;
    }
    return digests;
  }
}
