/**
 * PROVISIONAL: the shared specification's types for the diagnostic, until `@jalons/contract` and
 * `@jalons/domain` carry them (H1). Replaced by imports as soon as they land.
 */
export type IsoDate = string;
export const ACTOR_KINDS = ['direction', 'operateur', 'partenaire', 'expert'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  direction: 'Direction',
  operateur: 'Opérateur SEM/SPL',
  partenaire: 'Partenaire',
  expert: 'Expert·e',
};
export const ACTOR_GROUPS = ['leaders', 'median', 'peu-impliques'] as const;
export type ActorGroup = (typeof ACTOR_GROUPS)[number];
export const ACTOR_GROUP_LABELS: Record<ActorGroup, string> = {
  leaders: 'Leaders',
  median: 'Groupe médian',
  'peu-impliques': 'Peu impliqués',
};
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const GROUP_THRESHOLDS = { matureFrom: 3, ambitiousFrom: 3 } as const;
export type AssessmentAxis = 'strategie' | 'gouvernance' | 'competences' | 'outils' | 'donnees';
export type FigureCode = string;

export interface AxisScores {
  maturity: number;
  ambition: number;
}
export interface AssessmentView {
  id: string;
  actorId: string;
  on: IsoDate;
  maturity: number;
  ambition: number;
  axes: Partial<Record<AssessmentAxis, AxisScores>>;
  assessedBy: string;
  comment: string | null;
}
export interface ActorPositionView {
  id: string;
  name: string;
  kind: ActorKind;
  group: ActorGroup | null;
  first: AssessmentView | null;
  current: AssessmentView | null;
  moved: boolean;
}
export interface FigureView {
  code: FigureCode;
  label: string;
  unit: 'percent' | 'count';
  value: number | null;
  numerator: number;
  denominator: number | null;
  study: { value: number; comparison: 'eq' | 'gt' } | null;
  target: { value: number; on: IsoDate } | null;
}
export interface DiagnosticView {
  roadmapId: string;
  on: IsoDate;
  thresholds: { matureFrom: number; ambitiousFrom: number };
  actors: ActorPositionView[];
  figures: FigureView[];
  firstAssessmentOn: IsoDate | null;
  lastAssessmentOn: IsoDate | null;
}
