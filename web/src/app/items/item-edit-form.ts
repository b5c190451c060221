import type { FunctionView, UpdateActionDto, UpdateMilestoneDto } from '@jalons/contract';
import type { CentralVolet } from '@jalons/domain';
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
import { Observable } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { ItemsService } from '../data/items.service';
import { PersonsService } from '../data/persons.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { JlCommentField } from '../shared/comment-field';
import { FormErrors, NO_ERRORS, apiFormErrors, focusFirstError } from '../shared/form-errors';
import { FORM_FIELD } from '../shared/form-field';
import { FormErrorList, SaveStatus } from '../shared/form-status';
import { loadable } from '../shared/loadable';
import { CONFLICT_MESSAGE } from './item-context';
import { NOBODY } from './item-form';
import { sortedPersons, writableFunctions } from './item-form-options';
import { JlItemTextFields } from './item-text-fields';

/** What the « Modifier la fiche » form changes: an action's or a milestone's own fields. */
export interface EditTarget {
  kind: 'action' | 'milestone';
  id: string;
  version: number;
  functionId: string;
  title: string;
  description: string;
  /** actions of the central function only */
  volet: CentralVolet | null;
  ownerId: string | null;
  /** the owner's name, offered even when their account is no longer active */
  ownerName: string | null;
}

/** the fields, in their order on the page (ids `edit-<field>`): the API's errors on others go above it */
const FIELDS = ['title', 'description', 'functionId', 'volet', 'ownerId', 'comment'] as const;

/**
 * Editing an item's own fields on its page: title, description, function (among those the person
 * may write), volet (central function), owner, with a comment; only what changed is sent, with
 * the version read. A 409 says so and offers to reload. Emits `changed` once saved (or to reload).
 * Its dates are the « Replanifier » form's.
 */
@Component({
  selector: 'jl-item-edit-form',
  imports: [FormsModule, FORM_FIELD, JlCommentField, JlItemTextFields, FormErrorList, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './item-edit-form.html',
})
export class ItemEditForm {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;

  readonly target = input.required<EditTarget>();
  /** the roadmap's functions */
  readonly functions = input.required<readonly FunctionView[]>();
  /** the item changed on the server: load it again */
  readonly changed = output<void>();

  private readonly auth = inject(AuthService);
  private readonly items = inject(ItemsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly personsApi = inject(PersonsService);
  protected readonly persons = loadable(() => this.personsApi.list());
  protected readonly personList = computed(() => {
    const { ownerId: id, ownerName: name } = this.target();
    const persons = this.persons.value() ?? [];
    return sortedPersons(id && name && !persons.some((p) => p.id === id) ? [...persons, { id, name }] : persons);
  });
  protected readonly choices = computed(() =>
    writableFunctions(this.functions(), (id) => this.auth.canWriteItemsOf(id), this.target().functionId),
  );
  protected readonly nobody = NOBODY;
  protected readonly conflictMessage = CONFLICT_MESSAGE;

  // the form, reset to the item's values whenever it is (re)loaded
  protected readonly title = linkedSignal(() => this.target().title);
  protected readonly description = linkedSignal(() => this.target().description);
  protected readonly functionId = linkedSignal(() => this.target().functionId);
  protected readonly fn = computed(() => this.functions().find((f) => f.id === this.functionId()) ?? null);
  protected readonly volet = linkedSignal<CentralVolet | ''>(() =>
    this.fn()?.id === this.target().functionId ? (this.target().volet ?? '') : '',
  );
  protected readonly ownerId = linkedSignal(() => this.target().ownerId ?? NOBODY);
  protected readonly comment = linkedSignal({ source: this.target, computation: () => '' });

  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly conflict = signal(false);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    this.done.set(null);
    this.conflict.set(false);
    if (!this.title().trim()) {
      this.showErrors({ byField: { title: this.i18n.t('Donnez un titre.') }, general: [] });
      return;
    }
    const patch = this.patch();
    if (Object.keys(patch).length === 1) {
      this.errors.set(NO_ERRORS);
      this.done.set(this.i18n.t('Rien à enregistrer : la fiche n’a pas changé.'));
      return;
    }
    this.errors.set(NO_ERRORS);
    this.saving.set(true);
    this.request(patch)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.done.set(this.i18n.t('Fiche enregistrée.'));
          this.changed.emit();
        },
        error: (err: unknown) => {
          this.saving.set(false);
          const e = toApiRequestError(err, this.i18n.translate());
          if (e.status === 409) {
            this.conflict.set(true);
            return;
          }
          this.showErrors(apiFormErrors(e, FIELDS));
        },
      });
  }

  protected reload(): void {
    this.conflict.set(false);
    this.changed.emit();
  }

  /** The version, and only the fields changed (a comment alone is a change of the history). */
  private patch(): UpdateActionDto & UpdateMilestoneDto {
    const t = this.target();
    const patch: UpdateActionDto & UpdateMilestoneDto = { version: t.version };
    const title = this.title().trim();
    const description = this.description().trim();
    if (title !== t.title) patch.title = title;
    if (description !== t.description) patch.description = description;
    if (this.functionId() !== t.functionId) patch.functionId = this.functionId();
    const ownerId = this.ownerId() === NOBODY ? null : this.ownerId();
    if (ownerId !== t.ownerId) patch.ownerId = ownerId;
    if (t.kind === 'action') {
      const volet = this.fn()?.central ? this.volet() || null : null;
      if (volet !== t.volet) patch.volet = volet;
    }
    const comment = this.comment().trim();
    if (comment) patch.comment = comment;
    return patch;
  }

  private request(patch: UpdateActionDto & UpdateMilestoneDto): Observable<unknown> {
    const t = this.target();
    if (t.kind === 'action') return this.items.updateAction(t.id, patch);
    // a milestone has no volet: `patch()` sets none for it
    return this.items.updateMilestone(t.id, patch);
  }

  private showErrors(errors: FormErrors): void {
    this.errors.set(errors);
    focusFirstError(this.errors, FIELDS, 'edit', this.injector);
  }
}
