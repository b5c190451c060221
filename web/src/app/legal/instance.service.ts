import type { PublicInstanceView } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from '../data/api-error';
import { API_BASE } from '../data/roadmaps.service';

/** Data access for the legal pages: no account needed. Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class InstanceService {
  private readonly http = inject(HttpClient);

  /** GET /api/public/instance — the instance's editor, retention periods and accessibility status. */
  instance(): Observable<PublicInstanceView> {
    return this.http.get<PublicInstanceView>(`${API_BASE}/public/instance`).pipe(catchApiError());
  }
}
