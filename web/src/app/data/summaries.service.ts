import type { MonthlySummaryDto, MonthlySummaryView } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

const URL = `${API_BASE}/account/summary`;

/** Data access for the signed-in person's monthly summary by e-mail (ADR 0022). Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class SummariesService {
  private readonly http = inject(HttpClient);

  /** GET /api/account/summary — whether I receive it (elected officials do unless they said no). */
  get(): Observable<MonthlySummaryView> {
    return this.http.get<MonthlySummaryView>(URL).pipe(catchApiError());
  }

  /** PUT /api/account/summary — my own choice. */
  save(enabled: boolean): Observable<MonthlySummaryView> {
    return this.http.put<MonthlySummaryView>(URL, { enabled } satisfies MonthlySummaryDto).pipe(catchApiError());
  }
}
