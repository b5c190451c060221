import type {
  FunctionWithRollUpView,
  RoadmapDetailView,
} from '@jalons/contract';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import {
  Observable,
  catchError,
  forkJoin,
  map,
  of,
  startWith,
  switchMap,
  tap,
} from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { CurrentRoadmap } from '../data/current-roadmap';
import { RoadmapsService } from '../data/roadmaps.service';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { HealthBadge } from '../shared/health-badge';
import { FAMILY_LABELS } from '../shared/labels';
import { PercentPipe } from '../shared/percent.pipe';
import { ProgressBar } from '../shared/progress-bar';
import { MandateTimeline } from './mandate-timeline';

export type OverviewState =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      roadmap: RoadmapDetailView;
      functions: FunctionWithRollUpView[];
    };

const LOADING: OverviewState = { status: 'loading' };

/** The mandate overview: where the roadmap stands in its four phases, and what slips. */
@Component({
  selector: 'jl-overview-page',
  imports: [
    RouterLink,
    MandateTimeline,
    HealthBadge,
    ProgressBar,
    PercentPipe,
    FrDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
})
export class OverviewPage {
  /** ?roadmap=<id> (bound by the router); without it, the first roadmap. */
  readonly roadmap = input<string>();

  private readonly roadmaps = inject(RoadmapsService);
  private readonly currentRoadmap = inject(CurrentRoadmap);

  protected readonly state = toSignal(
    toObservable(this.roadmap).pipe(switchMap((id) => this.load(id))),
    { initialValue: LOADING },
  );

  protected readonly ready = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s : null;
  });
  protected readonly errorMessage = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.message : null;
  });
  protected readonly phases = computed(() =>
    [...(this.ready()?.roadmap.phases ?? [])].sort((a, b) => a.order - b.order),
  );
  protected readonly currentPhase = computed(() => {
    const id = this.ready()?.roadmap.currentPhaseId;
    return this.phases().find((p) => p.id === id) ?? null;
  });
  protected readonly functions = computed(() =>
    [...(this.ready()?.functions ?? [])].sort((a, b) => a.order - b.order),
  );
  protected readonly familyLabels = FAMILY_LABELS;

  private load(id: string | undefined): Observable<OverviewState> {
    const id$: Observable<string | null> = id
      ? of(id)
      : this.roadmaps.list().pipe(map((list) => list[0]?.id ?? null));
    return id$.pipe(
      switchMap((roadmapId) =>
        roadmapId === null
          ? of<OverviewState>({ status: 'empty' })
          : forkJoin({
              roadmap: this.roadmaps.get(roadmapId),
              functions: this.roadmaps.functions(roadmapId),
            }).pipe(
              tap(({ roadmap }) => this.currentRoadmap.set(roadmap)),
              map(
                ({ roadmap, functions }): OverviewState => ({
                  status: 'ready',
                  roadmap,
                  functions,
                }),
              ),
            ),
      ),
      catchError((err: unknown) =>
        of<OverviewState>({
          status: 'error',
          message: toApiRequestError(err).message,
        }),
      ),
      startWith(LOADING),
    );
  }
}
