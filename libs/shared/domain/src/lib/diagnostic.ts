import type { IsoDate } from './types';

/*
 * The study's diagnostic (issue 11, docs/diagnostic.md): a roadmap's actors (directions, operators,
 * partners, experts), their dated assessments of maturity (today) and ambition (tomorrow), the three
 * groups those scores place them in, and the study's key figures computed from the register.
 */

export const ACTOR_KINDS = ['direction', 'operateur', 'partenaire', 'expert'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const ACTOR_KIND_LABELS: Readonly<Record<ActorKind, string>> = {
  direction: 'Direction',
  operateur: 'Opérateur SEM/SPL',
  partenaire: 'Partenaire',
  expert: 'Expert·e',
};

export const ACTOR_GROUPS = ['leaders', 'median', 'peu-impliques'] as const;
export type ActorGroup = (typeof ACTOR_GROUPS)[number];
export const ACTOR_GROUP_LABELS: Readonly<Record<ActorGroup, string>> = {
  leaders: 'Leaders',
  median: 'Groupe médian',
  'peu-impliques': 'Peu impliqués',
};

export const ACTOR_NEEDS = ['competences', 'ingenierie', 'moyens', 'infrastructures', 'strategie'] as const;
export type ActorNeed = (typeof ACTOR_NEEDS)[number];
export const ACTOR_NEED_LABELS: Readonly<Record<ActorNeed, string>> = {
  competences: 'Compétences',
  ingenierie: 'Ingénierie de projet',
  moyens: 'Moyens',
  infrastructures: 'Infrastructures',
  strategie: 'Stratégie commune',
};

/** The four types of data the actors named spontaneously in the study. */
export const DATA_TYPES = ['metiers', 'geographiques', 'financieres', 'commande-publique'] as const;
export type DataType = (typeof DATA_TYPES)[number];
export const DATA_TYPE_LABELS: Readonly<Record<DataType, string>> = {
  metiers: 'Données métiers',
  geographiques: 'Données géographiques',
  financieres: 'Données financières',
  'commande-publique': 'Données de la commande publique',
};

/** The optional axes of an assessment (each scored for maturity and ambition). */
export const ASSESSMENT_AXES = ['strategie', 'gouvernance', 'competences', 'outils', 'donnees'] as const;
export type AssessmentAxis = (typeof ASSESSMENT_AXES)[number];
export const ASSESSMENT_AXIS_LABELS: Readonly<Record<AssessmentAxis, string>> = {
  strategie: 'Stratégie',
  gouvernance: 'Gouvernance',
  competences: 'Compétences',
  outils: 'Outils',
  donnees: 'Données',
};

/** Scores are whole numbers from 1 to 5, for maturity (today) and ambition (tomorrow). */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export function isScore(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= SCORE_MIN && n <= SCORE_MAX;
}

/**
 * The groups' thresholds — PRODUCT DECISIONS, written down in docs/diagnostic.md:
 * mature = maturity ≥ 3; ambitious = ambition ≥ 3.
 */
export const GROUP_THRESHOLDS = Object.freeze({ matureFrom: 3, ambitiousFrom: 3 } as const);

/** leaders: mature and ambitious; median: ambitious, not (yet) mature; peu-impliques: not ambitious. */
export function groupOf(maturity: number, ambition: number): ActorGroup {
  if (ambition < GROUP_THRESHOLDS.ambitiousFrom) return 'peu-impliques';
  return maturity >= GROUP_THRESHOLDS.matureFrom ? 'leaders' : 'median';
}

/** A dated position on the maturity × ambition map. */
export interface Position {
  on: IsoDate;
  maturity: number;
  ambition: number;
}

/** The latest assessment on or before `day` (null when none yet); the list need not be sorted. */
export function positionOn<T extends Position>(assessments: readonly T[], day: IsoDate): T | null {
  let best: T | null = null;
  for (const a of assessments) {
    // 'YYYY-MM-DD' strings compare as the days they name
    if (a.on <= day && (best === null || a.on > best.on)) best = a;
  }
  return best;
}

/** The earliest assessment (null when none). */
export function firstPosition<T extends Position>(assessments: readonly T[]): T | null {
  let best: T | null = null;
  for (const a of assessments) if (best === null || a.on < best.on) best = a;
  return best;
}

/** True when both positions exist and differ in maturity or ambition. */
export function hasMoved(first: Position | null, current: Position | null): boolean {
  return first !== null && current !== null && (first.maturity !== current.maturity || first.ambition !== current.ambition);
}

export interface GroupOverride {
  group: ActorGroup;
  reason: string;
}

/** The group from the latest assessment on `day` (null when not yet assessed). */
export function derivedGroupOn(assessments: readonly Position[], day: IsoDate): ActorGroup | null {
  const latest = positionOn(assessments, day);
  return latest ? groupOf(latest.maturity, latest.ambition) : null;
}

/** The override when one is set (whatever the day), else the group derived on `day`. */
export function effectiveGroupOn(
  actor: { groupOverride: GroupOverride | null; assessments: readonly Position[] },
  day: IsoDate,
): ActorGroup | null {
  return actor.groupOverride ? actor.groupOverride.group : derivedGroupOn(actor.assessments, day);
}

export const FIGURE_CODES = [
  'operators-met',
  'directions-met',
  'mature-ambitious',
  'workshop',
  'personal-data',
  'sensitive-data',
  'referents',
  'experts',
] as const;
export type FigureCode = (typeof FIGURE_CODES)[number];
export type FigureUnit = 'percent' | 'count';
export type FigureComparison = 'eq' | 'gt';

export function isFigureCode(s: unknown): s is FigureCode {
  return typeof s === 'string' && (FIGURE_CODES as readonly string[]).includes(s);
}

export const FIGURE_UNITS: Readonly<Record<FigureCode, FigureUnit>> = {
  'operators-met': 'percent',
  'directions-met': 'percent',
  'mature-ambitious': 'percent',
  workshop: 'percent',
  'personal-data': 'percent',
  'sensitive-data': 'count',
  referents: 'percent',
  experts: 'count',
};

/** The study's values, the baseline the live figures are read against (null: the study gives none). */
export const STUDY_FIGURES: Readonly<Record<FigureCode, { value: number; comparison: FigureComparison; unit: FigureUnit } | null>> = {
  'operators-met': { value: 80, comparison: 'eq', unit: 'percent' },
  'directions-met': { value: 50, comparison: 'eq', unit: 'percent' },
  'mature-ambitious': { value: 45, comparison: 'eq', unit: 'percent' },
  workshop: { value: 60, comparison: 'gt', unit: 'percent' },
  'personal-data': { value: 75, comparison: 'eq', unit: 'percent' },
  'sensitive-data': { value: 3, comparison: 'eq', unit: 'count' },
  referents: null,
  experts: { value: 6, comparison: 'eq', unit: 'count' },
};

export const FIGURE_LABELS: Readonly<Record<FigureCode, string>> = {
  'operators-met': 'Opérateurs rencontrés',
  'directions-met': 'Directions rencontrées',
  'mature-ambitious': 'Acteurs matures et ambitieux',
  workshop: 'Participation à l’atelier de co-construction',
  'personal-data': 'Acteurs détenant des données personnelles',
  'sensitive-data': 'Acteurs manipulant des données sensibles',
  referents: 'Directions ayant nommé un·e référent·e données',
  experts: 'Experts interrogés',
};

/** What the figures need to know of an actor. */
export interface FigureActor {
  kind: ActorKind;
  referent: string | null;
  metOn: IsoDate | null;
  workshop: boolean;
  personalData: boolean;
  sensitiveData: boolean;
  groupOverride: GroupOverride | null;
  assessments: readonly Position[];
}

/** A figure on a day: a percent (value = 100 × numerator / denominator, 1 decimal) or a count (denominator null). */
export interface FigureValue {
  code: FigureCode;
  unit: FigureUnit;
  /** null for a percent of nobody (denominator 0) */
  value: number | null;
  numerator: number;
  denominator: number | null;
}

function percent(code: FigureCode, numerator: number, denominator: number): FigureValue {
  const value = denominator === 0 ? null : Math.round((numerator * 1000) / denominator) / 10;
  return { code, unit: 'percent', value, numerator, denominator };
}

function count(code: FigureCode, n: number): FigureValue {
  return { code, unit: 'count', value: n, numerator: n, denominator: null };
}

/** An actor met on or before `day`. */
export function isMetOn(actor: { metOn: IsoDate | null }, day: IsoDate): boolean {
  return actor.metOn !== null && actor.metOn <= day;
}

/**
 * The study's figures computed from the register on `day`, in FIGURE_CODES order (definitions in
 * docs/diagnostic.md). The actors of the diagnostic: every actor but the experts, met on or before `day`.
 */
export function diagnosticFigures(actors: readonly FigureActor[], day: IsoDate): FigureValue[] {
  const operators = actors.filter((a) => a.kind === 'operateur');
  const directions = actors.filter((a) => a.kind === 'direction');
  const diagnosed = actors.filter((a) => a.kind !== 'expert' && isMetOn(a, day));
  const n = diagnosed.length;
  const values: Record<FigureCode, FigureValue> = {
    'operators-met': percent('operators-met', operators.filter((a) => isMetOn(a, day)).length, operators.length),
    'directions-met': percent('directions-met', directions.filter((a) => isMetOn(a, day)).length, directions.length),
    'mature-ambitious': percent('mature-ambitious', diagnosed.filter((a) => effectiveGroupOn(a, day) === 'leaders').length, n),
    workshop: percent('workshop', diagnosed.filter((a) => a.workshop).length, n),
    'personal-data': percent('personal-data', diagnosed.filter((a) => a.personalData).length, n),
    'sensitive-data': count('sensitive-data', diagnosed.filter((a) => a.sensitiveData).length),
    referents: percent('referents', directions.filter((a) => a.referent !== null).length, directions.length),
    experts: count('experts', actors.filter((a) => a.kind === 'expert').length),
  };
  return FIGURE_CODES.map((code) => values[code]);
}

/** A figure's target: a percent from 0 to 100, or a whole count from 0. */
export function isFigureTargetValue(code: FigureCode, value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return false;
  return FIGURE_UNITS[code] === 'percent' ? value <= 100 : Number.isInteger(value);
}
