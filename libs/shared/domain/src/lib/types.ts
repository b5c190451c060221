/**
 * Jalons domain vocabulary. Pure types: no framework import anywhere in this library.
 *
 * Dates of items are CALENDAR DAYS, never instants: an `IsoDate` is a 'YYYY-MM-DD' string.
 * Arithmetic on them goes through day numbers (days since 1970-01-01, computed in UTC), so the
 * daylight-saving Sundays of Europe/Paris can never shift a date by an hour or a day.
 */
export type IsoDate = string;

export const PHASE_CODES = ['pre-electorale', 'post-electorale', 'emergence', 'maturation'] as const;
export type PhaseCode = (typeof PHASE_CODES)[number];

export const ACTION_STATUSES = ['a_lancer', 'en_cours', 'bloquee', 'terminee', 'abandonnee'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const FUNCTION_FAMILIES = ['centrale', 'socle', 'ressources', 'ecosysteme', 'anticipation'] as const;
export type FunctionFamily = (typeof FUNCTION_FAMILIES)[number];

export const CENTRAL_VOLETS = ['strategique', 'metiers', 'technique'] as const;
export type CentralVolet = (typeof CENTRAL_VOLETS)[number];

/** Schedule health of an item or of a roll-up. */
export const HEALTHS = ['on_track', 'at_risk', 'late'] as const;
export type Health = (typeof HEALTHS)[number];

/** A span of calendar days, both ends included. */
export interface DaySpan {
  start: IsoDate;
  end: IsoDate;
}

export interface PhaseSpan extends DaySpan {
  code: string;
}

/** What the progress logic needs to know of an action. */
export interface ProgressItem {
  start: IsoDate;
  due: IsoDate;
  status: ActionStatus;
  /** 0–100 */
  progress: number;
}

export interface MilestoneItem {
  date: IsoDate;
  achievedOn: IsoDate | null;
}

export type MilestoneState = 'achieved' | 'late' | 'upcoming';

/** A roll-up over a set of actions (one function, one phase, the roadmap). */
export interface RollUp {
  /** actions counted (abandoned ones excluded) */
  count: number;
  /** actions with status 'terminee' */
  done: number;
  /** counted actions whose due date has passed without being 'terminee' */
  overdue: number;
  /** counted actions with status 'bloquee' */
  blocked: number;
  /** progress achieved, 0–100, weighted by planned duration in days (1 decimal) */
  progress: number;
  /** progress expected at the reference date from the planned dates, same weighting (1 decimal) */
  expected: number;
  health: Health;
}

/** A broken rule, addressed to the field a person should fix, in French. */
export interface RuleViolation {
  field: string;
  message: string;
}
