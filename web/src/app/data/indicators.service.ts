import type { CreateIndicatorDto, CreateMeasurementDto, IndicatorView, UpdateIndicatorDto } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

const roadmapUrl = (id: string) => `${API_BASE}/roadmaps/${encodeURIComponent(id)}`;
const functionUrl = (roadmapId: string, functionId: string) => `${roadmapUrl(roadmapId)}/functions/${encodeURIComponent(functionId)}`;
const indicatorUrl = (id: string) => `${API_BASE}/indicators/${encodeURIComponent(id)}`;

/**
 * Data access for the functions' indicators (docs/indicators.md): read by every account, written by the
 * project lead and the function's owner. Errors come out as ApiRequestError (field errors in its body).
 */
@Injectable({ providedIn: 'root' })
export class IndicatorsService {
  private readonly http = inject(HttpClient);

  /** GET /api/roadmaps/:id/indicators — every indicator of the roadmap, in function order, then by name. */
  ofRoadmap(roadmapId: string): Observable<IndicatorView[]> {
    return this.http.get<IndicatorView[]>(`${roadmapUrl(roadmapId)}/indicators`).pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/functions/:functionId/indicators */
  ofFunction(roadmapId: string, functionId: string): Observable<IndicatorView[]> {
    return this.http.get<IndicatorView[]>(`${functionUrl(roadmapId, functionId)}/indicators`).pipe(catchApiError());
  }

  /** POST /api/roadmaps/:id/functions/:functionId/indicators — 201 with the indicator; 422 with the field at fault. */
  create(roadmapId: string, functionId: string, dto: CreateIndicatorDto): Observable<IndicatorView> {
    return this.http.post<IndicatorView>(`${functionUrl(roadmapId, functionId)}/indicators`, dto).pipe(catchApiError());
  }

  /** PATCH /api/indicators/:id — with the version read; 409 when it changed since. */
  update(id: string, dto: UpdateIndicatorDto): Observable<IndicatorView> {
    return this.http.patch<IndicatorView>(indicatorUrl(id), dto).pipe(catchApiError());
  }

  /** DELETE /api/indicators/:id — with its measurements. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(indicatorUrl(id)).pipe(catchApiError());
  }

  /** POST /api/indicators/:id/measurements — the indicator as it now is; 409 when one is recorded that day. */
  record(indicatorId: string, dto: CreateMeasurementDto): Observable<IndicatorView> {
    return this.http.post<IndicatorView>(`${indicatorUrl(indicatorId)}/measurements`, dto).pipe(catchApiError());
  }

  /** DELETE /api/measurements/:id */
  removeMeasurement(id: string): Observable<void> {
    return this.http.delete<void>(`${API_BASE}/measurements/${encodeURIComponent(id)}`).pipe(catchApiError());
  }
}
