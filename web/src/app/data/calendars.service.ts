import type { CalendarFeedView, CreateCalendarDto } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

const url = (id = ''): string => `${API_BASE}/calendars${id ? `/${encodeURIComponent(id)}` : ''}`;

/** Data access for the signed-in person's calendar feeds (iCalendar). Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class CalendarsService {
  private readonly http = inject(HttpClient);

  /** GET /api/calendars — mine, active ones first (never with their address). */
  list(): Observable<CalendarFeedView[]> {
    return this.http.get<CalendarFeedView[]>(url()).pipe(catchApiError());
  }

  /** POST /api/calendars — the new feed with its secret `url`, given this once only. */
  create(feed: CreateCalendarDto): Observable<CalendarFeedView> {
    return this.http.post<CalendarFeedView>(url(), feed).pipe(catchApiError());
  }

  /** DELETE /api/calendars/:id — 204; the address answers 404 from then on. */
  revoke(id: string): Observable<void> {
    return this.http.delete<void>(url(id)).pipe(catchApiError());
  }
}
