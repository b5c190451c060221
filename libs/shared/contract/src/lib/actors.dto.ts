import { ACTOR_GROUPS, ACTOR_KINDS, ACTOR_NEEDS, ASSESSMENT_AXES, DATA_TYPES, SCORE_MAX, SCORE_MIN, TEXT_MAX } from '@jalons/domain';
import type { ActorGroup, ActorKind, ActorNeed, AssessmentAxis, DataType, FigureCode, FigureUnit, IsoDate } from '@jalons/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Max, Min, ValidateBy, ValidateNested } from 'class-validator';

import { IsIsoDate, IsOmittable, IsOptionalOrNull, IsText, IsUuidList, IsVersion } from './validation';

/*
 * The study's diagnostic (docs/diagnostic.md): a roadmap's actors, their assessments of maturity and
 * ambition, the figures computed from the register with the study's values and the lead's targets,
 * and the actors an action targets.
 */

/** The longest texts of the register, in characters. */
export const ACTOR_TEXT_MAX = Object.freeze({ name: 150, referent: 150, reason: 500, assessedBy: 150 });

const oneOf = (field: string, values: readonly string[]) => `${field} doit valoir l’un de : ${values.join(', ')}.`;
const listOf = (field: string, values: readonly string[]) => `${field} doit être une liste prise parmi : ${values.join(', ')}.`;
const scoreMessage = (field: string) => `${field} doit être une note entière de ${SCORE_MIN} à ${SCORE_MAX}.`;

function combine(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const d of decorators) d(target, key);
  };
}

/** A score of the map: a whole number from 1 to 5. */
function IsScore(field: string): PropertyDecorator {
  const message = scoreMessage(field);
  return combine(IsInt({ message }), Min(SCORE_MIN, { message }), Max(SCORE_MAX, { message }));
}

/** A list of codes taken from `values`, each at most once. */
function IsCodeList(field: string, values: readonly string[]): PropertyDecorator {
  const message = listOf(field, values);
  return combine(IsArray({ message }), ArrayMaxSize(values.length, { message }), IsIn(values, { each: true, message }));
}

/** A nested object, with a French message when it is not one (ValidateNested alone takes a list of them). */
function IsNested(field: string, what: string, cls: () => new () => object): PropertyDecorator {
  const message = `${field} doit être ${what}.`;
  const notList = ValidateBy({
    name: 'isNotList',
    validator: { validate: (v: unknown) => !Array.isArray(v), defaultMessage: () => message },
  });
  return combine(notList, ValidateNested({ message }), Type(cls));
}

export class GroupOverrideDto {
  @IsIn(ACTOR_GROUPS, { message: oneOf('group', ACTOR_GROUPS) })
  group!: ActorGroup;

  /** why the group differs from the one the scores give */
  @IsText(1, ACTOR_TEXT_MAX.reason, { message: `reason doit expliquer le choix du groupe en 1 à ${ACTOR_TEXT_MAX.reason} caractères.` })
  reason!: string;
}

/** The register's fields every write may send (the name and kind are added by each DTO). */
abstract class ActorFieldsDto {
  /** the data référent·e's name; null = none named */
  @IsOptionalOrNull()
  @IsText(1, ACTOR_TEXT_MAX.referent)
  referent?: string | null;

  /** the day the actor was met during the diagnostic; null = not met */
  @IsOptionalOrNull()
  @IsIsoDate()
  metOn?: IsoDate | null;

  /** took part in the co-construction workshop */
  @IsOmittable()
  @IsBoolean({ message: 'workshop doit valoir true ou false.' })
  workshop?: boolean;

  @IsOmittable()
  @IsCodeList('needs', ACTOR_NEEDS)
  needs?: ActorNeed[];

  @IsOmittable()
  @IsCodeList('dataTypes', DATA_TYPES)
  dataTypes?: DataType[];

  @IsOmittable()
  @IsBoolean({ message: 'personalData doit valoir true ou false.' })
  personalData?: boolean;

  @IsOmittable()
  @IsBoolean({ message: 'sensitiveData doit valoir true ou false.' })
  sensitiveData?: boolean;

  /** a group chosen by hand, with its reason; null = the group the latest assessment gives */
  @IsOptionalOrNull()
  @IsNested('groupOverride', 'un objet { group, reason } ou null', () => GroupOverrideDto)
  groupOverride?: GroupOverrideDto | null;
}

/** `POST /api/roadmaps/:id/actors` */
export class CreateActorDto extends ActorFieldsDto {
  @IsText(1, ACTOR_TEXT_MAX.name)
  name!: string;

  @IsIn(ACTOR_KINDS, { message: oneOf('kind', ACTOR_KINDS) })
  kind!: ActorKind;
}

/** `PATCH /api/actors/:id`: only the fields sent change. */
export class UpdateActorDto extends ActorFieldsDto {
  @IsVersion()
  version!: number;

  @IsOmittable()
  @IsText(1, ACTOR_TEXT_MAX.name)
  name?: string;

  @IsOmittable()
  @IsIn(ACTOR_KINDS, { message: oneOf('kind', ACTOR_KINDS) })
  kind?: ActorKind;
}

export interface AxisScores {
  maturity: number;
  ambition: number;
}

export class AxisScoresDto implements AxisScores {
  @IsScore('maturity')
  maturity!: number;

  @IsScore('ambition')
  ambition!: number;
}

