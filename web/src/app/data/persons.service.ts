import type { PersonView } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** Data access for persons: whom an action or a milestone can be given to. Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class PersonsService {
  private readonly http = inject(HttpClient);

  /** GET /api/persons — the active accounts, by name. */
  list(): Observable<PersonView[]> {
    return this.http.get<PersonView[]>(`${API_BASE}/persons`).pipe(catchApiError());
  }
}
