import { addDays, daysBetween } from './dates';
import { isUnmeasuredFor } from './indicators';
import type { IndicatorLine } from './indicators';
import type { IsoDate } from './types';

/**
 * When the owners of a roadmap's items are reminded (issue #5). Set per roadmap by its project
 * lead. Days are calendar days in Europe/Paris; the job runs once a day.
 */
export interface ReminderRules {
  /** days before the due date (e.g. 14, 7, 1) */
  before: number[];
  /** on the due date itself */
  onDueDate: boolean;
  /** overdue: every N days after the due date (0: never) */
  overdueEveryDays: number;
  /** from N days overdue on, the project lead gets it too, at the overdue pace — once if overdue reminders are off (0: never) */
  escalateAfterDays: number;
  /** milestones are reminded like actions */
  milestones: boolean;
  /**
   * an indicator not measured for N days (since its baseline date when never measured) is reminded to
   * its function's owner, then again every N days; its health shows `stale` from then (0: never)
   */
  indicatorStaleDays: number;
}

export const DEFAULT_REMINDER_RULES: Readonly<ReminderRules> = Object.freeze({
  before: [14, 7, 1],
  onDueDate: true,
  overdueEveryDays: 7,
  escalateAfterDays: 7,
  milestones: true,
  indicatorStaleDays: 90,
});

/**
 * What the rules may say, in whole days: the API refuses anything else (ReminderRulesDto) and the
 * project lead's form says so before sending. `min: 0` means « never ».
 */
export const REMINDER_RULE_BOUNDS = Object.freeze({
  /** days before the due date: each from 1 to 90, at most 6 of them */
  before: Object.freeze({ min: 1, max: 90, count: 6 }),
  overdueEveryDays: Object.freeze({ min: 0, max: 60 }),
  escalateAfterDays: Object.freeze({ min: 0, max: 90 }),
  indicatorStaleDays: Object.freeze({ min: 0, max: 365 }),
});

export const DIGEST_FREQUENCIES = ['daily', 'weekly', 'none'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const DIGEST_LABELS: Readonly<Record<DigestFrequency, string>> = {
  daily: 'Un courriel récapitulatif par jour (les jours où il y a quelque chose)',
  weekly: 'Un courriel récapitulatif par semaine, le lundi',
  none: 'Aucun courriel (la cloche dans Jalons seulement)',
};

/** An item's reminders (`remindersOn`), and `stale` for an indicator waiting for a measurement (`indicatorReminderOn`). */
export type ReminderKind = 'before' | 'due' | 'overdue' | 'escalation' | 'stale';

/**
 * The reminders an open item with this due date gets on `day`: for its owner ('before', 'due',
 * 'overdue') and for the project lead ('escalation'). The job's SQL applies the same rules to
 * every item at once; this function is their reference, tested day by day.
 */
export function remindersOn(due: IsoDate, day: IsoDate, rules: ReminderRules): ReminderKind[] {
  const left = daysBetween(day, due); // due - day
  const kinds: ReminderKind[] = [];
  if (left > 0 && rules.before.includes(left)) kinds.push('before');
  if (left === 0 && rules.onDueDate) kinds.push('due');
  if (left < 0) {
    const late = -left;
    if (rules.overdueEveryDays > 0 && late % rules.overdueEveryDays === 0) kinds.push('overdue');
    const sinceEscalation = late - rules.escalateAfterDays;
    if (
      rules.escalateAfterDays > 0 &&
      sinceEscalation >= 0 &&
      (rules.overdueEveryDays > 0 ? sinceEscalation % rules.overdueEveryDays === 0 : sinceEscalation === 0)
    ) {
      kinds.push('escalation');
    }
  }
  return kinds;
}

/** A person who may receive an item's reminders. */
export interface ReminderParty {
  id: string;
  active: boolean;
}

/** The people around one item: its own owner (actions only), its function's owner, its roadmap's project lead. */
export interface ReminderParties {
  owner: ReminderParty | null;
  functionOwner: ReminderParty | null;
  projectLead: ReminderParty | null;
}

/**
 * Who gets a reminder of this kind: the project lead for an escalation, else the item's owner
 * while active, else its function's owner; no one (`null`) when that person is missing or
 * deactivated. The job's SQL applies the same rule to every item at once.
 */
export function reminderRecipient(kind: ReminderKind, parties: ReminderParties): string | null {
  const ifActive = (p: ReminderParty | null) => (p?.active ? p.id : null);
  if (kind === 'escalation') return ifActive(parties.projectLead);
  return ifActive(parties.owner) ?? ifActive(parties.functionOwner);
}

/**
 * Whether an indicator is reminded on `day`: the day it has gone `indicatorStaleDays` days without a
 * measurement (counted from its latest, else from its baseline date), then every as many days,
 * until one is recorded; never once measured on or after its target date, nor with the rule at 0.
 * The job's SQL applies the same rule to every indicator at once.
 */
export function indicatorReminderOn(
  ind: Pick<IndicatorLine, 'baselineOn' | 'targetOn'>,
  lastMeasuredOn: IsoDate | null,
  day: IsoDate,
  rules: Pick<ReminderRules, 'indicatorStaleDays'>,
): boolean {
  const every = rules.indicatorStaleDays;
  if (!isUnmeasuredFor(ind, lastMeasuredOn, day, every)) return false;
  return daysBetween(lastMeasuredOn ?? ind.baselineOn, day) % every === 0;
}

/** The day an indicator's measurement fell due: N days after its latest (else its baseline date). */
export function indicatorDueOn(ind: Pick<IndicatorLine, 'baselineOn'>, lastMeasuredOn: IsoDate | null, staleDays: number): IsoDate {
  return addDays(lastMeasuredOn ?? ind.baselineOn, staleDays);
}

/** Who is reminded of an indicator: its function's owner while active, else the project lead while active, else no one. */
export function indicatorReminderRecipient(parties: Pick<ReminderParties, 'functionOwner' | 'projectLead'>): string | null {
  const ifActive = (p: ReminderParty | null) => (p?.active ? p.id : null);
  return ifActive(parties.functionOwner) ?? ifActive(parties.projectLead);
}

/** Whether a person with this preference gets a digest e-mail on `day` (weekly: Mondays). */
export function digestDay(frequency: DigestFrequency, day: IsoDate): boolean {
  if (frequency === 'none') return false;
  if (frequency === 'daily') return true;
  // 1970-01-05 was a Monday
  return ((daysBetween('1970-01-05', day) % 7) + 7) % 7 === 0;
}

/** The day the digest of `day` covers from (weekly digests gather the past week). */
export function digestFrom(frequency: DigestFrequency, day: IsoDate): IsoDate {
  return frequency === 'weekly' ? addDays(day, -6) : day;
}
