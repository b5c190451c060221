import type { BaselineItemType, Health, IndicatorDirection, IndicatorHealth, IsoDate, MilestoneState, RollUp } from '@jalons/domain';

/*
 * The public page of a roadmap (GET /api/public/roadmaps/:slug), for citizens: built field by field
 * on the API so that no person can slip in — no names, e-mails, comments, history authors or meeting
 * attendees. Phases and functions are addressed by their code, items by their stable UUID.
 */

export interface PublicRoadmapSummaryView {
  slug: string;
  territory: string;
  mandateLabel: string;
}

/** A phase of the mandate, with its purpose (the kit's « why ») and whether it is the current one. */
export interface PublicPhaseView {
  code: string;
  name: string;
  description: string;
  /** the « why » of the phase; null when the kit gave none */
  purpose: string | null;
  /** 1 to 4, in the mandate's order */
  order: number;
  start: IsoDate;
  end: IsoDate;
  current: boolean;
  rollUp: RollUp;
}

export interface PublicFunctionView {
  code: string;
  name: string;
  description: string;
  central: boolean;
  color: string;
  rollUp: RollUp;
}

export interface PublicMilestoneView {
  id: string;
  title: string;
  functionCode: string;
  phaseCode: string | null;
  date: IsoDate;
  achievedOn: IsoDate | null;
  state: MilestoneState;
}

/** An indicator as citizens see it: the line from baseline to target, the last value and whether it is on track. */
export interface PublicIndicatorView {
  id: string;
  name: string;
  functionCode: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: { on: IsoDate; value: number };
  target: { on: IsoDate; value: number };
  /** the latest measurement up to the page's day (value and date only) */
  latest: { on: IsoDate; value: number } | null;
  /** the value expected on the page's day on the line from baseline to target */
  expected: number;
  health: IndicatorHealth;
}

/** Slips of one group against the latest baseline: only items later than voted count. */
export interface PublicSlipSummaryView {
  /** items in both the baseline and today's plan */
  compared: number;
  slipped: number;
  totalDays: number;
  /** mean slip of the slipped items, in days (one decimal); 0 when none slipped */
  meanDays: number;
}

export interface PublicSlipsView extends PublicSlipSummaryView {
  baseline: { number: number; label: string; on: IsoDate };
  functions: Array<PublicSlipSummaryView & { functionCode: string }>;
  /** the items whose date moved (later first), with their slip in calendar days; no owner */
  items: Array<{
    type: BaselineItemType;
    id: string;
    title: string;
    functionCode: string;
    baselineDue: IsoDate;
    currentDue: IsoDate;
    slipDays: number;
  }>;
}

/** The headline: the worse of the overall health and the current phase's (`headline()` of the domain). */
export interface PublicHeadlineView {
  health: Health;
  drivenBy: 'overall' | 'currentPhase';
  /** the overall progress and the progress expected at the page's day, in percent */
  progress: number;
  expected: number;
  currentPhaseCode: string | null;
}

/** The public page: phases, functions, progress, health, milestones, indicators, slips — no person. */
export interface PublicRoadmapView extends PublicRoadmapSummaryView {
  at: IsoDate;
  electionDates: IsoDate[];
  nextElectionDate: IsoDate;
  start: IsoDate;
  end: IsoDate;
  currentPhaseCode: string | null;
  rollUp: RollUp;
  headline: PublicHeadlineView;
  phases: PublicPhaseView[];
  functions: PublicFunctionView[];
  milestones: PublicMilestoneView[];
  indicators: PublicIndicatorView[];
  /** against the latest baseline; null when the roadmap has none */
  slips: PublicSlipsView | null;
}
