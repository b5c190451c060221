import type { NewRoadmapDto, RoadmapPreviewView, RoadmapSummaryView } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** Data access for new roadmaps from the kit (the API's roadmap-setup feature, project lead only). Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class RoadmapSetupService {
  private readonly http = inject(HttpClient);

  /** POST /api/roadmaps/preview — what the roadmap would be (phases, counts), nothing written; 409 when the slug is taken, 422 on a date. */
  preview(request: NewRoadmapDto): Observable<RoadmapPreviewView> {
    return this.http.post<RoadmapPreviewView>(`${API_BASE}/roadmaps/preview`, request).pipe(catchApiError());
  }

  /** POST /api/roadmaps — creates it from the kit, in one transaction. */
  create(request: NewRoadmapDto): Observable<RoadmapSummaryView> {
    return this.http.post<RoadmapSummaryView>(`${API_BASE}/roadmaps`, request).pipe(catchApiError());
  }
}
