import { checkIndicatorLine, INDICATOR_BOUNDS, INDICATOR_DIRECTIONS, isIsoDate, todayInParis, formatFrDate } from '@jalons/domain';
import type { IndicatorDirection, IndicatorHealth, IsoDate } from '@jalons/domain';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateBy } from 'class-validator';
import type { ValidationArguments } from 'class-validator';

import { IsIsoDate, IsOmittable, IsOptionalOrNull, IsText, IsVersion } from './validation';
import type { PersonView } from './views';

/*
 * Indicators per function (docs/indicators.md): what a function measures from a baseline to a
 * target, and the measurements recorded on the way.
 */

/** One measurement of an indicator. */
export interface MeasurementView {
  id: string;
  indicatorId: string;
  on: IsoDate;
  value: number;
  comment: string | null;
  /** where the value comes from (http or https) */
  sourceUrl: string | null;
  /** who recorded it (name only); null once that account is gone */
  recordedBy: PersonView | null;
}

export interface IndicatorView {
  id: string;
  functionId: string;
  functionName: string;
  name: string;
  /** « % », « jeux de données », « € »… */
  unit: string;
  direction: IndicatorDirection;
  baseline: { on: IsoDate; value: number };
  target: { on: IsoDate; value: number };
  /** oldest first */
  measurements: MeasurementView[];
  latest: MeasurementView | null;
  /** the value expected today on the line from baseline to target */
  expected: number;
  /** today, with the roadmap's `indicatorStaleDays` (see the domain's `indicatorHealth`) */
  health: IndicatorHealth;
  version: number;
}

const { name: NAME_MAX, unit: UNIT_MAX, comment: COMMENT_MAX, sourceUrl: URL_MAX, value: VALUE_MAX } = INDICATOR_BOUNDS;

/** A finite number between −1e12 and 1e12 (what the database keeps, to 4 decimals). */
function IsIndicatorValue(field: string): PropertyDecorator {
  const message = `${field} doit être un nombre (au plus ${VALUE_MAX.toLocaleString('fr-FR')} en valeur absolue).`;
  return ValidateBy({
    name: 'isIndicatorValue',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= VALUE_MAX,
      defaultMessage: () => message,
    },
  });
}

/**
 * The rule of `checkIndicatorLine` on the field it names, when the body carries the whole line
 * (creation): a target date after the baseline date, a target value on the side of the direction.
 * An update is checked against the stored indicator by the API (422).
 */
function FitsLine(field: 'targetOn' | 'targetValue'): PropertyDecorator {
  const broken = (o: Partial<CreateIndicatorDto>) => {
    if (!isIsoDate(o.baselineOn) || !isIsoDate(o.targetOn) || typeof o.baselineValue !== 'number') return undefined;
    if (typeof o.targetValue !== 'number' || !INDICATOR_DIRECTIONS.includes(o.direction as IndicatorDirection)) return undefined;
    return checkIndicatorLine(o as CreateIndicatorDto).find((v) => v.field === field);
  };
  return ValidateBy({
    name: 'fitsIndicatorLine',
    validator: {
      validate: (_: unknown, args?: ValidationArguments) => !broken(args?.object as Partial<CreateIndicatorDto>),
      defaultMessage: (args?: ValidationArguments) => broken(args?.object as Partial<CreateIndicatorDto>)?.message ?? '',
    },
  });
}

/** A measurement's day: a calendar day, not after today in Europe/Paris. */
function IsPastOrToday(): PropertyDecorator {
  return ValidateBy({
    name: 'isPastOrToday',
    validator: {
      validate: (value: unknown) => !isIsoDate(value) || value <= todayInParis(),
      defaultMessage: () => `on ne peut pas être après aujourd’hui (${formatFrDate(todayInParis())}).`,
    },
  });
}

/** A web address (http or https only), at most 500 characters. */
function IsSourceUrl(): PropertyDecorator {
  const message = `sourceUrl doit être une adresse web commençant par http:// ou https:// (${URL_MAX} caractères au plus).`;
  return ValidateBy({
    name: 'isSourceUrl',
    validator: {
      validate: (value: unknown) => {
        // the scheme as the table's check reads it (the URL parser also takes HTTPS://, https:/x, http:x)
        if (typeof value !== 'string' || value.length > URL_MAX || /\s/.test(value) || !/^https?:\/\//.test(value)) return false;
        try {
          const url = new URL(value);
          return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
        } catch {
          return false;
        }
      },
      defaultMessage: () => message,
    },
  });
}

const DIRECTION_MESSAGE = `direction doit valoir l’un de : ${INDICATOR_DIRECTIONS.join(', ')} (à la hausse, à la baisse).`;

/** `POST /api/roadmaps/:id/functions/:functionId/indicators` */
export class CreateIndicatorDto {
  @IsText(1, NAME_MAX)
  name!: string;

  @IsText(1, UNIT_MAX)
  unit!: string;

  @IsIn(INDICATOR_DIRECTIONS, { message: DIRECTION_MESSAGE })
  direction!: IndicatorDirection;

  @IsIsoDate()
  baselineOn!: IsoDate;

  @IsIndicatorValue('baselineValue')
  baselineValue!: number;

  /** after baselineOn */
  @IsIsoDate()
  @FitsLine('targetOn')
  targetOn!: IsoDate;

  /** different from baselineValue, above it going up, below it going down */
  @IsIndicatorValue('targetValue')
  @FitsLine('targetValue')
  targetValue!: number;
}

/** `PATCH /api/indicators/:id`: only the fields sent change; the line they make is checked whole (422). */
export class UpdateIndicatorDto {
  @IsVersion()
  version!: number;

  @IsOmittable()
  @IsText(1, NAME_MAX)
  name?: string;

  @IsOmittable()
  @IsText(1, UNIT_MAX)
  unit?: string;

  @IsOmittable()
  @IsIn(INDICATOR_DIRECTIONS, { message: DIRECTION_MESSAGE })
  direction?: IndicatorDirection;

  @IsOmittable()
  @IsIsoDate()
  baselineOn?: IsoDate;

  @IsOmittable()
  @IsIndicatorValue('baselineValue')
  baselineValue?: number;

  @IsOmittable()
  @IsIsoDate()
  targetOn?: IsoDate;

  @IsOmittable()
  @IsIndicatorValue('targetValue')
  targetValue?: number;
}

/** `POST /api/indicators/:id/measurements`: one per indicator and day. */
export class CreateMeasurementDto {
  /** not after today (Paris); not before the indicator's baseline date (422) */
  @IsIsoDate()
  @IsPastOrToday()
  on!: IsoDate;

  @IsIndicatorValue('value')
  value!: number;

  @IsOptionalOrNull()
  @IsText(0, COMMENT_MAX)
  comment?: string | null;

  @IsOptionalOrNull()
  @IsSourceUrl()
  sourceUrl?: string | null;
}

/** `DELETE /api/indicators/:id?version=`: with the version read, a deletion is refused (409) when the indicator changed since. */
export class IndicatorDeleteQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsVersion()
  version?: number;
}
