import { ValidationPipe } from '@nestjs/common';
import type { ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { ApiFieldError } from '@jalons/contract';

import { ApiException } from './errors';

const notAccepted = (field: string) => `Le champ « ${field} » n’est pas accepté ici.`;

function flatten(errors: ValidationError[], prefix = ''): ApiFieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([kind, message]) => ({
      field,
      message: kind === 'whitelistValidation' ? notAccepted(field) : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Keys class-transformer drops without a word (it guards prototypes), so that whitelisting never sees them. */
const DROPPED_KEYS = new Set(['__proto__', 'constructor']);

/** Where such keys sit in a parsed body or query (its depth is bounded by jsonDepthGuard). */
function droppedKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const field = prefix ? `${prefix}.${key}` : key;
    return DROPPED_KEYS.has(key) ? [field] : droppedKeys((value as Record<string, unknown>)[key], field);
  });
}

/** Refuses `__proto__` and `constructor` keys like any other field the DTO does not have (ADR 0005), rather than ignoring them. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dropped = metadata.type === 'body' || metadata.type === 'query' ? droppedKeys(value) : [];
    if (dropped.length) throw ApiException.validation(dropped.map((field) => ({ field, message: notAccepted(field) })));
    return super.transform(value, metadata);
  }
}

/** Whitelisting, unknown fields refused, payloads turned into the DTO classes; errors in the API's one shape. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ApiException.validation(flatten(errors)),
  });
}
