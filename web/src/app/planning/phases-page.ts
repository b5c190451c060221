import type { PhasePlanView, RoadmapDetailView } from '@jalons/contract';
import { checkPhases } from '@jalons/domain';
import type { PhaseCode } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { PlanningService } from '../data/planning.service';
import { RoadmapsService } from '../data/roadmaps.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { InRoadmapPipe } from '../roadmap/in-roadmap.pipe';
import { DataTable } from '../shared/data-table';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError, toFormErrors } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';

export interface PhaseDraft {
  code: PhaseCode;
  name: string;
  start: string;
  end: string;
}

/** The fields a refusal may name: `phases[i].start`, `phases[i].end`, for the four phases. */
export const PHASE_FIELDS = [0, 1, 2, 3].flatMap((i) => [`phases[${i}].start`, `phases[${i}].end`]);

/** The phases' dates as saved, in their order. */
export function draftsOf(detail: RoadmapDetailView | undefined): PhaseDraft[] {
  return [...(detail?.phases ?? [])]
    .sort((a, b) => a.order - b.order)
    .map((p) => ({ code: p.code, name: p.name, start: p.start, end: p.end }));
}

/**
 * The project lead re-plans the four phases' dates: « Vérifier » lists the actions and milestones
 * whose phase would change (nothing is written), « Appliquer » moves them (a history line each).
 */
@Component({
  selector: 'jl-phases-page',
  imports: [FormsModule, RouterLink, FORM_FIELD, FORM_STATUS, DataTable, FrDatePipe, TranslatePipe, InRoadmapPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './phases-page.html',
  styleUrl: './planning.scss',
})
export class PhasesPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** the roadmap's id, resolved from /r/<slug> */
  readonly roadmap = input.required<string>();

  private readonly roadmaps = inject(RoadmapsService);
  private readonly planning = inject(PlanningService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  protected readonly canManage = inject(AuthService).canManageRoadmap;

  protected readonly page = loadable(this.roadmap, (id) => this.roadmaps.get(id));
  protected readonly detail = computed(() => this.page.value());
  protected readonly drafts = linkedSignal<PhaseDraft[]>(() => draftsOf(this.detail()));
  /** the dry run's answer, for the dates it was asked with */
  protected readonly plan = signal<PhasePlanView | null>(null);
  private readonly checkedFor = signal<string | null>(null);
  protected readonly upToDate = computed(() => this.plan() !== null && this.checkedFor() === JSON.stringify(this.drafts()));
  protected readonly outside = computed(() => this.plan()?.moves.filter((m) => m.to === null).length ?? 0);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly busy = signal(false);
  protected readonly done = signal<string | null>(null);

  protected setDate(i: number, key: 'start' | 'end', value: string): void {
    this.drafts.update((list) => list.map((p, j) => (j === i ? { ...p, [key]: value } : p)));
    this.done.set(null);
  }

  protected fieldError(i: number, key: 'start' | 'end'): string | undefined {
    return this.errors().byField[`phases[${i}].${key}`];
  }

  /** « Vérifier »: the dry run. */
  protected check(): void {
    this.send(false);
  }

  /** « Appliquer »: the same dates, written. */
  protected apply(): void {
    if (this.upToDate()) this.send(true);
  }

  /** « Annuler »: the dates as saved, no result. */
  protected cancel(): void {
    this.drafts.set(draftsOf(this.detail()));
    this.plan.set(null);
    this.errors.set(NO_ERRORS);
    this.done.set(null);
  }

  private send(write: boolean): void {
    const d = this.detail();
    if (!d || this.busy()) return;
    const t = this.i18n.translate();
    const phases = this.drafts().map(({ code, start, end }) => ({ code, start, end }));
    const broken = checkPhases({ start: d.start, end: d.end }, phases);
    this.done.set(null);
    if (broken.length) {
      this.errors.set(toFormErrors(broken, PHASE_FIELDS));
      focusFirstError(this.errors, PHASE_FIELDS, 'phases', this.injector);
      return;
    }
    const asked = JSON.stringify(this.drafts());
    this.errors.set(NO_ERRORS);
    this.busy.set(true);
    this.planning
      .phases(d.id, { version: d.version, phases }, !write)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (plan) => {
          this.busy.set(false);
          if (write) {
            this.plan.set(null);
            this.done.set(
              t('Phases replanifiées : {n} élément a changé de phase.|Phases replanifiées : {n} éléments ont changé de phase.', {
                n: plan.moves.length,
              }),
            );
            this.page.reload();
            return;
          }
          this.plan.set(plan);
          this.checkedFor.set(asked);
          this.done.set(t('{n} élément changerait de phase.|{n} éléments changeraient de phase.', { n: plan.moves.length }));
        },
        error: (err: unknown) => {
          this.busy.set(false);
          const e = toApiRequestError(err, t);
          this.errors.set(
            e.status === 409
              ? {
                  byField: {},
                  general: [t('La feuille de route a été modifiée entre-temps : rechargez la page, puis vérifiez à nouveau.')],
                }
              : apiFormErrors(e, PHASE_FIELDS),
          );
          focusFirstError(this.errors, PHASE_FIELDS, 'phases', this.injector);
        },
      });
  }
}
