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
}
