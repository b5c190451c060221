import type { FunctionWithRollUpView, PersonView, UpdateFunctionDto } from '@jalons/contract';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { of } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { PersonsService } from '../data/persons.service';
import { PlanningService } from '../data/planning.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { compareText } from '../i18n/format';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { loadable } from '../shared/loadable';

const FIELDS = ['description', 'ownerId', 'color', 'volets'] as const;
const COLOR = /^#[0-9a-f]{6}$/i;

interface VoletDraft {
  code: string;
  name: string;
  description: string;
}

/**
 * « Modifier la fonction », for the project lead: its description, its référent·e, its colour on the
 * chronogram and, for the central function, its three volets. Sent with the function's version; a
 * stale one is refused (409) and the form says to reload.
 */
@Component({
  selector: 'jl-function-edit',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './function-edit.html',
  styles: `
    .color-field {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    .color-field input[type='text'] {
      max-inline-size: 9rem;
    }
    .volets-edit {
      border: 0;
      padding: 0;
      margin: 0 0 1rem;
    }
  `,
})
export class FunctionEdit {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly roadmapId = input.required<string>();
  readonly fn = input.required<FunctionWithRollUpView>();
  /** the function as saved */
  readonly changed = output<FunctionWithRollUpView>();

  private readonly planning = inject(PlanningService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly personsData = inject(PersonsService);
  /** the form is shown on demand (its persons are asked for then) */
  protected readonly open = signal(false);
  protected readonly persons = loadable(this.open, (open) => (open ? this.personsData.list() : of([])));
  protected readonly people = computed<PersonView[]>(() => {
    const list = [...(this.persons.value() ?? [])];
    const owner = this.fn().owner;
    if (owner && !list.some((p) => p.id === owner.id)) list.push(owner);
    return list.sort((a, b) => compareText(a.name, b.name));
  });

  protected readonly description = linkedSignal(() => this.fn().description);
  protected readonly ownerId = linkedSignal(() => this.fn().owner?.id ?? '');
  protected readonly color = linkedSignal(() => this.fn().color.toLowerCase());
  protected readonly volets = linkedSignal<VoletDraft[]>(() => this.fn().volets.map((v) => ({ ...v })));
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly saved = signal<string | null>(null);

  protected setVolet(i: number, key: 'name' | 'description', value: string): void {
    this.volets.update((list) => list.map((v, j) => (j === i ? { ...v, [key]: value } : v)));
  }

  protected save(): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    const fn = this.fn();
    this.saved.set(null);
    if (!COLOR.test(this.color())) {
      this.errors.set({ byField: { color: t('Choisissez une couleur au format #rrggbb.') }, general: [] });
      focusFirstError(this.errors, FIELDS, 'fonction', this.injector);
      return;
    }
    const dto: UpdateFunctionDto = { version: fn.version ?? 1 };
    if (this.description() !== fn.description) dto.description = this.description();
    if (this.ownerId() !== (fn.owner?.id ?? '')) dto.ownerId = this.ownerId() || null;
    if (this.color().toLowerCase() !== fn.color.toLowerCase()) dto.color = this.color().toLowerCase();
    if (fn.central) {
      const changed = this.volets().filter((v, i) => v.name !== fn.volets[i]?.name || v.description !== fn.volets[i]?.description);
      if (changed.length) dto.volets = changed.map((v) => ({ code: v.code as 'strategique', name: v.name, description: v.description }));
    }
    if (Object.keys(dto).length === 1) {
      this.errors.set(NO_ERRORS);
      this.saved.set(t('Rien à modifier.'));
      return;
    }
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    this.planning
      .updateFunction(this.roadmapId(), fn.id, dto)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.saving.set(false);
          this.saved.set(t('Fonction enregistrée.'));
          this.changed.emit(view);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          const e = toApiRequestError(err, t);
          this.errors.set(
            e.status === 409
              ? {
                  byField: {},
                  general: [t('Cette fonction a été modifiée entre-temps : rechargez la page, puis refaites votre modification.')],
                }
              : apiFormErrors(e, FIELDS),
          );
          focusFirstError(this.errors, FIELDS, 'fonction', this.injector);
        },
      });
  }
}
