import { ParseUUIDPipe } from '@nestjs/common';

import { ApiException } from './errors';

/** A path id that must be a UUID: anything else is a 400 naming the parameter. */
export const uuid = (name: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      ApiException.validation([{ field: name, message: `${name} doit être un identifiant (UUID).` }], 'Identifiant mal formé.'),
  });
