import type {
  CarryOverDto,
  CarryOverView,
  FunctionWithRollUpView,
  PhasePlanView,
  UpdateFunctionDto,
  UpdatePhasesDto,
} from '@jalons/contract';
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

const roadmapUrl = (id: string) => `${API_BASE}/roadmaps/${encodeURIComponent(id)}`;
const dryRun = (value: boolean) => new HttpParams().set('dryRun', String(value));

/** Data access for the project lead's planning (ADR 0013). Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class PlanningService {
  private readonly http = inject(HttpClient);

  /** PATCH /api/roadmaps/:id/functions/:functionId — description, référent·e, colour, volets; 409 on a stale version. */
  updateFunction(roadmapId: string, functionId: string, dto: UpdateFunctionDto): Observable<FunctionWithRollUpView> {
    return this.http
      .patch<FunctionWithRollUpView>(`${roadmapUrl(roadmapId)}/functions/${encodeURIComponent(functionId)}`, dto)
      .pipe(catchApiError());
  }

  /** PUT /api/roadmaps/:id/phases?dryRun= — the items whose phase changes; applied only when `check` is false. */
  phases(roadmapId: string, dto: UpdatePhasesDto, check: boolean): Observable<PhasePlanView> {
    return this.http.put<PhasePlanView>(`${roadmapUrl(roadmapId)}/phases`, dto, { params: dryRun(check) }).pipe(catchApiError());
  }

  /** POST /api/roadmaps/:id/carry-over?dryRun= — where the copies would fall; written only when `check` is false. */
  carryOver(roadmapId: string, dto: CarryOverDto, check: boolean): Observable<CarryOverView> {
    return this.http.post<CarryOverView>(`${roadmapUrl(roadmapId)}/carry-over`, dto, { params: dryRun(check) }).pipe(catchApiError());
  }
}
