import { daysBetween, isIsoDate, todayInParis } from './dates';
import { formatFrDate } from './rules';
import type { IsoDate, RuleViolation } from './types';

/**
 * Indicators per function (issue #11): what a function measures, from a baseline (a date, a value)
 * to a target (a later date, another value), and the measurements recorded on the way. The rules
 * and the health below are the reference of both sides; docs/indicators.md says them in words.
 */

export const INDICATOR_DIRECTIONS = ['up', 'down'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_DIRECTION_LABELS: Readonly<Record<IndicatorDirection, string>> = {
  up: 'À la hausse',
  down: 'À la baisse',
};

export const INDICATOR_HEALTHS = ['on-track', 'at-risk', 'off-track', 'not-measured', 'stale'] as const;
export type IndicatorHealth = (typeof INDICATOR_HEALTHS)[number];

export const INDICATOR_HEALTH_LABELS: Readonly<Record<IndicatorHealth, string>> = {
  'on-track': 'En bonne voie',
  'at-risk': 'À surveiller',
  'off-track': 'En retard',
  'not-measured': 'Jamais mesuré',
  stale: 'Mesure ancienne',
};

/**
 * Health thresholds — PRODUCT DECISIONS, written down in docs/indicators.md. They apply to the gap
 * `expected share − achieved share`, both shares of the way from baseline to target (0 = the
 * baseline, 1 = the target): gap ≤ atRiskGap → on-track; ≤ offTrackGap → at-risk; beyond →
 * off-track (both thresholds inclusive, as for items). Ahead of the line is on-track.
 */
export const INDICATOR_THRESHOLDS = { atRiskGap: 0.1, offTrackGap: 0.25 } as const;

/** What the API accepts of an indicator and its measurements (the contract's DTOs, the web's fields). */
export const INDICATOR_BOUNDS = Object.freeze({
  name: 150,
  unit: 30,
  /** a measurement's comment */
  comment: 2000,
  /** a measurement's source link */
  sourceUrl: 500,
  /** the largest absolute value stored (numeric(18,4)) */
  value: 1e12,
});

/** An indicator's line: from its baseline to its target. */
export interface IndicatorLine {
  direction: IndicatorDirection;
  baselineOn: IsoDate;
  baselineValue: number;
  targetOn: IsoDate;
  targetValue: number;
}

/** One measurement: a day and the value read that day. */
export interface IndicatorReading {
  on: IsoDate;
  value: number;
}

const EPSILON = 1e-9;

/** Share of the time from baseline to target elapsed at the end of `day`, clamped to 0–1. */
export function expectedShare(ind: Pick<IndicatorLine, 'baselineOn' | 'targetOn'>, day: IsoDate): number {
  const span = daysBetween(ind.baselineOn, ind.targetOn);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(ind.baselineOn, day) / span));
}

/**
 * The value expected on `day`: linear from the baseline (on its date) to the target (on its date),
 * the baseline before, the target after.
 */
export function expectedValue(ind: IndicatorLine, day: IsoDate): number {
  return ind.baselineValue + (ind.targetValue - ind.baselineValue) * expectedShare(ind, day);
}

/** Share of the way from baseline to target a value stands at (0 = baseline, 1 = target; below 0 = went the wrong way). */
export function achievedShare(ind: IndicatorLine, value: number): number {
  const way = ind.targetValue - ind.baselineValue;
  return way === 0 ? 1 : (value - ind.baselineValue) / way;
}

/** The latest measurement on or before `day` (null when none). */
export function latestReading<T extends IndicatorReading>(measurements: readonly T[], day: IsoDate): T | null {
  let latest: T | null = null;
  for (const m of measurements) if (m.on <= day && (!latest || m.on > latest.on)) latest = m;
  return latest;
}

/**
 * Whether an indicator is waiting for a measurement on `day`: its latest measurement (its baseline
 * date when never measured) is `staleDays` days old or more. 0 turns the rule off; an indicator
 * measured on or after its target date is finished and never waits.
 */
