import type { ImportPlanView } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** Data access for the import feature of the API. Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class ImportService {
  private readonly http = inject(HttpClient);

  /**
   * POST /api/roadmaps/:id/import (multipart, field `file`): `dryRun` answers the plan and writes
   * nothing; otherwise the plan is applied, all or nothing (422 when a row is refused, 409 on a conflict).
   */
  run(roadmapId: string, file: File, dryRun: boolean): Observable<ImportPlanView> {
    const form = new FormData();
    form.append('file', file, file.name);
    const params: Record<string, string> = dryRun ? { dryRun: 'true' } : {};
    return this.http
      .post<ImportPlanView>(`${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/import`, form, { params })
      .pipe(catchApiError());
  }
}
