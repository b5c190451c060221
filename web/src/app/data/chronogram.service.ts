import { dependenciesAmong, rowsOf } from '@jalons/domain';
import type { ChronogramView, ChronogramWire } from '@jalons/contract';
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

export type ExportFormat = 'xlsx' | 'csv';

/** Data access for the chronogram (everything a Gantt needs, in one call). Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class ChronogramService {
  private readonly http = inject(HttpClient);

  /**
   * GET /api/roadmaps/:id/chronogram[?functionId=][&baseline=] — the whole roadmap, or one of its
   * functions; with a baseline, its frozen dates of the items shown (`baseline`, ADR 0017). The API
   * sends the lighter `ChronogramWire` (ADR 0034); callers get the `ChronogramView` it stands for.
   */
  get(roadmapId: string, functionId?: string | null, baselineId?: string | null): Observable<ChronogramView> {
    let params = new HttpParams();
    if (functionId) params = params.set('functionId', functionId);
    if (baselineId) params = params.set('baseline', baselineId);
    return this.http
      .get<ChronogramWire | ChronogramView>(`${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/chronogram`, { params })
      .pipe(map(chronogramFromWire), catchApiError());
  }

  /** The URL of a roadmap's export (a file download: used as a plain link). */
  exportUrl(roadmapId: string, format: ExportFormat): string {
    return `${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/export?format=${format}`;
  }
}

/**
 * The web app's one reading of the chronogram's wire (ADR 0034): the bars and milestones' tables
 * become objects and the arrows are rebuilt from the bars' predecessors, so every page keeps working
 * on `ChronogramView`. A body already in view form (the unit tests' test doubles flush views) passes
 * as it is.
 */
export function chronogramFromWire(body: ChronogramWire | ChronogramView): ChronogramView {
  if (Array.isArray(body.actions)) return body as ChronogramView;
  // as the contract's chronogramOf, which the web app does not import (it takes only types from the contract)
  const { roadmap, functions, persons, baseline } = body as ChronogramWire;
  const actions = rowsOf((body as ChronogramWire).actions);
  const milestones = rowsOf((body as ChronogramWire).milestones);
  const view: ChronogramView = { roadmap, functions, actions, milestones, dependencies: dependenciesAmong(actions), persons };
  if (baseline) view.baseline = baseline;
  return view;
}
