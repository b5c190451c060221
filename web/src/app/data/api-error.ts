import type { ApiError } from '@jalons/contract';
import { HttpErrorResponse } from '@angular/common/http';
import { Observable, catchError, throwError } from 'rxjs';

/** A failed API call, carrying the French sentence to show (the API's `message` when it sent one). */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status, 0 when the server could not be reached */
    readonly status: number,
    /** the API's error body, when it sent one */
    readonly body: ApiError | null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

function isApiError(body: unknown): body is ApiError {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { message?: unknown }).message === 'string'
  );
}

/** Turns whatever HttpClient threw into an ApiRequestError with a French message. */
export function toApiRequestError(err: unknown): ApiRequestError {
  if (err instanceof ApiRequestError) return err;
  if (err instanceof HttpErrorResponse) {
    if (isApiError(err.error) && err.error.message.trim() !== '') {
      return new ApiRequestError(err.error.message, err.status, err.error);
    }
    if (err.status === 0) {
      return new ApiRequestError(
        'le serveur ne répond pas, vérifiez votre connexion.',
        0,
        null,
      );
    }
    return new ApiRequestError(
      `le serveur a répondu par une erreur ${err.status}.`,
      err.status,
      null,
    );
  }
  return new ApiRequestError('erreur inattendue.', -1, null);
}

/** RxJS operator: API errors come out as ApiRequestError. */
export function catchApiError<T>() {
  return (source: Observable<T>): Observable<T> =>
    source.pipe(
      catchError((err: unknown) => throwError(() => toApiRequestError(err))),
    );
}
