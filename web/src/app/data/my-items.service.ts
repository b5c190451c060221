import type { MyItemsView } from '@jalons/contract';
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** Data access for « Mes échéances ». Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class MyItemsService {
  private readonly http = inject(HttpClient);

  /** GET /api/me/items[?within=N] — one's open actions and milestones, by roadmap, the late ones first. */
  get(within?: number | null): Observable<MyItemsView> {
    let params = new HttpParams();
    if (within !== null && within !== undefined) params = params.set('within', within);
    return this.http.get<MyItemsView>(`${API_BASE}/me/items`, { params }).pipe(catchApiError());
  }
}
