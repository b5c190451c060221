import type { ApiError } from '@jalons/contract';
import { HttpErrorResponse } from '@angular/common/http';
import { Observable, catchError, throwError } from 'rxjs';

import { Translate, french } from '../i18n/i18n';

/** A failed API call, carrying the sentence to show (the API's `message`, in French, when it sent one). */
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
  return typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string';
}

/**
 * The sentence for a failure the API did not describe itself (no answer, no body), in the
 * language of `t` (French by default).
 */
function fallbackMessage(status: number, t: Translate): string {
  if (status === 0) return t('le serveur ne répond pas, vérifiez votre connexion.');
  if (status === -1) return t('erreur inattendue.');
  return t('le serveur a répondu par une erreur {status}.', { status });
}

/**
 * Turns whatever HttpClient threw into an ApiRequestError: the API's own (French) message when it
 * sent one, else a sentence of ours, in the language of `t` (pages pass theirs: `i18n.translate()`).
 */
export function toApiRequestError(err: unknown, t: Translate = french): ApiRequestError {
  if (err instanceof ApiRequestError) {
    // built in French by a data service: say it again in the page's language
    return err.body || t === french ? err : new ApiRequestError(fallbackMessage(err.status, t), err.status, null);
  }
  if (err instanceof HttpErrorResponse) {
    if (isApiError(err.error) && err.error.message.trim() !== '') {
      return new ApiRequestError(err.error.message, err.status, err.error);
    }
    return new ApiRequestError(fallbackMessage(err.status, t), err.status, null);
  }
  return new ApiRequestError(fallbackMessage(-1, t), -1, null);
}

/** RxJS operator: API errors come out as ApiRequestError. */
export function catchApiError<T>() {
  return (source: Observable<T>): Observable<T> => source.pipe(catchError((err: unknown) => throwError(() => toApiRequestError(err))));
}