/** The optional axes of an assessment; any other key is refused. */
export class AssessmentAxesDto implements Partial<Record<AssessmentAxis, AxisScores>> {
  @IsOmittable()
  @IsNested('strategie', 'un objet { maturity, ambition }', () => AxisScoresDto)
  strategie?: AxisScoresDto;

  @IsOmittable()
  @IsNested('gouvernance', 'un objet { maturity, ambition }', () => AxisScoresDto)
  gouvernance?: AxisScoresDto;

  @IsOmittable()
  @IsNested('competences', 'un objet { maturity, ambition }', () => AxisScoresDto)
  competences?: AxisScoresDto;

  @IsOmittable()
  @IsNested('outils', 'un objet { maturity, ambition }', () => AxisScoresDto)
  outils?: AxisScoresDto;

  @IsOmittable()
  @IsNested('donnees', 'un objet { maturity, ambition }', () => AxisScoresDto)
  donnees?: AxisScoresDto;
}

/** Only the axes of ASSESSMENT_AXES as keys (the nested DTO refuses the others too, field by field). */
function HasOnlyAxes(): PropertyDecorator {
  return ValidateBy({
    name: 'hasOnlyAxes',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' && value !== null && Object.keys(value).every((k) => (ASSESSMENT_AXES as readonly string[]).includes(k)),
      defaultMessage: () => `axes ne peut noter que les axes : ${ASSESSMENT_AXES.join(', ')}.`,
    },
  });
}

/** `POST /api/actors/:id/assessments` */
export class CreateAssessmentDto {
  @IsIsoDate()
  on!: IsoDate;

  @IsScore('maturity')
  maturity!: number;

  @IsScore('ambition')
  ambition!: number;

  /** scores by axis, each optional */
  @IsOmittable()
  @HasOnlyAxes()
  @IsNested('axes', 'un objet dont les clés sont des axes', () => AssessmentAxesDto)
  axes?: AssessmentAxesDto;

  /** who assessed (a name, not an account) */
  @IsText(1, ACTOR_TEXT_MAX.assessedBy)
  assessedBy!: string;

  @IsOptionalOrNull()
  @IsText(0, TEXT_MAX.comment)
  comment?: string | null;
}

/** `GET /api/roadmaps/:id/diagnostic?on=`: the day of the map (default: today in Europe/Paris). */
export class DiagnosticQueryDto {
  @IsOptional()
  @IsIsoDate()
  on?: IsoDate;
}

/** The largest target a count may have (a percent stops at 100): more than any register holds. */
export const FIGURE_TARGET_MAX = 100_000;

/** `PUT /api/roadmaps/:id/diagnostic/targets/:code`: a percent from 0 to 100, or a whole count from 0. */
export class FigureTargetDto {
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'value doit être un nombre (0 à 100 pour un pourcentage, entier pour un compte).' },
  )
  @Min(0, { message: 'value doit être positif ou nul.' })
  @Max(FIGURE_TARGET_MAX, { message: `value doit valoir au plus ${FIGURE_TARGET_MAX.toLocaleString('fr-FR')}.` })
  value!: number;

  /** the day the target should be reached */
  @IsIsoDate()
  on!: IsoDate;
}

/** `PUT /api/actions/:id/actors`: the whole list of actors the action targets (replaces the previous one). */
export class ActionTargetsDto {
  @IsUuidList(500, 'actorIds doit être une liste de 500 identifiants d’acteurs (UUID) au plus.')
  actorIds!: string[];
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

export interface ActorView {
  id: string;
  roadmapId: string;
  name: string;
  kind: ActorKind;
  /** the data référent·e's name; null = none named */
  referent: string | null;
  metOn: IsoDate | null;
  workshop: boolean;
  needs: ActorNeed[];
  dataTypes: DataType[];
  personalData: boolean;
  sensitiveData: boolean;
  /** effective today (Paris): the override, else the derived group */
  group: ActorGroup | null;
  /** from the latest assessment */
  derivedGroup: ActorGroup | null;
  groupOverride: { group: ActorGroup; reason: string } | null;
  latest: AssessmentView | null;
  assessmentCount: number;
  version: number;
}

export interface ActorDetailView extends ActorView {
  /** oldest first */
  assessments: AssessmentView[];
  /** the actions targeting it, by title */
  targetedBy: { id: string; title: string; functionId: string }[];
}

export interface ActorPositionView {
  id: string;
  name: string;
  kind: ActorKind;
  /** effective on the day asked */
  group: ActorGroup | null;
  first: AssessmentView | null;
  /** the latest on the day asked */
  current: AssessmentView | null;
  /** first ≠ current position */
  moved: boolean;
}

export interface FigureView {
  code: FigureCode;
  label: string;
  unit: FigureUnit;
  /** null for a percent of nobody */
  value: number | null;
  numerator: number;
  /** null for a count */
  denominator: number | null;
  /** the study's value (baseline) */
  study: { value: number; comparison: 'eq' | 'gt' } | null;
  /** the lead's target */
  target: { value: number; on: IsoDate } | null;
}

export interface DiagnosticView {
  roadmapId: string;
  on: IsoDate;
  thresholds: { matureFrom: number; ambitiousFrom: number };
  /** by name */
  actors: ActorPositionView[];
  figures: FigureView[];
  firstAssessmentOn: IsoDate | null;
  lastAssessmentOn: IsoDate | null;
}

export interface TargetActorView {
  id: string;
  name: string;
  kind: ActorKind;
  referent: string | null;
}
