import type { ActionView, CarryOverView, FunctionWithRollUpView, MilestoneView, RoadmapSummaryView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Observable, forkJoin, map } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { PlanningService } from '../data/planning.service';
import { RoadmapsService } from '../data/roadmaps.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { FormErrors, NO_ERRORS, apiFormErrors } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';

const FIELDS = ['targetRoadmapId', 'actionIds', 'milestoneIds'] as const;

/** An unfinished item the lead may carry over. */
export interface CarryChoice {
  key: string;
  kind: 'action' | 'milestone';
  id: string;
  title: string;
  start: string;
  due: string;
}

export interface CarryGroup {
  fn: FunctionWithRollUpView;
  items: CarryChoice[];
}

interface CarryData {
  source: RoadmapSummaryView;
  targets: RoadmapSummaryView[];
  groups: CarryGroup[];
}

/** The unfinished items grouped by function, in the functions' order; functions with none left out. */
export function carryGroups(
  functions: readonly FunctionWithRollUpView[],
  actions: readonly ActionView[],
  milestones: readonly MilestoneView[],
): CarryGroup[] {
  return [...functions]
    .sort((a, b) => a.order - b.order)
    .map((fn) => ({
      fn,
      items: [
        ...actions
          .filter((a) => a.functionId === fn.id && a.status !== 'terminee' && a.status !== 'abandonnee')
          .map((a): CarryChoice => ({ key: `action:${a.id}`, kind: 'action', id: a.id, title: a.title, start: a.start, due: a.due })),
        ...milestones
          .filter((m) => m.functionId === fn.id && !m.achievedOn)
          .map((m): CarryChoice => ({ key: `milestone:${m.id}`, kind: 'milestone', id: m.id, title: m.title, start: m.date, due: m.date })),
      ],
    }))
    .filter((g) => g.items.length > 0);
}

/**
 * Closing a mandate: the project lead picks the unfinished actions and milestones that continue in
 * the next mandate's roadmap, checks where they would fall (« Vérifier »), carries them over, and may
 * close this mandate. Each copy links to its origin; this roadmap and its history stay as they are.
 */
@Component({
  selector: 'jl-carry-over-page',
  imports: [FormsModule, RouterLink, FORM_FIELD, FORM_STATUS, FrDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './carry-over-page.html',
  styleUrl: './planning.scss',
})
export class CarryOverPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** the roadmap's id, resolved from /r/<slug> */
  readonly roadmap = input.required<string>();

  private readonly roadmaps = inject(RoadmapsService);
  private readonly planning = inject(PlanningService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly canManage = inject(AuthService).canManageRoadmap;

  protected readonly page = loadable(this.roadmap, (id) => this.load(id));
  protected readonly target = signal('');
  protected readonly close = signal(false);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly count = computed(() => this.selected().size);
  protected readonly summary = signal<CarryOverView | null>(null);
  private readonly checkedFor = signal<string | null>(null);
  protected readonly upToDate = computed(() => this.summary() !== null && this.checkedFor() === this.requestKey());
  protected readonly shifted = computed(() => this.summary()?.items.filter((i) => i.shifted || i.clamped) ?? []);
  protected readonly done = signal<CarryOverView | null>(null);
  protected readonly doneTarget = computed(() => this.page.value()?.targets.find((r) => r.id === this.done()?.targetRoadmapId) ?? null);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly busy = signal(false);
  protected readonly status = signal<string | null>(null);
  protected readonly path = roadmapPath;

  protected isChecked(key: string): boolean {
    return this.selected().has(key);
  }

  protected allChecked(group: CarryGroup): boolean {
    return group.items.every((i) => this.selected().has(i.key));
  }

  protected toggle(key: string, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(key);
    else next.delete(key);
    this.selected.set(next);
  }

  protected toggleAll(group: CarryGroup, on: boolean): void {
    const next = new Set(this.selected());
    for (const i of group.items) {
      if (on) next.add(i.key);
      else next.delete(i.key);
    }
    this.selected.set(next);
  }

  protected check(): void {
    this.send(false);
  }

  protected apply(): void {
    if (this.upToDate()) this.send(true);
  }

  private requestKey(): string {
    return JSON.stringify([this.target(), [...this.selected()].sort(), this.close()]);
  }

  private send(write: boolean): void {
    const data = this.page.value();
    if (!data || this.busy()) return;
    const t = this.i18n.translate();
    if (!this.target()) {
      this.errors.set({ byField: { targetRoadmapId: t('Choisissez la feuille de route du mandat suivant.') }, general: [] });
      return;
    }
    const keys = [...this.selected()];
    const ids = (kind: string) => keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));
    const asked = this.requestKey();
    this.errors.set(NO_ERRORS);
    this.status.set(null);
    this.busy.set(true);
    this.planning
      .carryOver(
        data.source.id,
        { targetRoadmapId: this.target(), actionIds: ids('action'), milestoneIds: ids('milestone'), close: this.close() },
        !write,
      )
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.busy.set(false);
          if (write) {
            this.summary.set(null);
            this.selected.set(new Set());
            this.done.set(view);
            this.status.set(t('{n} élément repris.|{n} éléments repris.', { n: view.items.length }));
            this.page.reload();
            return;
          }
          this.summary.set(view);
          this.checkedFor.set(asked);
          this.status.set(t('{n} élément serait repris.|{n} éléments seraient repris.', { n: view.items.length }));
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.errors.set(apiFormErrors(toApiRequestError(err, t), FIELDS));
        },
      });
  }

  private load(id: string): Observable<CarryData> {
    return forkJoin({
      list: this.roadmaps.list(),
      functions: this.roadmaps.functions(id),
      actions: this.roadmaps.actions(id, { status: ['a_lancer', 'en_cours', 'bloquee'] }),
      milestones: this.roadmaps.milestones(id, { achieved: false }),
    }).pipe(
      map(({ list, functions, actions, milestones }) => ({
        source: list.find((r) => r.id === id) ?? list[0],
        targets: list.filter((r) => r.id !== id && !r.closedAt),
        groups: carryGroups(functions, actions, milestones),
      })),
    );
  }
}
