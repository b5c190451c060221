import { addDays, addMonths, toDayNumber } from './dates';
import { formatFrDate } from './rules';
import type { IsoDate, RuleViolation } from './types';

/** The longest texts of a roadmap, as its table stores them (the API refuses longer ones, the form stops there). */
export const ROADMAP_TEXT_MAX = Object.freeze({ territory: 200, mandateLabel: 100, slug: 100 });

/** A roadmap's address in URLs (/r/<slug>): lower-case letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A second round comes at most this many days after the first (French municipal elections: one week). */
export const SECOND_ROUND_MAX_DAYS = 14;

/** A mandate's length when the next election is not given: six years, same month. */
export const MANDATE_MONTHS = 72;

/** The election a new roadmap is built around: its round(s) and the next election. */
export interface ElectionDates {
  firstRound: IsoDate;
  secondRound?: IsoDate | null;
  /** default: MANDATE_MONTHS after the first round */
  nextElection?: IsoDate | null;
}

/** The day the election is decided: the second round when there is one. */
export function decisiveRound(d: ElectionDates): IsoDate {
  return d.secondRound ?? d.firstRound;
}

export function nextElectionOf(d: ElectionDates): IsoDate {
  return d.nextElection ?? addMonths(d.firstRound, MANDATE_MONTHS);
}

/**
 * The rounds and the next election of a new roadmap, each broken rule addressed to its field
 * ('secondRound', 'nextElection'). With the kit's phase lengths (`months`, post-electoral and
 * emergence), the next election must also leave at least one day of maturation. Dates must be valid.
 */
export function checkElectionDates(d: ElectionDates, months?: { post: number; emergence: number }): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const first = toDayNumber(d.firstRound);
  if (d.secondRound) {
    const second = toDayNumber(d.secondRound);
    if (second <= first) {
      violations.push({
        field: 'secondRound',
        message: `Le second tour doit avoir lieu après le premier tour (${formatFrDate(d.firstRound)}).`,
      });
    } else if (second - first > SECOND_ROUND_MAX_DAYS) {
      violations.push({
        field: 'secondRound',
        message: `Le second tour a lieu au plus ${SECOND_ROUND_MAX_DAYS} jours après le premier (le ${formatFrDate(addDays(d.firstRound, SECOND_ROUND_MAX_DAYS))} au plus tard).`,
      });
    }
  }
  if (!d.nextElection) return violations;
  const decided = violations.length ? d.firstRound : decisiveRound(d);
  if (toDayNumber(d.nextElection) <= toDayNumber(decided)) {
    violations.push({ field: 'nextElection', message: `La prochaine élection doit venir après celle du ${formatFrDate(decided)}.` });
  } else if (months && toDayNumber(d.nextElection) <= toDayNumber(addMonths(decided, months.post + months.emergence))) {
    const maturation = addMonths(decided, months.post + months.emergence);
    violations.push({
      field: 'nextElection',
      message: `La prochaine élection est trop proche : la phase de maturation commencerait le ${formatFrDate(maturation)}. Choisissez une date après celle-ci.`,
    });
  }
  return violations;
}
