import type { ActionView, ChronogramView, MilestoneView, PersonView } from '@jalons/contract';
import type { CentralVolet, IsoDate, RuleViolation } from '@jalons/domain';
import { checkActionDates, checkMilestoneDate } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Observable, forkJoin, tap } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { ChronogramService } from '../data/chronogram.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { ItemsService } from '../data/items.service';
import { PersonsService } from '../data/persons.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError, toFormErrors } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList, SaveStatus } from '../shared/form-status';
import { loadable } from '../shared/loadable';
import { JlDependencyPicker } from './dependency-picker';
import { JlItemDatesFields } from './item-dates-fields';
import { JlItemTextFields } from './item-text-fields';
import { actionOptions, sortedPersons, writableFunctions } from './item-form-options';

export type ItemKind = 'action' | 'milestone';

/** What the form needs: the roadmap's chronogram (functions, actions, span) and the persons. */
interface FormData {
  view: ChronogramView;
  persons: PersonView[];
}

/** the form's fields, in their order on the page (element ids `item-<field>`): the API's errors on others go above it */
export const ITEM_FORM_FIELDS = [
  'functionId',
  'volet',
  'title',
  'description',
  'start',
  'due',
  'date',
  'ownerId',
  'predecessorIds',
] as const;

/** the owner select's value for « nobody yet » */
export const NOBODY = '';

/**
 * Creating an action or a milestone (`/r/<slug>/actions/nouvelle`, `/r/<slug>/jalons/nouveau`,
 * `?fonction=<id>` presets the function): only in the functions the person may write; checked
 * with the domain's rules before sending; the API's refusals next to their fields; once created,
 * the item's page.
 */
