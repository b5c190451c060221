import type { ActionView, ChronogramView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Observable } from 'rxjs';

import { toApiRequestError } from '../data/api-error';
import { ItemsService } from '../data/items.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { refusalMessage } from '../shared/form-errors';
import { SaveStatus } from '../shared/form-status';
import { JlDependencyPicker } from './dependency-picker';
import { CONFLICT_MESSAGE } from './item-context';
import { actionOptions } from './item-form-options';

/**
 * An action's predecessors on its page, for whoever may write it: each with « Retirer », and
 * « Ajouter une action précédente » (a searchable picker). A refusal (a cycle…) is shown under the
 * picker; a 409 offers to reload. Emits `changed` once saved, for the page to load the action again.
 */
@Component({
  selector: 'jl-item-dependencies',
  imports: [RouterLink, JlDependencyPicker, SaveStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let a = action();
    <section class="card" aria-labelledby="titre-dependances">
      <h2 id="titre-dependances">{{ 'Actions précédentes' | t: lang() }}</h2>
      @if (conflict()) {
        <div class="notice notice--error" role="alert">
          <p>{{ conflictMessage | t: lang() }}</p>
          <button type="button" class="button" (click)="changed.emit()">{{ 'Recharger' | t: lang() }}</button>
        </div>
      }
      <jl-save-status [busy]="saving()" [done]="done()" />
      @if (a.predecessorIds.length === 0) {
        <p>{{ 'Aucune action précédente.' | t: lang() }}</p>
      } @else {
        <ul class="plain-list" data-testid="predecessors">
          @for (pid of a.predecessorIds; track pid) {
            <li class="row-actions dependency">
              <a [routerLink]="link(pid)">{{ titles().get(pid) ?? ('Action précédente' | t: lang()) }}</a>
              <button type="button" class="button" [attr.aria-disabled]="saving() ? true : null" (click)="remove(pid)">
                {{ 'Retirer' | t: lang() }}<span class="visually-hidden"> {{ titles().get(pid) }}</span>
              </button>
            </li>
          }
        </ul>
      }
      <jl-dependency-picker
        controlId="deps-add"
        [label]="'Ajouter une action précédente' | t: lang()"
        [hint]="'Tapez une partie de son titre, puis choisissez-la dans la liste (flèches et Entrée).' | t: lang()"
        [options]="options()"
        [error]="error()"
        (picked)="add($event)"
      />
    </section>
  `,
  styles: `
    .dependency {
      justify-content: space-between;
      padding: 0.25rem 0;
    }
  `,
})
export class ItemDependencies {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;

  readonly action = input.required<ActionView>();
  /** the roadmap's chronogram: the actions one may pick, their functions and titles */
  readonly chronogram = input.required<ChronogramView>();
  readonly changed = output<void>();

  private readonly items = inject(ItemsService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly titles = computed(() => new Map(this.chronogram().actions.map((x) => [x.id, x.title])));
  /** every other action of the roadmap but those already before this one */
  protected readonly options = computed(() => {
    const a = this.action();
    return actionOptions(this.chronogram(), new Set([a.id, ...a.predecessorIds]), this.i18n.translate());
  });
  protected readonly conflictMessage = CONFLICT_MESSAGE;
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);

  protected link(id: string): Array<string | number> {
    return roadmapPath(this.chronogram().roadmap.slug, 'actions', id);
  }

  protected add(predecessorId: string): void {
    const a = this.action();
    const title = this.titles().get(predecessorId) ?? '';
    this.send(
      this.items.addDependency(a.id, { predecessorId, version: a.version }),
      this.i18n.t('« {title} » ajoutée aux actions précédentes.', { title }),
    );
  }

  protected remove(predecessorId: string): void {
    const a = this.action();
    const title = this.titles().get(predecessorId) ?? '';
    this.send(
      this.items.removeDependency(a.id, predecessorId, a.version),
      this.i18n.t('« {title} » retirée des actions précédentes.', { title }),
    );
  }

  private send(request: Observable<unknown>, done: string): void {
    if (this.saving()) return;
    this.error.set(null);
    this.conflict.set(false);
    this.done.set(null);
    this.saving.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.saving.set(false);
        this.done.set(done);
        this.changed.emit();
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiRequestError(err, this.i18n.translate());
        if (e.status === 409) this.conflict.set(true);
        // the reason (a cycle…) next to the picker; any other refusal whole
        else this.error.set(e.body?.errors?.find((v) => v.field === 'predecessorId')?.message ?? refusalMessage(e));
      },
    });
  }
}
