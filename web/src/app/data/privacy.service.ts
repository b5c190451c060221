import type { AccountView, AnonymiseAccountDto } from '@jalons/contract';
import { HttpClient, HttpErrorResponse, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, from, map, switchMap, throwError } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** The file « Mes données » saves, and its name as the API gives it. */
export interface PersonalDataFile {
  blob: Blob;
  filename: string;
}

/** The file name in a Content-Disposition header (`attachment; filename="…"`), or `fallback`. */
export function filenameOf(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/** A Blob's text, through FileReader (which every browser, and jsdom, has). */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** A refusal asked as a Blob carries its JSON body as a Blob: read back, so that its message can be shown. */
function jsonErrorBody(err: unknown): Observable<never> {
  if (!(err instanceof HttpErrorResponse) || !(err.error instanceof Blob)) return throwError(() => err);
  return from(blobText(err.error)).pipe(
    switchMap((body) => {
      let error: unknown = body;
      try {
        error = JSON.parse(body);
      } catch {
        // not JSON: kept as text
      }
      return throwError(
        () =>
          new HttpErrorResponse({ error, headers: err.headers, status: err.status, statusText: err.statusText, url: err.url ?? undefined }),
      );
    }),
  );
}

/** Data access for personal data rights (issue 13, ADR 0027). Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class PrivacyService {
  private readonly http = inject(HttpClient);

  /** GET /api/account/data — my own data as a JSON file. */
  myData(): Observable<PersonalDataFile> {
    return this.http.get(`${API_BASE}/account/data`, { observe: 'response', responseType: 'blob' }).pipe(
      map((res: HttpResponse<Blob>) => ({
        blob: res.body ?? new Blob([], { type: 'application/json' }),
        filename: filenameOf(res.headers.get('Content-Disposition'), 'mes-donnees-jalons.json'),
      })),
      catchError(jsonErrorBody),
      catchApiError(),
    );
  }

  /** POST /api/accounts/:id/anonymise — an administrator anonymises a departed person's account (with the version read). */
  anonymise(id: string, version: number): Observable<AccountView> {
    return this.http
      .post<AccountView>(`${API_BASE}/accounts/${encodeURIComponent(id)}/anonymise`, { version } satisfies AnonymiseAccountDto)
      .pipe(catchApiError());
  }
}
