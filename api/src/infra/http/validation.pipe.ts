import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { ApiFieldError } from '@jalons/contract';

import { ApiException } from './errors';

function flatten(errors: ValidationError[], prefix = ''): ApiFieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([kind, message]) => ({
      field,
      message: kind === 'whitelistValidation' ? `Le champ « ${field} » n’est pas accepté ici.` : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whitelisting, unknown fields refused, payloads turned into the DTO classes; errors in the API's one shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ApiException.validation(flatten(errors)),
  });
}
