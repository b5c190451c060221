import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { addDays, firstMondayOfMonth, headline, monthOf, previousMonth, summaryDue } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { OutboxService } from '../reminders';
import type { DeliveryReport } from '../reminders';
import { RoadmapReader } from '../roadmaps';
import { renderSummary } from './summary-mail';
import type { SummaryContent } from './summary-mail';
import { SummaryQueries } from './summaries.queries';
import type { PendingSummaryRow } from './summaries.queries';

/** How far ahead « the next milestones » look. */
export const NEXT_MILESTONES_DAYS = 60;

export interface SummaryRunReport {
  day: IsoDate;
  /** YYYY-MM */
  month: string;
  /** the month's first Monday: nothing is due before it */
  dueFrom: IsoDate;
  /** whether the month's summaries were due on `day` */
  due: boolean;
  /** summaries recorded in the outbox by this run (those already there are not counted) */
  recorded: number;
  delivery: DeliveryReport | null;
}

/** What a dry run shows: who would receive which summary, and what it holds. */
export interface PlannedSummary {
  name: string;
  email: string;
  roadmap: string;
  subject: string;
  moved: number;
  late: number;
  next: number;
}

const key = (p: PendingSummaryRow, month: string) => `summary:${p.account_id}:${p.roadmap_id}:${month}`;

/**
 * The monthly summary for elected officials (ADR 0022). From the month's first Monday on (Europe/Paris),
 * a run records, for every person receiving it and every open roadmap, one e-mail in the reminders'
 * outbox under the key `summary:<account>:<roadmap>:<YYYY-MM>` (unique: however many runs, instances
 * or restarts, it is recorded once), then sends what is due through the outbox (claimed, leased, fenced).
 * A run finds only the pairs still missing, so a later day catches up what a stopped service missed.
 */
@Injectable()
export class SummariesService {
  private readonly logger = new Logger('Summaries');

  constructor(
    private readonly em: EntityManager,
    private readonly queries: SummaryQueries,
    private readonly roadmaps: RoadmapReader,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  /** Records the month's missing summaries (when due on `day`), then sends what the outbox holds. */
  async run(day: IsoDate, options: { send?: boolean } = {}): Promise<SummaryRunReport> {
    const month = monthOf(day);
    const report: SummaryRunReport = { day, month, dueFrom: firstMondayOfMonth(day), due: summaryDue(day), recorded: 0, delivery: null };
    if (!report.due) return report;
    for (const [roadmapId, people] of this.byRoadmap(await this.queries.pending(month))) {
      const content = await this.content(roadmapId, day);
      // one transaction per roadmap: its summaries are recorded together, or not at all (a run killed
      // here leaves them to the next one); a key already there (another run was first) is skipped
      report.recorded += await this.em.transactional(async (tx) => {
        let recorded = 0;
        for (const p of people) {
          const mail = renderSummary({ name: p.name }, content, this.config.publicUrl);
          if (await this.outbox.enqueue(tx, key(p, month), p.account_id, 'summary', { to: p.email, ...mail })) recorded++;
        }
        return recorded;
      });
    }
    if (options.send !== false) report.delivery = await this.outbox.deliverDue();
    if (report.recorded || report.delivery?.sent)
      this.logger.log(
        `${day}: ${report.recorded} monthly summaries recorded for ${month}${report.delivery ? `, ${report.delivery.sent} sent` : ''}`,
      );
    return report;
  }

  /** Who would receive which summary on `day` (those not recorded yet), without recording or sending anything. */
  async dryRun(day: IsoDate): Promise<PlannedSummary[]> {
    if (!summaryDue(day)) return [];
    const planned: PlannedSummary[] = [];
    for (const [roadmapId, people] of this.byRoadmap(await this.queries.pending(monthOf(day)))) {
      const content = await this.content(roadmapId, day);
      for (const p of people) {
        const { subject } = renderSummary({ name: p.name }, content, this.config.publicUrl);
        const counts = { moved: content.moved.length, late: content.late.length, next: content.next.length };
        planned.push({ name: p.name, email: p.email, roadmap: content.roadmap.label, subject, ...counts });
      }
    }
    return planned;
  }

  /** What a roadmap's summary says on `day`: the headline at that day, last month's moves, what is late, what comes. */
  async content(roadmapId: string, day: IsoDate): Promise<SummaryContent> {
    const previous = previousMonth(day);
    const nextUntil = addDays(day, NEXT_MILESTONES_DAYS);
    const [detail, moved, late, next] = await Promise.all([
      this.roadmaps.roadmap(roadmapId, day),
      this.queries.moved(roadmapId, previous.start, previous.end),
      this.queries.late(roadmapId, day),
      this.queries.nextMilestones(roadmapId, day, nextUntil),
    ]);
    const phase = detail.phases.find((p) => p.id === detail.currentPhaseId);
    return {
      day,
      roadmap: { label: `${detail.territory}, ${detail.mandateLabel}`, slug: detail.slug },
      headline: headline({ overall: detail.rollUp, currentPhase: phase ? { id: phase.id, name: phase.name, rollUp: phase.rollUp } : null }),
      previous,
      moved,
      late,
      next,
      nextUntil,
    };
  }

  private byRoadmap(rows: PendingSummaryRow[]): Map<string, PendingSummaryRow[]> {
    const by = new Map<string, PendingSummaryRow[]>();
    for (const r of rows) by.set(r.roadmap_id, [...(by.get(r.roadmap_id) ?? []), r]);
    return by;
  }
}
