import type { BaselineView, SCurveQueryDto, SCurveView } from '@jalons/contract';
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** Data access for progress over time (the S-curve, ADR 0020) and the baselines it may be read against. */
@Injectable({ providedIn: 'root' })
export class ProgressService {
  private readonly http = inject(HttpClient);

  /** GET /api/roadmaps/:id/s-curve?scope=&scopeId=&baseline= — expected against achieved progress, month by month. */
  sCurve(roadmapId: string, query: SCurveQueryDto = {}): Observable<SCurveView> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<SCurveView>(`${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/s-curve`, { params }).pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/baselines — the frozen plans, to read the curve or the report against one. */
  baselines(roadmapId: string): Observable<BaselineView[]> {
    return this.http.get<BaselineView[]>(`${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/baselines`).pipe(catchApiError());
  }
}
