import { Injectable } from '@nestjs/common';
import { addDays, todayInParis } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import type {
  ChronogramView,
  DecisionView,
  MeetingSummaryView,
  ReportData,
  ReportDecision,
  ReportLang,
  ReportMeeting,
} from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { ActorsReader } from '../actors';
import { BaselineQueries } from '../baselines';
import { ChronogramReader } from '../chronogram';
import { GovernanceQueries } from '../governance';
import { ProgressReader } from '../progress';
import { ReportQueries } from './report.queries';
import { achievedItems, capped, lateItems, nextQuarter, overview, REPORT_CAPS, slips, withComments } from './report-sections';

/** What the report is asked for; every field but the roadmap has a default (the route's and the CLI's). */
export interface ReportOptions {
  at?: IsoDate;
  lang?: ReportLang;
  /** a baseline of the roadmap; default: its latest (none: no slips) */
  baselineId?: string;
  /** default: the last meeting on or before `at`, else 30 days before `at` */
  since?: IsoDate;
}

const meeting = (m: MeetingSummaryView): ReportMeeting => ({ date: m.date, instanceName: m.instance.name, title: m.title });

const decision = (d: DecisionView): ReportDecision => ({
  date: d.date,
  kind: d.kind,
  text: d.text,
  meeting: d.meeting ? { date: d.meeting.date, instanceName: d.meeting.instanceName } : null,
  items: d.items.map((i) => i.title),
});

/** How far back « achieved since » and « decisions since » look when there was no meeting. */
export const DEFAULT_SINCE_DAYS = 30;

/**
 * Gathers the council report's data from the other features (their index only): the chronogram's
 * one view at the report's day (roll-ups, items and their states, replayed for a past day), the
 * baselines' frozen items, the diagnostic's map, and the history's comments and completions.
 */
@Injectable()
export class ReportDataReader {
  constructor(
    private readonly chronogram: ChronogramReader,
    private readonly baselines: BaselineQueries,
    private readonly actors: ActorsReader,
    private readonly governance: GovernanceQueries,
    private readonly progress: ProgressReader,
    private readonly queries: ReportQueries,
  ) {}

  async read(roadmapId: string, options: ReportOptions = {}): Promise<ReportData> {
    const at = options.at ?? todayInParis();
    const lang = options.lang ?? 'fr';
    if (options.since && options.since > at) {
      throw ApiException.validation([{ field: 'since', message: `since doit être un jour au plus tard égal à at (${at}).` }]);
    }
    const [view, lastMeeting, nextMeeting] = await Promise.all([
      this.chronogram.view(roadmapId, at, undefined, false),
      this.governance.lastMeetingOnOrBefore(roadmapId, at),
      this.governance.nextMeetingAfter(roadmapId, at),
    ]);
    const since = this.since(options, at, lastMeeting);
    const late = lateItems(view, at);
    const shownLate = late.slice(0, REPORT_CAPS.late);
    const [comments, done, slipsSection, actors, decisions, sCurve] = await Promise.all([
      this.queries.lastComments(
        shownLate.map((i) => i.id),
        at,
      ),
      this.queries.actionsDone(roadmapId, since.day, at),
      this.slips(roadmapId, view, at, options.baselineId),
      this.actorsMap(roadmapId, at),
      this.governance.decisionsBetween(roadmapId, addDays(since.day, -1), at),
      // the curve as it stood on a past day: nothing achieved after `at` (a later day: achieved up to today)
      this.progress.sCurve(roadmapId, { scope: 'roadmap' }, at < todayInParis() ? at : todayInParis()),
    ]);
    return {
      lang,
      at,
      generatedOn: todayInParis(),
      since: since.day,
      sinceFrom: since.from,
      ...overview(view),
      achieved: capped(achievedItems(view, since.day, at, done), REPORT_CAPS.achieved),
      late: { total: late.length, items: withComments(shownLate, comments) },
      slips: slipsSection,
      decisions: capped(decisions.map(decision), REPORT_CAPS.decisions),
      lastMeeting: lastMeeting && meeting(lastMeeting),
      nextMeeting: nextMeeting && meeting(nextMeeting),
      nextQuarter: nextQuarter(view, at, REPORT_CAPS.nextQuarter),
      sCurve,
      actors,
    };
  }

  /** From when « achieved since » and « decisions since » count: asked, else the last meeting's day, else 30 days back. */
  private since(options: ReportOptions, at: IsoDate, last: MeetingSummaryView | null): { day: IsoDate; from: ReportData['sinceFrom'] } {
    if (options.since) return { day: options.since, from: 'asked' };
    if (last) return { day: last.date, from: 'meeting' };
    return { day: addDays(at, -DEFAULT_SINCE_DAYS), from: 'default' };
  }

  /**
   * The slips against the baseline asked (it must be the roadmap's: else 422 on `baseline`), or the latest one frozen by
   * the report's day (a report of a past day is not compared with a plan frozen after it); null without any.
   */
  private async slips(roadmapId: string, view: ChronogramView, at: IsoDate, baselineId?: string): Promise<ReportData['slips']> {
    const baseline = baselineId
      ? await this.baselines.one(baselineId)
      : (await this.baselines.list(roadmapId)).find((b) => todayInParis(new Date(b.created_at)) <= at);
    if (baselineId && (!baseline || baseline.roadmap_id !== roadmapId)) {
      throw ApiException.rule([{ field: 'baseline', message: 'Cette référence n’existe pas dans cette feuille de route.' }]);
    }
    if (!baseline) return null;
    return slips(view, baseline, await this.baselines.items(baseline.id), REPORT_CAPS.slips);
  }

  /** Each actor's latest position by `at` (those not yet assessed left out); null when nobody is. */
  private async actorsMap(roadmapId: string, at: IsoDate): Promise<ReportData['actors']> {
    const d = await this.actors.diagnostic(roadmapId, at);
    const actors = d.actors.flatMap((a) =>
      a.current ? [{ name: a.name, kind: a.kind, group: a.group, maturity: a.current.maturity, ambition: a.current.ambition }] : [],
    );
    if (!actors.length) return null;
    return { on: at, matureFrom: d.thresholds.matureFrom, ambitiousFrom: d.thresholds.ambitiousFrom, actors };
  }
}
