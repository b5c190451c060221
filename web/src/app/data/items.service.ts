import type { ActionView, HistoryEntryView, MilestoneView } from '@jalons/contract';
import type { ActionStatus, IsoDate } from '@jalons/domain';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** PATCH /api/actions/:id — only the fields sent change; `version` is the one read. */
export interface ActionPatch {
  version: number;
  start?: IsoDate;
  due?: IsoDate;
  title?: string;
  description?: string;
  ownerId?: string | null;
  functionId?: string;
  comment?: string;
}

/** PUT /api/actions/:id/status */
export interface ActionStatusUpdate {
  version: number;
  status: ActionStatus;
  progress: number;
  comment?: string;
}

/** PATCH /api/milestones/:id — `achievedOn: null` marks it not achieved. */
export interface MilestonePatch {
  version: number;
  date?: IsoDate;
  achievedOn?: IsoDate | null;
  title?: string;
  comment?: string;
}

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

  /** Re-plan (start, due) or edit an action. */
  updateAction(id: string, patch: ActionPatch): Observable<ActionView> {
    return this.http.patch<ActionView>(url('actions', id), patch).pipe(catchApiError());
  }

  updateActionStatus(id: string, update: ActionStatusUpdate): Observable<ActionView> {
    return this.http.put<ActionView>(url('actions', id, '/status'), update).pipe(catchApiError());
  }

  milestone(id: string): Observable<MilestoneView> {
    return this.http.get<MilestoneView>(url('milestones', id)).pipe(catchApiError());
  }

  milestoneHistory(id: string): Observable<HistoryEntryView[]> {
    return this.http.get<HistoryEntryView[]>(url('milestones', id, '/history')).pipe(catchApiError());
  }

  updateMilestone(id: string, patch: MilestonePatch): Observable<MilestoneView> {
    return this.http.patch<MilestoneView>(url('milestones', id), patch).pipe(catchApiError());
  }
}
