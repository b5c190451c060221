import type { Health, RollUp } from './types';

/**
 * The headline of a roadmap at a day — the one line the council report, the monthly summary and the
 * overview open with (ADR 0018). PRODUCT DECISION:
 *
 * - the overall roll-up (every action of the mandate) and the current phase's roll-up are both shown;
 * - the headline's health is the WORSE of the two: an early phase finished well can hide, in the
 *   mandate-wide average, the phase that is slipping now; a late current phase is what elected
 *   officials must hear first;
 * - outside the mandate (no current phase: before the first phase or after the last), the headline
 *   is the overall health alone.
 */
export interface HeadlineInput {
  overall: RollUp;
  /** the phase containing the day, with its roll-up; null before the first phase or after the last */
  currentPhase: { id: string; name: string; rollUp: RollUp } | null;
}

export interface Headline {
  health: Health;
  /** which figure sets the headline: the overall roll-up or the current phase's (the overall one on a tie) */
  drivenBy: 'overall' | 'currentPhase';
  overall: RollUp;
  currentPhase: { id: string; name: string; rollUp: RollUp } | null;
}

const RANK: Record<Health, number> = { on_track: 0, at_risk: 1, late: 2 };

/** The worse of two healths (late > at_risk > on_track). */
export function worseHealth(a: Health, b: Health): Health {
  return RANK[b] > RANK[a] ? b : a;
}

/** The headline rule above; pure. */
export function headline(input: HeadlineInput): Headline {
  const { overall, currentPhase } = input;
  if (!currentPhase || currentPhase.rollUp.count === 0) {
    return { health: overall.health, drivenBy: 'overall', overall, currentPhase };
  }
  const phaseWorse = RANK[currentPhase.rollUp.health] > RANK[overall.health];
  return {
    health: worseHealth(overall.health, currentPhase.rollUp.health),
    drivenBy: phaseWorse ? 'currentPhase' : 'overall',
    overall,
    currentPhase,
  };
}
