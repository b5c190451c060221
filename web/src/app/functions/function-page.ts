import type { ChronogramView, FunctionWithRollUpView } from '@jalons/contract';
import type { RollUp } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { Observable, forkJoin, map, of, switchMap, tap } from 'rxjs';

import { AuthService } from '../data/auth.service';
import { ChronogramService } from '../data/chronogram.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { RoadmapsService } from '../data/roadmaps.service';
import type { GanttOpen } from '../gantt/gantt';
import { JlGantt } from '../gantt/gantt';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { DataTable } from '../shared/data-table';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { HealthBadge } from '../shared/health-badge';
import { FAMILY_LABELS } from '../shared/labels';
import { loadable } from '../shared/loadable';
import { PercentPipe } from '../shared/percent.pipe';
import { PhasePurpose } from '../shared/phase-purpose';
import { ROLLUP_TABLE } from '../shared/rollup-cells';
import { roadmapPath } from '../roadmap/roadmap-path';
import { InRoadmapPipe } from '../roadmap/in-roadmap.pipe';
import { FunctionEdit } from '../planning/function-edit';
import { FunctionIndicators } from '../indicators/function-indicators';
import { ProgressCard } from '../progress/progress-card';

/** What the page shows: the function with its roll-ups, and its chronogram. */
interface FunctionData {
  fn: FunctionWithRollUpView;
  view: ChronogramView;
}

export interface PhaseProgressRow {
  id: string;
  name: string;
  order: number;
  start: string;
  end: string;
  /** the « why » of the phase (the kit's) */
  purpose: string | null;
  current: boolean;
  rollUp: RollUp | null;
}

/** A target function: what the study says of it, who carries it, its progress by phase, its chronogram. */
@Component({
  selector: 'jl-function-page',
  imports: [
    FunctionEdit,
    FunctionIndicators,
    ProgressCard,
    InRoadmapPipe,
    JlGantt,
    RouterLink,
    FrDatePipe,
    PercentPipe,
    HealthBadge,
    PhasePurpose,
    DataTable,
    ROLLUP_TABLE,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './function-page.html',
})
export class FunctionPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** the function's id (route parameter) */
  readonly id = input.required<string>();
  /** ?roadmap=<id>; without it, the first roadmap */
  readonly roadmap = input<string>();

  private readonly roadmaps = inject(RoadmapsService);
  private readonly chronograms = inject(ChronogramService);
  private readonly currentRoadmap = inject(CurrentRoadmap);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);

  /** null: no roadmap is recorded yet */
  protected readonly page = loadable(
    () => ({ id: this.id(), roadmap: this.roadmap() }),
    (q) => this.load(q.id, q.roadmap),
  );
  protected readonly ready = computed(() => this.page.value() ?? null);
  protected readonly errorMessage = computed(() =>
    this.page.value() === null ? this.i18n.t('aucune feuille de route n’est encore enregistrée.') : this.page.error(),
  );
  protected readonly phases = computed<PhaseProgressRow[]>(() => {
    const r = this.ready();
    if (!r) return [];
    return [...r.view.roadmap.phases]
      .sort((a, b) => a.order - b.order)
      .map((p) => ({
        id: p.id,
        name: p.name,
        order: p.order,
        start: p.start,
        end: p.end,
        purpose: p.purpose ?? null,
        current: p.id === r.view.roadmap.currentPhaseId,
        rollUp: r.fn.byPhase[p.id] ?? null,
      }));
  });
  protected readonly familyLabels = FAMILY_LABELS;
  /** the project lead, or this function's owner: its chronogram can be re-planned */
  protected readonly canPlan = computed(() => {
    const r = this.ready();
    return !!r && this.auth.canWriteItemsOf(r.fn.id);
  });

  /** the project lead edits the function (« Modifier la fonction »); the page reloads with the saved function */
  protected readonly canEditFunction = computed(() => this.auth.canManageRoadmap());

  protected onFunctionChanged(): void {
    this.page.reload();
  }

  protected onOpen(e: GanttOpen): void {
    const slug = this.ready()?.view.roadmap.slug;
    const page = e.kind === 'action' ? 'actions' : 'jalons';
    void this.router.navigate(slug ? roadmapPath(slug, page, e.id) : [`/${page}`, e.id]);
  }

  private load(functionId: string, roadmapId: string | undefined): Observable<FunctionData | null> {
    const id$: Observable<string | null> = roadmapId ? of(roadmapId) : this.roadmaps.list().pipe(map((list) => list[0]?.id ?? null));
    return id$.pipe(
      switchMap((rid) =>
        rid === null
          ? of(null)
          : forkJoin({
              fn: this.roadmaps.function(rid, functionId),
              view: this.chronograms.get(rid, functionId),
            }).pipe(tap(({ view }) => this.currentRoadmap.set(view.roadmap))),
      ),
    );
  }
}
