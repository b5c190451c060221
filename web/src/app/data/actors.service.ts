import type {
  ActionTargetsDto,
  ActorDetailView,
  ActorView,
  AssessmentView,
  CreateActorDto,
  CreateAssessmentDto,
  FigureTargetDto,
  FigureView,
  TargetActorView,
  UpdateActorDto,
} from '@jalons/contract';
import type { FigureCode } from '@jalons/domain';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { catchApiError } from './api-error';
import { API_BASE } from './roadmaps.service';

const path = (...segments: string[]): string => `${API_BASE}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;

/**
 * Data access for the diagnostic's register (docs/diagnostic.md): a roadmap's actors, their assessments, the
 * figures' targets, and the actors an action targets. The map's reading (GET …/diagnostic) is in
 * diagnostic/diagnostic.service.ts. Errors come out as ApiRequestError.
 */
@Injectable({ providedIn: 'root' })
export class ActorsService {
  private readonly http = inject(HttpClient);

  /** GET /api/roadmaps/:id/actors — every actor of the roadmap, by name. */
  list(roadmapId: string): Observable<ActorView[]> {
    return this.http.get<ActorView[]>(path('roadmaps', roadmapId, 'actors')).pipe(catchApiError());
  }

  /** POST /api/roadmaps/:id/actors — the lead; 409 when the name is taken in the roadmap, 400 with a message per field. */
  create(roadmapId: string, actor: CreateActorDto): Observable<ActorDetailView> {
    return this.http.post<ActorDetailView>(path('roadmaps', roadmapId, 'actors'), actor).pipe(catchApiError());
  }

  /** GET /api/actors/:id — the actor with its assessments (oldest first) and the actions targeting it. */
  get(id: string): Observable<ActorDetailView> {
    return this.http.get<ActorDetailView>(path('actors', id)).pipe(catchApiError());
  }

  /** PATCH /api/actors/:id — only the fields sent change; `version` is the one read (409 when stale). */
  update(id: string, patch: UpdateActorDto): Observable<ActorDetailView> {
    return this.http.patch<ActorDetailView>(path('actors', id), patch).pipe(catchApiError());
  }

  /** DELETE /api/actors/:id — its assessments and its links to actions go with it. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(path('actors', id)).pipe(catchApiError());
  }

  /** POST /api/actors/:id/assessments — 409 when the actor already has one that day. */
  addAssessment(actorId: string, assessment: CreateAssessmentDto): Observable<AssessmentView> {
    return this.http.post<AssessmentView>(path('actors', actorId, 'assessments'), assessment).pipe(catchApiError());
  }

  /** DELETE /api/assessments/:id */
  removeAssessment(id: string): Observable<void> {
    return this.http.delete<void>(path('assessments', id)).pipe(catchApiError());
  }

  /** PUT /api/roadmaps/:id/diagnostic/targets/:code — the lead sets a figure's target and its date. */
  setFigureTarget(roadmapId: string, code: FigureCode, target: FigureTargetDto): Observable<FigureView> {
    return this.http.put<FigureView>(path('roadmaps', roadmapId, 'diagnostic', 'targets', code), target).pipe(catchApiError());
  }

  /** DELETE /api/roadmaps/:id/diagnostic/targets/:code */
  clearFigureTarget(roadmapId: string, code: FigureCode): Observable<void> {
    return this.http.delete<void>(path('roadmaps', roadmapId, 'diagnostic', 'targets', code)).pipe(catchApiError());
  }

  /** GET /api/actions/:id/actors — the actors an action targets. */
  actionTargets(actionId: string): Observable<TargetActorView[]> {
    return this.http.get<TargetActorView[]>(path('actions', actionId, 'actors')).pipe(catchApiError());
  }

  /** PUT /api/actions/:id/actors — the action's writers replace its targets (actors of its roadmap, else 422 on actorIds). */
  setActionTargets(actionId: string, targets: ActionTargetsDto): Observable<TargetActorView[]> {
    return this.http.put<TargetActorView[]>(path('actions', actionId, 'actors'), targets).pipe(catchApiError());
  }
}
