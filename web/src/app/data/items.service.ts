import type {
  ActionView,
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

/** Data access for actions and milestones: read, history, re-plan, status. Errors come out as ApiRequestError. */
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

  /** PATCH /api/milestones/:id — `achievedOn: null` marks it not achieved. */
  updateMilestone(id: string, patch: UpdateMilestoneDto): Observable<MilestoneView> {
    return this.http.patch<MilestoneView>(url('milestones', id), patch).pipe(catchApiError());
  }
}