export function isUnmeasuredFor(
  ind: Pick<IndicatorLine, 'baselineOn' | 'targetOn'>,
  lastMeasuredOn: IsoDate | null,
  day: IsoDate,
  staleDays: number,
): boolean {
  if (staleDays <= 0) return false;
  if (lastMeasuredOn !== null && lastMeasuredOn >= ind.targetOn) return false;
  return daysBetween(lastMeasuredOn ?? ind.baselineOn, day) >= staleDays;
}

/**
 * An indicator's health on `day`, from its measurements up to that day:
 * - `not-measured` without any measurement;
 * - `stale` when the latest is `staleDays` days old or more (see `isUnmeasuredFor`);
 * - otherwise the latest value's share of the way against the share of time elapsed at its date
 *   (a measurement is judged against the line on the day it was taken), see INDICATOR_THRESHOLDS.
 */
export function indicatorHealth(
  ind: IndicatorLine,
  measurements: readonly IndicatorReading[],
  day: IsoDate,
  staleDays: number,
): IndicatorHealth {
  const latest = latestReading(measurements, day);
  if (!latest) return 'not-measured';
  if (isUnmeasuredFor(ind, latest.on, day, staleDays)) return 'stale';
  const gap = expectedShare(ind, latest.on) - achievedShare(ind, latest.value);
  if (gap <= INDICATOR_THRESHOLDS.atRiskGap + EPSILON) return 'on-track';
  if (gap <= INDICATOR_THRESHOLDS.offTrackGap + EPSILON) return 'at-risk';
  return 'off-track';
}

/**
 * An indicator's definition: the target after the baseline, its value different from the
 * baseline's and on the side the direction says (up: above, down: below).
 */
export function checkIndicatorLine(ind: IndicatorLine): RuleViolation[] {
  const broken: RuleViolation[] = [];
  if (isIsoDate(ind.baselineOn) && isIsoDate(ind.targetOn) && ind.targetOn <= ind.baselineOn) {
    broken.push({
      field: 'targetOn',
      message: `La date de la cible doit être après celle de la valeur de départ (${formatFrDate(ind.baselineOn)}).`,
    });
  }
  if (ind.targetValue === ind.baselineValue) {
    broken.push({ field: 'targetValue', message: 'La cible doit être différente de la valeur de départ.' });
  } else if (ind.direction === 'up' && ind.targetValue < ind.baselineValue) {
    broken.push({
      field: 'targetValue',
      message: `Un indicateur à la hausse vise une cible plus haute que sa valeur de départ (${ind.baselineValue}).`,
    });
  } else if (ind.direction === 'down' && ind.targetValue > ind.baselineValue) {
    broken.push({
      field: 'targetValue',
      message: `Un indicateur à la baisse vise une cible plus basse que sa valeur de départ (${ind.baselineValue}).`,
    });
  }
  return broken;
}

/** A measurement's day: not in the future (Paris), not before the indicator's baseline date. */
export function checkMeasurementDay(on: IsoDate, baselineOn: IsoDate, today: IsoDate = todayInParis()): RuleViolation[] {
  if (on > today) return [{ field: 'on', message: `Une mesure ne peut pas être datée après aujourd’hui (${formatFrDate(today)}).` }];
  if (on < baselineOn) {
    return [{ field: 'on', message: `Une mesure ne peut pas précéder la date de la valeur de départ (${formatFrDate(baselineOn)}).` }];
  }
  return [];
}

/** A baseline date moved after measurements already recorded: refused (the earliest must stay on or after it). */
export function checkBaselineBeforeMeasurements(baselineOn: IsoDate, earliestMeasurementOn: IsoDate | null): RuleViolation[] {
  if (earliestMeasurementOn === null || earliestMeasurementOn >= baselineOn) return [];
  return [
    {
      field: 'baselineOn',
      message: `La date de départ ne peut pas suivre la première mesure (${formatFrDate(earliestMeasurementOn)}) : supprimez-la d’abord ou choisissez une date antérieure.`,
    },
  ];
}
