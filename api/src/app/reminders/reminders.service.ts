import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DigestFrequency, IsoDate } from '@jalons/domain';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { MetricsService } from '../metrics';
import { renderDigest } from './digest';
import type { DigestItem } from './digest';
import { selectDueReminders } from './due-reminders';
import type { DueReminder } from './due-reminders';
import { OutboxService } from './outbox.service';
import type { DeliveryReport } from './outbox.service';
import { ReminderQueries } from './reminders.queries';
import type { DigestRow, RunTrigger } from './reminders.queries';

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
    private readonly queries: ReminderQueries,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
    private readonly metrics: MetricsService,
  ) {}

  /** Who would get what on `day`, without recording or sending anything. */
  async dryRun(day: IsoDate): Promise<Array<DueReminder & { name: string; email: string; digest: DigestFrequency }>> {
    const due = await selectDueReminders(this.em, day);
    if (!due.length) return [];
    const people = await this.queries.recipients([...new Set(due.map((d) => d.accountId))]);
    const byId = new Map(people.map((p) => [p.id, p]));
    return due.map((d) => ({
      ...d,
      name: byId.get(d.accountId)!.name,
      email: byId.get(d.accountId)!.email,
      digest: byId.get(d.accountId)!.digest,
    }));
  }

  /**
   * Decides the day in one transaction under the job's lock (selection, reminders, digests: a second
   * instance waits, then finds nothing new), then sends what is due; the run is logged in `reminder_run`.
   */
  async run(day: IsoDate, trigger: RunTrigger, options: { send?: boolean } = {}): Promise<RunReport> {
    const runId = await this.queries.startRun(day, trigger);
    try {
      const decided = await this.em.transactional(async (tx) => {
        await this.queries.lockJob(tx);
        const t0 = performance.now();
        const due = await selectDueReminders(tx, day);
        const selectionMs = performance.now() - t0;
        const created = await this.queries.record(due, day, tx);
        const digests = await this.composeDigests(tx, day);
        return { selected: due.length, created, digests, selectionMs };
      });
      await this.queries.finishRun(runId, decided);
      const delivery = options.send === false ? null : await this.outbox.deliverDue();
      this.metrics.reminderRunEnded(true);
      this.logger.log(
        `${day}: ${decided.selected} reminders due, ${decided.created} new, ${decided.digests} digests${delivery ? `, ${delivery.sent} sent` : ''}`,
      );
      return { day, ...decided, delivery };
    } catch (e) {
      await this.queries.failRun(runId, (e as Error).message);
      this.metrics.reminderRunEnded(false);
      throw e;
    }
  }

  /**
   * One digest per person due one today (daily: every day; weekly: Mondays; never for "no
   * e-mail"), listing their reminders not mailed yet (of the past two weeks: a reminder recorded
   * after a Monday's digest still reaches the next one) whose item is still open.
   */
  private async composeDigests(tx: EntityManager, day: IsoDate): Promise<number> {
    const rows = await this.queries.digestRows(day, tx);
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
        roadmapSlug: r.roadmap_slug,
        functionId: r.function_id,
        functionName: r.function_name,
        ownerName: r.owner_name,
      }));
      const digest = renderDigest({ name: list[0].account_name }, items, day, this.config.publicUrl);
      const id = await this.outbox.enqueue(tx, `digest:${accountId}:${day}`, accountId, 'digest', { to: list[0].email, ...digest });
      if (!id) continue; // that day's digest is already recorded: these wait for the next one
      await this.queries.attachToDigest(
        id,
        list.map((r) => r.id),
        tx,
      );
      digests++;
    }
    return digests;
  }
}
