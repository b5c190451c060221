import type {
  ActionView,
  AddDependencyDto,
  CreateActionDto,
  CreateMilestoneDto,
  HistoryEntryView,
  MilestoneView,
  UpdateActionDto,
  UpdateActionStatusDto,
  UpdateMilestoneDto,
} from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

const url = (kind: 'actions' | 'milestones', id: string, tail = ''): string => `${API_BASE}/${kind}/${encodeURIComponent(id)}${tail}`;

/** Data access for actions and milestones: read, history, create, edit, re-plan, status, dependencies. Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class ItemsService {
  private readonly http = inject(HttpClient);

  action(id: string): Observable<ActionView> {
    return this.http.get<ActionView>(url('actions', id)).pipe(catchApiError());
  }

  actionHistory(id: string): Observable<HistoryEntryView[]> {
    return this.http.get<HistoryEntryView[]>(url('actions', id, '/history')).pipe(catchApiError());
  }

  /** PATCH /api/actions/:id — re-plan (start, due) or edit an action; only the fields sent change, `version` is the one read. */
  updateAction(id: string, patch: UpdateActionDto): Observable<ActionView> {
    return this.http.patch<ActionView>(url('actions', id), patch).pipe(catchApiError());
  }

  /** POST /api/roadmaps/:id/actions — 422 with `errors[].field` when a rule is broken, 403 outside one's functions. */
  createAction(roadmapId: string, action: CreateActionDto): Observable<ActionView> {
    return this.http.post<ActionView>(`${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/actions`, action).pipe(catchApiError());
  }

  /** POST /api/actions/:id/dependencies — `predecessorId` comes before this action; a cycle is refused (422). */
  addDependency(id: string, dependency: AddDependencyDto): Observable<ActionView> {
    return this.http.post<ActionView>(url('actions', id, '/dependencies'), dependency).pipe(catchApiError());
  }

  /** DELETE /api/actions/:id/dependencies/:predecessorId?version= */
  removeDependency(id: string, predecessorId: string, version: number): Observable<ActionView> {
    return this.http
      .delete<ActionView>(url('actions', id, `/dependencies/${encodeURIComponent(predecessorId)}`), { params: { version } })
      .pipe(catchApiError());
  }

  /** PUT /api/actions/:id/status — status, progress, a comment. */
  updateActionStatus(id: string, update: UpdateActionStatusDto): Observable<ActionView> {
    return this.http.put<ActionView>(url('actions', id, '/status'), update).pipe(catchApiError());
  }

  milestone(id: string): Observable<MilestoneView> {
    return this.http.get<MilestoneView>(url('milestones', id)).pipe(catchApiError());
  }

  milestoneHistory(id: string): Observable<HistoryEntryView[]> {
    return this.http.get<HistoryEntryView[]>(url('milestones', id, '/history')).pipe(catchApiError());
  }

  /** POST /api/roadmaps/:id/milestones */
  createMilestone(roadmapId: string, milestone: CreateMilestoneDto): Observable<MilestoneView> {
    return this.http
      .post<MilestoneView>(`${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/milestones`, milestone)
      .pipe(catchApiError());
  }

  /** PATCH /api/milestones/:id — `achievedOn: null` marks it not achieved. */
  updateMilestone(id: string, patch: UpdateMilestoneDto): Observable<MilestoneView> {
    return this.http.patch<MilestoneView>(url('milestones', id), patch).pipe(catchApiError());
  }
}
