import type { NotificationsView } from '@jalons/contract';
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

const NOTIFICATIONS = `${API_BASE}/notifications`;

/** Data access for the signed-in person's reminders (the bell). Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class NotificationsService {
  private readonly http = inject(HttpClient);

  /** GET /api/notifications?limit=N — the unread count, and the latest reminders, unread first (limit 1–200). */
  list(limit: number): Observable<NotificationsView> {
    return this.http
      .get<NotificationsView>(NOTIFICATIONS, {
        params: new HttpParams().set('limit', String(limit)),
      })
      .pipe(catchApiError());
  }

  /** POST /api/notifications/:id/read — 204; reading it again changes nothing. */
  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${NOTIFICATIONS}/${encodeURIComponent(id)}/read`, null).pipe(catchApiError());
  }

  /** POST /api/notifications/read-all — 204. */
  markAllRead(): Observable<void> {
    return this.http.post<void>(`${NOTIFICATIONS}/read-all`, null).pipe(catchApiError());
  }
}
