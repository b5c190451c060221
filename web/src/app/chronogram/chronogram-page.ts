import type { ChronogramView } from '@jalons/contract';
import { checkActionDates, checkMilestoneDate } from '@jalons/domain';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  PendingTasks,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { Observable, catchError, map, of, switchMap, tap, throwError } from 'rxjs';

import { ApiRequestError, toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { ChronogramService } from '../data/chronogram.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { ItemsService } from '../data/items.service';
import { RoadmapsService } from '../data/roadmaps.service';
import type { GanttAdd, GanttOpen, GanttProgressChange, GanttReplan } from '../gantt/gantt';
import { JlGantt } from '../gantt/gantt';
import { idleTask } from '../gantt/idle-task';
import type { GanttViewMode } from '../gantt/gantt-layout';
import { JlTimeScale } from '../gantt/time-scale';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { refusalMessage } from '../shared/form-errors';
import { SaveStatus } from '../shared/form-status';
import { TrashLink } from '../trash/trash-link';
import { loadable } from '../shared/loadable';
import { PHONE_QUERY, mediaQuery } from '../shared/media-query';
import { roadmapPath } from '../roadmap/roadmap-path';
import { InRoadmapPipe } from '../roadmap/in-roadmap.pipe';
import { BaselinePicker } from './baseline-picker';
import { ChronogramPrefetch } from '../data/chronogram-prefetch';
import { ChronogramTable } from './chronogram-table';
import { ReplanReason, ReplanWithoutReason } from './replan-reason';
import { ReviewFilters } from './review-filters';
import { JlVerticalTimeline } from './vertical-timeline';

export type ViewMode = GanttViewMode;

/**
 * The roadmap's chronogram (or one function's, ?fonction=<id>): the Gantt chart, or the same data
 * as a table. Re-planning saves through the API with the item's version; a refusal puts the bar
 * back and says why.
 */
@Component({
  selector: 'jl-chronogram-page',
  imports: [
    BaselinePicker,
    InRoadmapPipe,
    JlGantt,
    JlTimeScale,
    JlVerticalTimeline,
    ChronogramTable,
    ReplanReason,
    ReviewFilters,
    RouterLink,
    SaveStatus,
    TranslatePipe,
    TrashLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chronogram-page.html',
})
export class ChronogramPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** ?roadmap=<id>; without it, the first roadmap */
  readonly roadmap = input<string>();
  /** ?fonction=<function id>: only that function */
  readonly fonction = input<string>();
  /** ?ligne=<baseline id>: that baseline's dates come with the chronogram, drawn beneath the items (ADR 0017) */
  readonly ligne = input<string>();

  private readonly roadmaps = inject(RoadmapsService);
  private readonly chronograms = inject(ChronogramService);
  private readonly prefetched = inject(ChronogramPrefetch);
  private readonly items = inject(ItemsService);
  private readonly currentRoadmap = inject(CurrentRoadmap);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly gantt = viewChild(JlGantt);

  private readonly pendingTasks = inject(PendingTasks);

  /** null when no roadmap is recorded yet; reloaded (without « loading ») after a saved change */
  protected readonly chronogram = loadable(
    () => ({ roadmap: this.roadmap(), fonction: this.fonction(), ligne: this.ligne() }),
    (q) => this.load(q.roadmap, q.fonction, q.ligne),
  );
  protected readonly view = computed(() => this.chronogram.value() ?? null);
  /** what the chart draws: the last good data; set to a fresh copy to undo a refused drag */
  protected readonly chart = linkedSignal(() => this.view());
  protected readonly title = computed(() => {
    const v = this.view();
    if (v && this.fonction() && v.functions.length === 1) {
      return this.i18n.t('Chronogramme : {function}', {
        function: v.functions[0].name,
      });
    }
    return this.i18n.t('Chronogramme');
  });

  protected readonly mode = signal<ViewMode>('quarter');
  /** ?vue=tableau (kept there by jl-review-filters): the page opens on its table, the chart is not drawn first */
  readonly vue = input<string>();
  protected readonly display = linkedSignal<'chart' | 'table'>(() => (this.vue() === 'tableau' ? 'table' : 'chart'));
  /** a phone (below 640 px): the chart is a vertical timeline, unless the reader asks for the Gantt (ADR 0023) */
  protected readonly phone = mediaQuery(PHONE_QUERY);
  protected readonly ganttOnPhone = signal(false);
  protected readonly timeline = computed(() => this.display() === 'chart' && this.phone() && !this.ganttOnPhone());
  /**
   * Re-planning is offered to whoever may write every function shown: the project lead, or a
   * function owner on the chronogram of one of their functions (?fonction=). The API checks anyway.
   */
  protected readonly canEdit = computed(() => {
    const v = this.view();
    return !!v && v.functions.length > 0 && v.functions.every((f) => this.auth.canWriteItemsOf(f.id));
  });
  /** drag to re-plan; off again whenever what is allowed changes (another function shown) */
  private readonly editingOn = linkedSignal({
    source: this.canEdit,
    computation: () => false,
  });
  protected readonly editing = computed(() => this.editingOn() && this.canEdit());
  /** « Nouvelle action » / « Nouveau jalon »: the function shown (?fonction=) if one may write in it, else any */
  protected readonly canCreate = computed(() => {
    const v = this.view();
    if (!v) return false;
    const only = this.shownFunction();
    return only ? this.auth.canWriteItemsOf(only) : this.auth.canWriteSomeItems();
  });
  /** « + » on the Gantt's rows of the functions one may write in */
  protected readonly canAddTo = (functionId: string): boolean => this.auth.canWriteItemsOf(functionId);
  /** « Importer un tableur »: the project lead's (the API answers 403 to anyone else) */
  protected readonly canImport = this.auth.canManageRoadmap;
  protected readonly saving = signal(false);
  /** why the last change was refused (shown in role="alert") */
  protected readonly refusal = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);
  /** a dragged item of the latest baseline, refused for want of a reason: asked for below the chart (ADR 0017) */
  protected readonly withoutReason = signal<ReplanWithoutReason | null>(null);

  /**
   * The chart is made in an idle task after the page with its data is drawn (ADR 0028): the page,
   * its switch and its filters first, then the chart's rows and list, then its grid, then its bars —
   * no long task in between for a click to wait behind. Once: later data goes to the chart made.
   */
  protected readonly chartReady = signal(false);

  constructor() {
    effect((onCleanup) => {
      if (!this.chart() || this.chartReady()) return;
      // a pending task: the app is not « stable » before the chart is there (tests, whenStable)
      const done = this.pendingTasks.add();
      const cancel = idleTask(() => {
        this.chartReady.set(true);
        done();
      });
      onCleanup(() => {
        cancel();
        done();
      });
    });
  }

  protected exportUrl(format: 'xlsx' | 'csv'): string {
    const v = this.view();
    return v ? this.chronograms.exportUrl(v.roadmap.id, format) : '';
  }

  protected toggleEditing(): void {
    this.editingOn.update((on) => !on);
  }

  protected today(): void {
    this.gantt()?.scrollToToday();
  }

  protected onReplan(e: GanttReplan): void {
    const view = this.view();
    if (!view) return;
    const span = { start: view.roadmap.start, end: view.roadmap.end };
    const violations = e.kind === 'action' ? checkActionDates(span, { start: e.start, due: e.due }) : checkMilestoneDate(span, e.start);
    if (violations.length > 0) {
      this.refuse(violations.map((v) => v.message).join(' '), false);
      return;
    }
    const request: Observable<unknown> =
      e.kind === 'action'
        ? this.items.updateAction(e.id, {
            version: e.version,
            start: e.start,
            due: e.due,
          })
        : this.items.updateMilestone(e.id, {
            version: e.version,
            date: e.start,
          });
    const title = (e.kind === 'action' ? view.actions : view.milestones).find((i) => i.id === e.id)?.title ?? '';
    this.send(request, this.i18n.t('Nouvelles dates enregistrées.'), { ...e, title });
  }

  /** The move saved with its reason: the chart reloads with it. */
  protected onReasonSaved(message: string): void {
    this.withoutReason.set(null);
    this.refusal.set(null);
    this.saved.set(message);
    this.chronogram.reload();
  }

  protected onProgressChange(e: GanttProgressChange): void {
    const action = this.view()?.actions.find((a) => a.id === e.id);
    if (!action) return;
    // the status follows: 100 % ⇒ terminée, 0 % ⇒ à lancer, in between ⇒ en cours (bloquée stays)
    const status =
      e.progress === 100
        ? 'terminee'
        : e.progress === 0 && action.status !== 'bloquee'
          ? 'a_lancer'
          : action.status === 'bloquee'
            ? 'bloquee'
            : 'en_cours';
    this.send(
      this.items.updateActionStatus(e.id, {
        version: e.version,
        status,
        progress: e.progress,
      }),
      this.i18n.t('Avancement enregistré.'),
    );
  }

  /** The function the creation pages are opened on: the one shown, if only one is. */
  protected readonly shownFunction = computed(() => {
    const v = this.view();
    return v && this.fonction() && v.functions.length === 1 ? v.functions[0].id : null;
  });

  /** The creation page of an action or a milestone (router commands). */
  protected newItemLink(kind: 'action' | 'milestone'): Array<string | number> {
    const slug = this.view()?.roadmap.slug ?? '';
    return kind === 'action' ? roadmapPath(slug, 'actions', 'nouvelle') : roadmapPath(slug, 'jalons', 'nouveau');
  }

  /** « + » on a function's row: a new action there (the page switches to a milestone). */
  protected onAdd(e: GanttAdd): void {
    void this.router.navigate(this.newItemLink('action'), { queryParams: { fonction: e.functionId } });
  }

  protected onOpen(e: GanttOpen): void {
    const slug = this.chart()?.roadmap.slug;
    const page = e.kind === 'action' ? 'actions' : 'jalons';
    void this.router.navigate(slug ? roadmapPath(slug, page, e.id) : [`/${page}`, e.id]);
  }

  private send(request: Observable<unknown>, done: string, move?: ReplanWithoutReason): void {
    this.withoutReason.set(null);
    this.saving.set(true);
    this.refusal.set(null);
    this.saved.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.saving.set(false);
        this.saved.set(done);
        this.chronogram.reload();
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiRequestError(err, this.i18n.translate());
        this.refuse(refusalMessage(e), e.status === 409);
        if (move && e.body?.errors?.some((f) => f.field === 'reason')) this.withoutReason.set(move);
      },
    });
  }

  /** Shows why, and draws the last good data again (the bar goes back). */
  private refuse(message: string, reload: boolean): void {
    this.refusal.set(this.i18n.t('Modification refusée : {message}', { message }));
    this.saved.set(null);
    const last = this.view();
    if (last) this.chart.set({ ...last });
    // someone else changed the roadmap: fetch the current versions
    if (reload) this.chronogram.reload();
  }

  private load(id: string | undefined, functionId: string | undefined, baselineId?: string): Observable<ChronogramView | null> {
    const id$: Observable<string | null> = id ? of(id) : this.roadmaps.list().pipe(map((list) => list[0]?.id ?? null));
    return id$.pipe(
      switchMap((roadmapId) =>
        roadmapId === null
          ? of(null)
          : this.read(roadmapId, functionId, baselineId).pipe(
              // a baseline deleted since the link was made (422 on `baseline`): the chronogram without it
              catchError((err: unknown) =>
                baselineId && err instanceof ApiRequestError && err.status === 422
                  ? this.chronograms.get(roadmapId, functionId)
                  : throwError(() => err),
              ),
              tap((view) => this.currentRoadmap.set(view.roadmap)),
            ),
      ),
    );
  }

  /** The whole roadmap's chronogram may already be on its way (started by the router: ChronogramPrefetch). */
  private read(roadmapId: string, functionId: string | undefined, baselineId: string | undefined): Observable<ChronogramView> {
    const early = functionId || baselineId ? null : this.prefetched.take(roadmapId);
    return early ?? this.chronograms.get(roadmapId, functionId, baselineId);
  }
}
