import type { ChronogramView } from '@jalons/contract';
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

export type ExportFormat = 'xlsx' | 'csv';

/** Data access for the chronogram (everything a Gantt needs, in one call). Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class ChronogramService {
  private readonly http = inject(HttpClient);

  /**
   * GET /api/roadmaps/:id/chronogram[?functionId=][&baseline=] — the whole roadmap, or one of its
   * functions; with a baseline, its frozen dates of the items shown (`baseline`, ADR 0017).
   */
  get(roadmapId: string, functionId?: string | null, baselineId?: string | null): Observable<ChronogramView> {
    let params = new HttpParams();
    if (functionId) params = params.set('functionId', functionId);
    if (baselineId) params = params.set('baseline', baselineId);
    return this.http
      .get<ChronogramView>(`${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/chronogram`, { params })
      .pipe(catchApiError());
  }

  /** The URL of a roadmap's export (a file download: used as a plain link). */
  exportUrl(roadmapId: string, format: ExportFormat): string {
    return `${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/export?format=${format}`;
  }
}
