import type {
  FunctionWithRollUpView,
  RoadmapDetailView,
  RoadmapSummaryView,
} from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';

/** The API serves under /api on the same origin (the dev server proxies it, see web/proxy.conf.json). */
export const API_BASE = '/api';

/** Data access for the roadmaps feature of the API. Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class RoadmapsService {
  private readonly http = inject(HttpClient);

  /** GET /api/roadmaps */
  list(): Observable<RoadmapSummaryView[]> {
    return this.http
      .get<RoadmapSummaryView[]>(`${API_BASE}/roadmaps`)
      .pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id — phases with their roll-ups, computed for today (Europe/Paris). */
  get(id: string): Observable<RoadmapDetailView> {
    return this.http
      .get<RoadmapDetailView>(`${API_BASE}/roadmaps/${encodeURIComponent(id)}`)
      .pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/functions — the target functions with their roll-ups. */
  functions(id: string): Observable<FunctionWithRollUpView[]> {
    return this.http
      .get<
        FunctionWithRollUpView[]
      >(`${API_BASE}/roadmaps/${encodeURIComponent(id)}/functions`)
      .pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/functions/:functionId — one function with its roll-ups. */
  function(id: string, functionId: string): Observable<FunctionWithRollUpView> {
    return this.http
      .get<FunctionWithRollUpView>(
        `${API_BASE}/roadmaps/${encodeURIComponent(id)}/functions/${encodeURIComponent(functionId)}`,
      )
      .pipe(catchApiError());
  }
}
