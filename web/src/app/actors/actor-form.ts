import type { ActorDetailView, CreateActorDto, UpdateActorDto } from '@jalons/contract';
import type { ActorNeed, DataType } from '@jalons/domain';
import { ACTOR_GROUPS, ACTOR_KINDS, ACTOR_NEEDS, DATA_TYPES } from '@jalons/domain';
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

import { ActorsService } from '../data/actors.service';
import { toApiRequestError } from '../data/api-error';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { DATA_TYPE_LABELS, GROUP_LABELS, KIND_LABELS, NEED_LABELS } from './actor-labels';
import { ActorDraft, draftOf, toCreateDto, toUpdateDto } from './actor-draft';
import { fieldErrors } from './field-errors';

/** the form's fields, in their order on the page (element ids `acteur-<field>`) */
export const ACTOR_FIELDS = [
  'name',
  'kind',
  'referent',
  'metOn',
  'workshop',
  'needs',
  'dataTypes',
  'personalData',
  'sensitiveData',
  'overrideGroup',
  'overrideReason',
] as const;

/** the API's nested fields, as the form names them */
const API_FIELDS: Readonly<Record<string, string>> = {
  groupOverride: 'overrideGroup',
  'groupOverride.group': 'overrideGroup',
  'groupOverride.reason': 'overrideReason',
};

/**
 * An actor's form, for the project lead: creating one (`actor` null) or editing it (only what changed is sent, with
 * the version read). Every field of the register: name, kind, data référent·e, met on, workshop, needs and data held
 * (checkboxes), personal and sensitive data, and the group chosen by hand with its reason. The API's refusals show on
 * their fields.
 */
@Component({
  selector: 'jl-actor-form',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './actor-form.html',
  styles: `
    .choice-group:focus {
      outline: 3px solid var(--jl-focus);
    }
    .choice-group ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
})
export class ActorForm {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly actors = inject(ActorsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  readonly roadmapId = input.required<string>();
  /** the actor edited; null: a new one */
  readonly actor = input<ActorDetailView | null>(null);
  /** the actor as saved */
  readonly saved = output<ActorDetailView>();

  protected readonly kinds = ACTOR_KINDS;
  protected readonly groups = ACTOR_GROUPS;
  protected readonly needCodes = ACTOR_NEEDS;
  protected readonly dataTypeCodes = DATA_TYPES;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly groupLabels = GROUP_LABELS;
  protected readonly needLabels = NEED_LABELS;
  protected readonly dataTypeLabels = DATA_TYPE_LABELS;

  /** the values typed, reset whenever the actor is (re)loaded */
  protected readonly draft = linkedSignal<ActorDraft>(() => draftOf(this.actor()));
  protected readonly isNew = computed(() => this.actor() === null);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);

  protected set<K extends keyof ActorDraft>(key: K, value: ActorDraft[K]): void {
    this.draft.update((d) => ({ ...d, [key]: value }));
  }

  protected has(list: 'needs' | 'dataTypes', code: ActorNeed | DataType): boolean {
    return (this.draft()[list] as readonly string[]).includes(code);
  }

  protected toggle(list: 'needs' | 'dataTypes', code: ActorNeed | DataType, on: boolean): void {
    const codes = list === 'needs' ? ACTOR_NEEDS : DATA_TYPES;
    const current = this.draft()[list] as readonly string[];
    // kept in the domain's order, whatever the order of the clicks
    const next = codes.filter((c) => (c === code ? on : current.includes(c)));
    this.draft.update((d) => ({ ...d, [list]: next }));
  }

  protected submit(): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    const actor = this.actor();
    this.done.set(null);
    let request;
    if (actor) {
      const patch: UpdateActorDto = toUpdateDto(actor, this.draft());
      if (Object.keys(patch).length === 1) {
        this.errors.set(NO_ERRORS);
        this.done.set(t('Rien à modifier.'));
        return;
      }
      request = this.actors.update(actor.id, patch);
    } else {
      const dto: CreateActorDto = toCreateDto(this.draft());
      request = this.actors.create(this.roadmapId(), dto);
    }
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (view) => {
        this.saving.set(false);
        this.done.set(actor ? t('Acteur enregistré.') : t('Acteur ajouté.'));
        this.saved.emit(view);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiRequestError(err, t);
        this.errors.set(
          e.body?.error === 'version_conflict'
            ? { byField: {}, general: [t('Cet acteur a été modifié entre-temps : rechargez la page, puis refaites votre modification.')] }
            : // a name taken in the roadmap (409) or a refused value (400, 422): next to its field
              apiFormErrors(fieldErrors(e, API_FIELDS), ACTOR_FIELDS),
        );
        focusFirstError(this.errors, ACTOR_FIELDS, 'acteur', this.injector);
      },
    });
  }
}
