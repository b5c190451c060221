import type { PublicRoadmapSummaryView, PublicRoadmapView } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** Data access for the public pages (no account needed, no personal data). Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class PublicRoadmapsService {
  private readonly http = inject(HttpClient);

  /** GET /api/public/roadmaps — the roadmaps whose public page is on. */
  list(): Observable<PublicRoadmapSummaryView[]> {
    return this.http.get<PublicRoadmapSummaryView[]>(`${API_BASE}/public/roadmaps`).pipe(catchApiError());
  }

  /** GET /api/public/roadmaps/:slug — 404 when the page is off or the slug unknown. */
  get(slug: string): Observable<PublicRoadmapView> {
    return this.http.get<PublicRoadmapView>(`${API_BASE}/public/roadmaps/${encodeURIComponent(slug)}`).pipe(catchApiError());
  }
}
