import type { BaselineSlipsView, BaselineView, CreateBaselineDto } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** What the freeze form sends: the contract's DTO, plus the decision cited once governance exists (issue 12). */
export type FreezeBaseline = CreateBaselineDto & { decisionId?: string };

const path = (...segments: string[]): string => `${API_BASE}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;

/** Data access for baselines (ADR 0017): list, freeze, slips, delete the latest. Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class BaselinesService {
  private readonly http = inject(HttpClient);

  /** GET /api/roadmaps/:id/baselines — newest first, for every reader. */
  list(roadmapId: string): Observable<BaselineView[]> {
    return this.http.get<BaselineView[]>(path('roadmaps', roadmapId, 'baselines')).pipe(catchApiError());
  }

  /** POST /api/roadmaps/:id/baselines — the lead freezes today's plan (label, decision); 400/422 with a message per field. */
  freeze(roadmapId: string, dto: FreezeBaseline): Observable<BaselineView> {
    return this.http.post<BaselineView>(path('roadmaps', roadmapId, 'baselines'), dto).pipe(catchApiError());
  }

  /** GET /api/baselines/:id/slips — each item against the baseline, with per-function and per-phase summaries. */
  slips(baselineId: string): Observable<BaselineSlipsView> {
    return this.http.get<BaselineSlipsView>(path('baselines', baselineId, 'slips')).pipe(catchApiError());
  }

  /** DELETE /api/baselines/:id — the latest only (422 on `id` otherwise), by the lead. */
  remove(baselineId: string): Observable<void> {
    return this.http.delete<void>(path('baselines', baselineId)).pipe(catchApiError());
  }
}
