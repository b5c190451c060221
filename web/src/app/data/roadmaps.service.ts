import type {
  ActionFilterDto,
  ActionView,
  FunctionWithRollUpView,
  MilestoneFilterDto,
  MilestoneView,
  RecentChangeView,
  RoadmapDetailView,
  RoadmapSettingsDto,
  RoadmapSummaryView,
} from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';

/** Query parameters from a filter, leaving out what is not set; lists go comma-separated. */
function toParams(filter: Readonly<Record<string, string | boolean | readonly string[] | undefined>>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    params = params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}

/** The API serves under /api on the same origin (the dev server proxies it, see web/proxy.conf.json). */
export const API_BASE = '/api';

/** Data access for the roadmaps feature of the API. Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class RoadmapsService {
  private readonly http = inject(HttpClient);

  /** GET /api/roadmaps */
  list(): Observable<RoadmapSummaryView[]> {
    return this.http.get<RoadmapSummaryView[]>(`${API_BASE}/roadmaps`).pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id[?at=] — phases with their roll-ups, computed for today (Europe/Paris) or the day `at`. */
  get(id: string, at?: IsoDate): Observable<RoadmapDetailView> {
    return this.http
      .get<RoadmapDetailView>(`${API_BASE}/roadmaps/${encodeURIComponent(id)}`, { params: toParams({ at }) })
      .pipe(catchApiError());
  }

  /** PATCH /api/roadmaps/:id/settings — the public page, the reminder rules (project lead); 409 on a stale version. */
  updateSettings(id: string, settings: RoadmapSettingsDto): Observable<RoadmapSummaryView> {
    return this.http.patch<RoadmapSummaryView>(`${API_BASE}/roadmaps/${encodeURIComponent(id)}/settings`, settings).pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/functions[?at=] — the target functions with their roll-ups (today, or the day `at`). */
  functions(id: string, at?: IsoDate): Observable<FunctionWithRollUpView[]> {
    return this.http
      .get<FunctionWithRollUpView[]>(`${API_BASE}/roadmaps/${encodeURIComponent(id)}/functions`, { params: toParams({ at }) })
      .pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/functions/:functionId — one function with its roll-ups. */
  function(id: string, functionId: string): Observable<FunctionWithRollUpView> {
    return this.http
      .get<FunctionWithRollUpView>(`${API_BASE}/roadmaps/${encodeURIComponent(id)}/functions/${encodeURIComponent(functionId)}`)
      .pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/actions — the actions (with `overdue`, computed for today), filtered. */
  actions(id: string, filter: ActionFilterDto = {}): Observable<ActionView[]> {
    return this.http
      .get<ActionView[]>(`${API_BASE}/roadmaps/${encodeURIComponent(id)}/actions`, {
        params: toParams({ ...filter }),
      })
      .pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/milestones — the milestones (with their state for today), filtered. */
  milestones(id: string, filter: MilestoneFilterDto = {}): Observable<MilestoneView[]> {
    return this.http
      .get<MilestoneView[]>(`${API_BASE}/roadmaps/${encodeURIComponent(id)}/milestones`, { params: toParams({ ...filter }) })
      .pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/changes?limit=N — the latest changes, newest first (limit 1–100). */
  changes(id: string, limit = 20): Observable<RecentChangeView[]> {
    return this.http
      .get<RecentChangeView[]>(`${API_BASE}/roadmaps/${encodeURIComponent(id)}/changes`, { params: toParams({ limit: String(limit) }) })
      .pipe(catchApiError());
  }
}