@Component({
  selector: 'jl-item-form',
  imports: [
    FormsModule,
    FORM_FIELD,
    RouterLink,
    FormErrorList,
    SaveStatus,
    JlDependencyPicker,
    JlItemDatesFields,
    JlItemTextFields,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './item-form.html',
  styles: `
    .kind-switch {
      margin-bottom: 1rem;
    }
    .kind-switch [aria-current='page'] {
      background: var(--jl-accent);
      color: #fff;
    }
    .chosen {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.25rem 0;
    }
  `,
})
export class ItemForm {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  /** the roadmap's id (resolved from the slug) */
  readonly roadmap = input.required<string>();
  /** route data: what is created */
  readonly kind = input<ItemKind>('action');
  /** ?fonction=<id>: the function preset */
  readonly fonction = input<string>();

  private readonly auth = inject(AuthService);
  private readonly chronograms = inject(ChronogramService);
  private readonly persons = inject(PersonsService);
  private readonly items = inject(ItemsService);
  private readonly currentRoadmap = inject(CurrentRoadmap);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly page = loadable(this.roadmap, (id) => this.load(id));
  protected readonly data = computed(() => this.page.value() ?? null);
  protected readonly functions = computed(() => {
    const d = this.data();
    return d ? writableFunctions(d.view.functions, (id) => this.auth.canWriteItemsOf(id)) : [];
  });
  protected readonly personList = computed(() => sortedPersons(this.data()?.persons ?? []));
  protected readonly slug = computed(() => this.data()?.view.roadmap.slug ?? this.currentRoadmap.roadmap()?.slug ?? '');
  protected readonly nobody = NOBODY;

  // the fields
  /** the function asked for when the person may write in it, else the only one they may */
  protected readonly functionId = linkedSignal(() => {
    const fns = this.functions();
    const asked = this.fonction();
    return fns.find((f) => f.id === asked)?.id ?? (fns.length === 1 ? fns[0].id : '');
  });
  protected readonly fn = computed(() => this.data()?.view.functions.find((f) => f.id === this.functionId()) ?? null);
  protected readonly volet = linkedSignal<string, CentralVolet | ''>({ source: this.functionId, computation: () => '' });
  protected readonly title = signal('');
  protected readonly description = signal('');
  /** today, when the roadmap is under way */
  protected readonly start = linkedSignal<IsoDate>(() => {
    const r = this.data()?.view.roadmap;
    return r && r.at >= r.start && r.at <= r.end ? r.at : '';
  });
  protected readonly due = signal<IsoDate>('');
  protected readonly date = signal<IsoDate>('');
  /** the function's owner unless another is chosen */
  protected readonly ownerId = linkedSignal(() => this.fn()?.owner?.id ?? NOBODY);
  protected readonly predecessors = signal<readonly string[]>([]);
  protected readonly predecessorOptions = computed(() => {
    const d = this.data();
    return d ? actionOptions(d.view, new Set(this.predecessors()), this.i18n.translate()) : [];
  });
  protected readonly actionTitles = computed(() => new Map((this.data()?.view.actions ?? []).map((a) => [a.id, a.title])));

  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);

  /** a page of this roadmap */
  protected link(...segments: string[]): Array<string | number> {
    return roadmapPath(this.slug(), ...segments);
  }

  protected addPredecessor(id: string): void {
    this.predecessors.update((ids) => (ids.includes(id) ? ids : [...ids, id]));
  }

  protected removePredecessor(id: string): void {
    this.predecessors.update((ids) => ids.filter((p) => p !== id));
  }

  protected submit(): void {
    const d = this.data();
    if (!d || this.saving()) return;
    const violations = this.check(d.view);
    if (violations.length) {
      this.showErrors(toFormErrors(violations, ITEM_FORM_FIELDS));
      return;
    }
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    this.request(d.view.roadmap.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (item) => {
          this.saving.set(false);
          void this.router.navigate(roadmapPath(this.slug(), this.kind() === 'action' ? 'actions' : 'jalons', item.id));
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.showErrors(apiFormErrors(toApiRequestError(err, this.i18n.translate()), ITEM_FORM_FIELDS));
        },
      });
  }

  /** The domain's rules, and what the API would refuse as malformed, before anything is sent. */
  private check(view: ChronogramView): RuleViolation[] {
    const violations: RuleViolation[] = [];
    if (!this.fn()) violations.push({ field: 'functionId', message: this.i18n.t('Choisissez la fonction.') });
    if (!this.title().trim()) violations.push({ field: 'title', message: this.i18n.t('Donnez un titre.') });
    const span = { start: view.roadmap.start, end: view.roadmap.end };
    if (this.kind() === 'action') violations.push(...checkActionDates(span, { start: this.start(), due: this.due() }));
    else violations.push(...checkMilestoneDate(span, this.date()));
    return violations;
  }

  /** cold: nothing is sent before it is subscribed to */
  private request(roadmapId: string): Observable<ActionView | MilestoneView> {
    const common = {
      functionId: this.functionId(),
      title: this.title().trim(),
      ...(this.description().trim() ? { description: this.description().trim() } : {}),
    };
    const ownerId = this.ownerId() === NOBODY ? null : this.ownerId();
    if (this.kind() === 'milestone') {
      return this.items.createMilestone(roadmapId, { ...common, date: this.date(), ownerId });
    }
    return this.items.createAction(roadmapId, {
      ...common,
      start: this.start(),
      due: this.due(),
      ownerId,
      ...(this.fn()?.central ? { volet: this.volet() || null } : {}),
      ...(this.predecessors().length ? { predecessorIds: [...this.predecessors()] } : {}),
    });
  }

  private showErrors(errors: FormErrors): void {
    this.errors.set(errors);
    focusFirstError(this.errors, ITEM_FORM_FIELDS, 'item', this.injector);
  }

  private load(roadmapId: string): Observable<FormData> {
    return forkJoin({ view: this.chronograms.get(roadmapId), persons: this.persons.list() }).pipe(
      tap(({ view }) => this.currentRoadmap.set(view.roadmap)),
    );
  }
}
