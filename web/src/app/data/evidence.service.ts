import type { CreateEvidenceDto, EvidenceView } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** The kinds of item a link proves. */
export type EvidenceItemType = 'action' | 'milestone';

const ITEMS: Record<EvidenceItemType, string> = { action: 'actions', milestone: 'milestones' };
const path = (...segments: string[]): string => `${API_BASE}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;

/** Data access for proof links on actions and milestones (docs/evidence.md). Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class EvidenceService {
  private readonly http = inject(HttpClient);

  /** GET /api/actions/:id/evidence, /api/milestones/:id/evidence — newest first. */
  list(itemType: EvidenceItemType, itemId: string): Observable<EvidenceView[]> {
    return this.http.get<EvidenceView[]>(path(ITEMS[itemType], itemId, 'evidence')).pipe(catchApiError());
  }

  /** POST …/evidence — the item's writers; 400 with a message per field. */
  add(itemType: EvidenceItemType, itemId: string, link: CreateEvidenceDto): Observable<EvidenceView> {
    return this.http.post<EvidenceView>(path(ITEMS[itemType], itemId, 'evidence'), link).pipe(catchApiError());
  }

  /** DELETE /api/evidence/:id — the item's writers. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(path('evidence', id)).pipe(catchApiError());
  }
}
