import { isIsoDate } from '@jalons/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import type { ValidationOptions } from 'class-validator';

/** Years a roadmap can sensibly use; also keeps dates PostgreSQL can store. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** A calendar day written 'YYYY-MM-DD' (29 February only in leap years), between 1900 and 2999. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value) && Number(value.slice(0, 4)) >= MIN_YEAR && Number(value.slice(0, 4)) <= MAX_YEAR,
        defaultMessage: () => '$property doit être une date du calendrier au format AAAA-MM-JJ (années 1900 à 2999).',
      },
    },
    options,
  );
}

function combine(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const d of decorators) d(target, key);
  };
}

/**
 * A text field: trimmed before it is checked, `min` to `max` characters counted as PostgreSQL
 * counts them (code points), no NUL character (PostgreSQL cannot store it), no lone surrogate
 * (half of a character: it would be stored as « � »).
 */
export function IsText(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  const message =
    min > 0 ? `$property doit être un texte de ${min} à ${max} caractères.` : `$property doit être un texte de ${max} caractères au plus.`;
  return combine(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    ValidateBy(
      {
        name: 'isText',
        validator: {
          validate: (value: unknown) => {
            if (typeof value !== 'string' || value.includes('\u0000')) return false;
            const chars = [...value];
            // a lone surrogate: a char of one code unit in the surrogates' range (a pair is one char of two)
            if (chars.some((c) => c.length === 1 && c >= '\uD800' && c <= '\uDFFF')) return false;
            return chars.length >= min && chars.length <= max;
          },
          defaultMessage: () => message,
        },
      },
      options,
    ),
  );
}

/** A list of at most `max` distinct-or-not UUIDs. */
export function IsUuidList(max: number, message: string): PropertyDecorator {
  return combine(IsArray({ message }), ArrayMaxSize(max, { message }), IsUUID('all', { each: true, message }));
}

/** French messages for the class-validator constraints the contract uses. */
export const VALIDATION_MESSAGES = {
  uuid: '$property doit être un identifiant (UUID).',
  version: 'version doit être le numéro de version entier lu avec l’élément (pour éviter d’écraser une modification concurrente).',
  progress: 'progress doit être un entier de 0 à 100.',
  status: (values: readonly string[]) => `status doit valoir l’un de : ${values.join(', ')}.`,
} as const;

/*
 * Validator bundles the DTOs repeat (Immich's `validation.ts` style): one name per kind of field.
 */

/** The version read with the item (optimistic locking): a whole number from 1. */
export function IsVersion(): PropertyDecorator {
  return combine(IsInt({ message: VALIDATION_MESSAGES.version }), Min(1, { message: VALIDATION_MESSAGES.version }));
}

/** A percentage of progress: a whole number from 0 to 100. */
export function IsProgress(): PropertyDecorator {
  const message = VALIDATION_MESSAGES.progress;
  return combine(IsInt({ message }), Min(0, { message }), Max(100, { message }));
}

/** An identifier (UUID), with the contract's French message. */
export function IsId(): PropertyDecorator {
  return IsUUID('all', { message: VALIDATION_MESSAGES.uuid });
}

/**
 * May be omitted, but not null: a value sent, null included, is checked by the decorators listed
 * after it. For the fields of a change (`PATCH`) that have no "none" (class-validator's `IsOptional`
 * lets null through, and a null then reaches a column that cannot hold it).
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_, v) => v !== undefined);
}

/** May be omitted or null; otherwise checked by the decorators listed after it. */
export function IsOptionalOrNull(): PropertyDecorator {
  return combine(
    IsOptional(),
    ValidateIf((_, v) => v !== null),
  );
}
