import { addDays, addMonths, toDayNumber } from './dates';
import { PHASE_CODES } from './types';
import type { DaySpan, IsoDate, PhaseCode, PhaseSpan } from './types';

/** The phase containing `date`, both ends included (the first one if phases overlap). */
export function phaseAt<T extends DaySpan>(phases: readonly T[], date: IsoDate): T | undefined {
  const day = toDayNumber(date);
  return phases.find((p) => toDayNumber(p.start) <= day && day <= toDayNumber(p.end));
}

export interface DefaultPhaseInput {
  /** the election's (first) round */
  electionDate: IsoDate;
  /** the second round, when there is one: the election is decided that day, so the phases pivot on it */
  secondRoundDate?: IsoDate;
  nextElectionDate: IsoDate;
  /** planned length of the first three phases, in calendar months (integers ≥ 1) */
  months: { pre: number; post: number; emergence: number };
}

/**
 * The four phases proposed for a new roadmap, contiguous, around the election — its second round
 * when there is one (`secondRoundDate`), else its only round:
 * - pre-electorale: [election − pre months, election − 1 day]
 * - post-electorale: [election, election + post months − 1 day]
 * - emergence: the next `emergence` months
 * - maturation: from there to nextElectionDate − 1 day.
 * Month boundaries are counted from the election date (not chained), with end-of-month clamping.
 * Throws a `RangeError` for invalid dates, non-positive/non-integer months, a second round that
 * is not after the first, or when no day is left for maturation.
 */
export function defaultPhaseSpans(input: DefaultPhaseInput): Record<PhaseCode, DaySpan> {
  const { nextElectionDate, months } = input;
  const electionDate = input.secondRoundDate ?? input.electionDate;
  if (input.secondRoundDate !== undefined && toDayNumber(input.secondRoundDate) <= toDayNumber(input.electionDate)) {
    throw new RangeError(`The second round (${input.secondRoundDate}) must come after the first (${input.electionDate})`);
  }
  for (const [name, value] of [
    ['pre', months.pre],
    ['post', months.post],
    ['emergence', months.emergence],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`months.${name} must be an integer ≥ 1, got ${value}`);
    }
  }
  const emergenceStart = addMonths(electionDate, months.post);
  const maturationStart = addMonths(electionDate, months.post + months.emergence);
  const maturationEnd = addDays(nextElectionDate, -1);
  if (toDayNumber(maturationEnd) < toDayNumber(maturationStart)) {
    throw new RangeError(`No time left for maturation: it would start on ${maturationStart}, the next election is on ${nextElectionDate}`);
  }
  return {
    'pre-electorale': {
      start: addMonths(electionDate, -months.pre),
      end: addDays(electionDate, -1),
    },
    'post-electorale': {
      start: electionDate,
      end: addDays(emergenceStart, -1),
    },
    emergence: { start: emergenceStart, end: addDays(maturationStart, -1) },
    maturation: { start: maturationStart, end: maturationEnd },
  };
}

/** The spans as a list in phase order (PHASE_CODES), e.g. to pass them to `checkPhases`. */
export function phaseSpanList(spans: Record<PhaseCode, DaySpan>): PhaseSpan[] {
  return PHASE_CODES.map((code) => ({
    code,
    start: spans[code].start,
    end: spans[code].end,
  }));
}
