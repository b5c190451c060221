import type { ActorGroup, ActorKind, DecisionKind, Health, IsoDate, MilestoneState, RollUp } from '@jalons/domain';
import { IsIn, IsOptional } from 'class-validator';

import type { SCurveView } from './progress.dto';
import { AtQueryDto } from './queries.dto';
import { IsId, IsIsoDate } from './validation';

/*
 * The council report (issue 12, ADR 0021): a roadmap's state at a day, on paper (PDF, A4 portrait or
 * A3 landscape) or as a standalone web page, in French or in English. Built on the server.
 */

export const REPORT_FORMATS = ['pdf', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_PAPERS = ['a4', 'a3'] as const;
export type ReportPaper = (typeof REPORT_PAPERS)[number];
export const REPORT_LANGS = ['fr', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

/** `GET /api/roadmaps/:id/report?at=&format=&paper=&lang=&baseline=&since=` — every parameter optional. */
export class ReportQueryDto extends AtQueryDto {
  /** pdf (default) or html */
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format doit valoir pdf ou html.' })
  format?: ReportFormat;

  /** a4: A4 portrait (default); a3: A3 landscape */
  @IsOptional()
  @IsIn(REPORT_PAPERS, { message: 'paper doit valoir a4 (A4 portrait) ou a3 (A3 paysage).' })
  paper?: ReportPaper;

  /** fr (default) or en; the items' titles stay as written */
  @IsOptional()
  @IsIn(REPORT_LANGS, { message: 'lang doit valoir fr ou en.' })
  lang?: ReportLang;

  /** the baseline the slips are counted against (default: the roadmap's latest) */
  @IsOptional()
  @IsId()
  baseline?: string;

  /** « achieved since » and « decisions since » this day, included (default: the last meeting on or before `at`, else 30 days before) */
  @IsOptional()
  @IsIsoDate()
  since?: IsoDate;
}

/** An action or a milestone as the report lists it. */
export interface ReportItem {
  type: 'action' | 'milestone';
  id: string;
  title: string;
  functionName: string;
  /** an action's due date, a milestone's date */
  date: IsoDate;
  owner: string | null;
}

/** A list the report caps: the first `items`, and how many there are in all (« … et N autres »). */
export interface ReportList<T> {
  total: number;
  items: T[];
}

export interface ReportLateItem extends ReportItem {
  /** days past its date at the report's day */
  daysLate: number;
  progress: number | null;
  /** the latest comment written on it by the report's day (the kit's creation note left out) */
  lastComment: { text: string; on: IsoDate; by: string | null } | null;
}

export interface ReportAchievedItem extends ReportItem {
  /** the day it was marked done (an action) or achieved (a milestone) */
  achievedOn: IsoDate;
}

export interface ReportSlipItem {
  type: 'action' | 'milestone';
  id: string;
  title: string;
  functionName: string;
  baselineDue: IsoDate;
  currentDue: IsoDate;
  slipDays: number;
}

export interface ReportSlipSummary {
  name: string;
  compared: number;
  slipped: number;
  totalDays: number;
  maxDays: number;
  added: number;
  deleted: number;
}

export interface ReportDecision {
  date: IsoDate;
  kind: DecisionKind;
  text: string;
  /** « Comité de pilotage du 15/09/2026 »'s parts; null for a decision taken outside a meeting */
  meeting: { date: IsoDate; instanceName: string } | null;
  items: string[];
}

export interface ReportMeeting {
  date: IsoDate;
  instanceName: string;
  title: string | null;
}

/** One actor on the maturity × ambition map (scores 1–5) at the report's day. */
export interface ReportActor {
  name: string;
  kind: ActorKind;
  group: ActorGroup | null;
  maturity: number;
  ambition: number;
}

/** Everything the report shows, gathered once, drawn as PDF or HTML. */
export interface ReportData {
  lang: ReportLang;
  at: IsoDate;
  /** the day the report was made (Europe/Paris) */
  generatedOn: IsoDate;
  since: IsoDate;
  /** where `since` comes from: asked, the last meeting on or before `at`, or 30 days before `at` */
  sinceFrom: 'asked' | 'meeting' | 'default';
  roadmap: { id: string; slug: string; territory: string; mandateLabel: string; start: IsoDate; end: IsoDate; projectLead: string | null };
  headline: {
    health: Health;
    drivenBy: 'overall' | 'currentPhase';
    overall: RollUp;
    currentPhase: { id: string; name: string; rollUp: RollUp } | null;
  };
  phases: Array<{
    id: string;
    name: string;
    start: IsoDate;
    end: IsoDate;
    current: boolean;
    rollUp: RollUp;
    milestones: { total: number; achieved: number; late: number };
  }>;
  functions: Array<{
    id: string;
    name: string;
    owner: string | null;
    rollUp: RollUp;
    milestones: { total: number; achieved: number; late: number };
  }>;
  achieved: ReportList<ReportAchievedItem>;
  late: ReportList<ReportLateItem>;
  /** null when the roadmap has no baseline */
  slips: {
    baseline: { id: string; number: number; label: string; decision: string | null };
    items: ReportList<ReportSlipItem>;
    functions: ReportSlipSummary[];
    phases: ReportSlipSummary[];
  } | null;
  /** null while governance is not available */
  decisions: ReportList<ReportDecision> | null;
  lastMeeting: ReportMeeting | null;
  nextMeeting: ReportMeeting | null;
  /** the milestones due in the three months after `at` */
  nextQuarter: { from: IsoDate; until: IsoDate } & ReportList<ReportItem & { state: MilestoneState }>;
  /** the whole roadmap's S-curve; null when it cannot be computed */
  sCurve: SCurveView | null;
  /** the actors' map at `at` (only those assessed by then); null when the register is empty */
  actors: { on: IsoDate; matureFrom: number; ambitiousFrom: number; actors: ReportActor[] } | null;
}
