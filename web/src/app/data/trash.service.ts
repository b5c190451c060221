import type { ActionView, MilestoneView, RestoredView, TrashEntryView } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

export type TrashKind = TrashEntryView['itemType'];

const base = (kind: TrashKind, id: string): string =>
  `${API_BASE}/${kind === 'action' ? 'actions' : 'milestones'}/${encodeURIComponent(id)}`;

/** Data access for the Corbeille: deleting an item (it goes there), listing it, restoring. Errors come out as ApiRequestError. */
@Injectable({ providedIn: 'root' })
export class TrashService {
  private readonly http = inject(HttpClient);

  /** GET /api/roadmaps/:id/trash — the items deleted in the last 90 days, newest first (lead and function owners). */
  list(roadmapId: string): Observable<TrashEntryView[]> {
    return this.http.get<TrashEntryView[]>(`${API_BASE}/roadmaps/${encodeURIComponent(roadmapId)}/trash`).pipe(catchApiError());
  }

  /** DELETE /api/actions|milestones/:id?version= — the item goes to the Corbeille (409 when changed since it was read). */
  remove(kind: TrashKind, id: string, version: number): Observable<void> {
    return this.http.delete<void>(base(kind, id), { params: { version } }).pipe(catchApiError());
  }

  /** POST /api/actions|milestones/:id/restore — back with the same id; the arrows that would close a cycle are reported. */
  restore(kind: TrashKind, id: string): Observable<RestoredView<ActionView | MilestoneView>> {
    return this.http.post<RestoredView<ActionView | MilestoneView>>(`${base(kind, id)}/restore`, null).pipe(catchApiError());
  }
}
