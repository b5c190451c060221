import type {
  CreateDecisionDto,
  CreateEvidenceDto,
  CreateInstanceDto,
  CreateMeetingDto,
  DecisionView,
  EvidenceView,
  InstanceView,
  MeetingSummaryView,
  MeetingView,
  UpdateDecisionDto,
  UpdateInstanceDto,
  UpdateMeetingDto,
} from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

/** `GET /api/roadmaps/:id/decisions` filters (dates inclusive). */
export interface DecisionFilter {
  since?: IsoDate | null;
  until?: IsoDate | null;
  itemId?: string | null;
}

const path = (...segments: string[]): string => `${API_BASE}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;

/**
 * Data access for governance (docs/governance.md): a roadmap's instances, their meetings and the
 * decisions taken. The project lead writes; everyone signed in reads. Errors come out as ApiRequestError.
 */
@Injectable({ providedIn: 'root' })
export class GovernanceService {
  private readonly http = inject(HttpClient);

  /** GET /api/roadmaps/:id/instances */
  instances(roadmapId: string): Observable<InstanceView[]> {
    return this.http.get<InstanceView[]>(path('roadmaps', roadmapId, 'instances')).pipe(catchApiError());
  }

  /** POST /api/roadmaps/:id/instances */
  createInstance(roadmapId: string, dto: CreateInstanceDto): Observable<InstanceView> {
    return this.http.post<InstanceView>(path('roadmaps', roadmapId, 'instances'), dto).pipe(catchApiError());
  }

  /** PATCH /api/instances/:id */
  updateInstance(id: string, dto: UpdateInstanceDto): Observable<InstanceView> {
    return this.http.patch<InstanceView>(path('instances', id), dto).pipe(catchApiError());
  }

  /** DELETE /api/instances/:id — refused (409) while it has meetings. */
  deleteInstance(id: string): Observable<void> {
    return this.http.delete<void>(path('instances', id)).pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/meetings — newest first. */
  meetings(roadmapId: string): Observable<MeetingSummaryView[]> {
    return this.http.get<MeetingSummaryView[]>(path('roadmaps', roadmapId, 'meetings')).pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/meetings/next[?at=] — the first meeting on or after `at` (today by default), or null. */
  nextMeeting(roadmapId: string, at?: IsoDate | null): Observable<MeetingSummaryView | null> {
    const params = at ? new HttpParams().set('at', at) : undefined;
    return this.http.get<MeetingSummaryView | null>(path('roadmaps', roadmapId, 'meetings', 'next'), { params }).pipe(catchApiError());
  }

  /** GET /api/meetings/:id */
  meeting(id: string): Observable<MeetingView> {
    return this.http.get<MeetingView>(path('meetings', id)).pipe(catchApiError());
  }

  /** POST /api/roadmaps/:id/meetings */
  createMeeting(roadmapId: string, dto: CreateMeetingDto): Observable<MeetingView> {
    return this.http.post<MeetingView>(path('roadmaps', roadmapId, 'meetings'), dto).pipe(catchApiError());
  }

  /** PATCH /api/meetings/:id — with the version read (409 when changed meanwhile). */
  updateMeeting(id: string, dto: UpdateMeetingDto): Observable<MeetingView> {
    return this.http.patch<MeetingView>(path('meetings', id), dto).pipe(catchApiError());
  }

  /** DELETE /api/meetings/:id */
  deleteMeeting(id: string): Observable<void> {
    return this.http.delete<void>(path('meetings', id)).pipe(catchApiError());
  }

  /** GET /api/roadmaps/:id/decisions[?since=&until=&itemId=] — newest first. */
  decisions(roadmapId: string, filter: DecisionFilter = {}): Observable<DecisionView[]> {
    let params = new HttpParams();
    for (const key of ['since', 'until', 'itemId'] as const) {
      const value = filter[key];
      if (value) params = params.set(key, value);
    }
    return this.http.get<DecisionView[]>(path('roadmaps', roadmapId, 'decisions'), { params }).pipe(catchApiError());
  }

  /** POST /api/roadmaps/:id/decisions */
  createDecision(roadmapId: string, dto: CreateDecisionDto): Observable<DecisionView> {
    return this.http.post<DecisionView>(path('roadmaps', roadmapId, 'decisions'), dto).pipe(catchApiError());
  }

  /** PATCH /api/decisions/:id — the items sent replace the list. */
  updateDecision(id: string, dto: UpdateDecisionDto): Observable<DecisionView> {
    return this.http.patch<DecisionView>(path('decisions', id), dto).pipe(catchApiError());
  }

  /** DELETE /api/decisions/:id */
  deleteDecision(id: string): Observable<void> {
    return this.http.delete<void>(path('decisions', id)).pipe(catchApiError());
  }

  /** GET /api/decisions/:id/evidence — the decision's proof links, newest first. */
  decisionEvidence(id: string): Observable<EvidenceView[]> {
    return this.http.get<EvidenceView[]>(path('decisions', id, 'evidence')).pipe(catchApiError());
  }

  /** POST /api/decisions/:id/evidence — the lead. */
  addDecisionEvidence(id: string, link: CreateEvidenceDto): Observable<EvidenceView> {
    return this.http.post<EvidenceView>(path('decisions', id, 'evidence'), link).pipe(catchApiError());
  }
}
