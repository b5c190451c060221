import type { DiagnosticView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from '../data/api-error';
import { API_BASE } from '../data/roadmaps.service';

/**
 * Reads a roadmap's diagnostic (the actors' positions on the maturity × ambition map and the study's figures) for a
 * day. GET only: the register's writes live in data/actors.service.ts. Errors come out as ApiRequestError.
 */
@Injectable({ providedIn: 'root' })
export class DiagnosticService {
  private readonly http = inject(HttpClient);

  /** GET /api/roadmaps/:id/diagnostic?on=YYYY-MM-DD — without `on`, the API answers for today (Paris). */
  diagnostic(roadmapId: string, on?: IsoDate | null): Observable<DiagnosticView> {
    const params: Record<string, string> = on ? { on } : {};
    return this.http
      .get<DiagnosticView>(`${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/diagnostic`, { params })
      .pipe(catchApiError());
  }
}
