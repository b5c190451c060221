import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiError, ApiFieldError } from '@jalons/contract';

/** A 4xx carrying the API's one error body. Services throw these; the filter writes them as they are. */
export class ApiException extends HttpException {
  constructor(body: Omit<ApiError, 'requestId'>) {
    super(body, body.statusCode);
  }

  static notFound(what: string, id: string): ApiException {
    return new ApiException({ statusCode: HttpStatus.NOT_FOUND, error: 'not_found', message: `${what} ${id} n’existe pas.` });
  }

  static validation(errors: ApiFieldError[], message = 'La requête contient des champs invalides.'): ApiException {
    return new ApiException({ statusCode: HttpStatus.BAD_REQUEST, error: 'validation_failed', message, errors });
  }

  /** A rule of the domain broken by an otherwise well-formed request. */
  static rule(errors: ApiFieldError[]): ApiException {
    return new ApiException({
      statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
      error: 'rule_broken',
      message: errors.map((e) => e.message).join(' '),
      errors,
    });
  }

  static conflict(currentVersion: number, what = 'Cet élément'): ApiException {
    return new ApiException({
      statusCode: HttpStatus.CONFLICT,
      error: 'version_conflict',
      message: `${what} a changé entre-temps (version ${currentVersion}). Rechargez la page puis refaites votre modification.`,
      errors: [{ field: 'version', message: `La version à jour est ${currentVersion}.` }],
      currentVersion,
    });
  }

  /** 401: no session, or it ended. */
  static unauthenticated(message = 'Connectez-vous pour accéder à Jalons (ou votre session a expiré).'): ApiException {
    return new ApiException({ statusCode: HttpStatus.UNAUTHORIZED, error: 'unauthenticated', message });
  }

  /** 403: signed in, but the role may not do this. */
  static forbidden(message = 'Votre rôle ne permet pas cette opération.', error = 'forbidden'): ApiException {
    return new ApiException({ statusCode: HttpStatus.FORBIDDEN, error, message });
  }

  /** 429 with the number of seconds to wait (also sent as Retry-After). */
  static tooMany(retryAfterSeconds: number, message: string): ApiException {
    return new ApiException({ statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'too_many_attempts', message, retryAfterSeconds });
  }

  /** 410: a one-time link that has served or expired. */
  static gone(error: 'token_used' | 'token_expired', message: string): ApiException {
    return new ApiException({ statusCode: HttpStatus.GONE, error, message });
  }
}
