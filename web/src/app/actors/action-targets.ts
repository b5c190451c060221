import type { ActionView, ActorView, TargetActorView } from '@jalons/contract';
import type { ActorKind } from '@jalons/domain';
import { ACTOR_KINDS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, input, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { of } from 'rxjs';

import { ActorsService } from '../data/actors.service';
import { toApiRequestError } from '../data/api-error';
import { AuthService } from '../data/auth.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { FORM_FIELD } from '../shared/form-field';
import { FORM_STATUS } from '../shared/form-status';
import { loadable } from '../shared/loadable';
import { KIND_LABELS } from './actor-labels';

/**
 * « Acteurs visés » on an action's page: the actors of the diagnostic the action targets, each saying whether its
 * data référent·e is named, and how many are (« 7 sur 12 ont un·e référent·e données »). The action's writers (the
 * lead, the owner of its function) choose them: a checkbox list of the roadmap's actors, filtered by kind, saved
 * as a whole (PUT).
 */
@Component({
  selector: 'jl-action-targets',
  imports: [FormsModule, FORM_FIELD, FORM_STATUS, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-targets.html',
  styles: `
    .targets li {
      padding: 0.15rem 0;
    }
    .referent-missing {
      font-weight: 600;
    }
    .picker ul {
      margin: 0;
      padding: 0;
      list-style: none;
      max-block-size: 22rem;
      overflow-y: auto;
    }
    .picker .field {
      margin-bottom: 0.5rem;
    }
  `,
})
export class ActionTargets {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly actors = inject(ActorsService);
  private readonly auth = inject(AuthService);
  private readonly current = inject(CurrentRoadmap);
  private readonly destroyRef = inject(DestroyRef);

  readonly action = input.required<ActionView>();

  private readonly actionId = computed(() => this.action().id);
  protected readonly targets = loadable(this.actionId, (id) => this.actors.actionTargets(id));
  /** the lead, or the owner of the action's function */
  protected readonly canWrite = computed(() => this.auth.canWriteItemsOf(this.action().functionId));
  protected readonly withReferent = computed(() => (this.targets.value() ?? []).filter((a) => a.referent !== null).length);

  /** the picker is shown on demand (the roadmap's actors are asked for then) */
  protected readonly open = signal(false);
  private readonly roadmapToList = computed(() => (this.open() ? this.action().roadmapId : null));
  protected readonly register = loadable(this.roadmapToList, (id) => (id ? this.actors.list(id) : of<ActorView[]>([])));
  protected readonly kinds = ACTOR_KINDS;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly kind = signal<'' | ActorKind>('');
  protected readonly shown = computed(() => (this.register.value() ?? []).filter((a) => !this.kind() || a.kind === this.kind()));
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly done = signal<string | null>(null);
  private readonly toggleButton = viewChild<ElementRef<HTMLButtonElement>>('toggle');

  protected actorLink(id: string): Array<string | number> {
    const slug = this.current.roadmap()?.slug;
    return slug ? roadmapPath(slug, 'acteurs', id) : ['/'];
  }

  protected toggleOpen(): void {
    if (!this.open()) {
      this.selected.set(new Set((this.targets.value() ?? []).map((a) => a.id)));
      this.error.set(null);
      this.done.set(null);
    }
    this.open.set(!this.open());
  }

  protected check(id: string, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(id);
    else next.delete(id);
    this.selected.set(next);
  }

  /** ticks every actor the filter shows (« each direction ») */
  protected checkShown(): void {
    this.selected.set(new Set([...this.selected(), ...this.shown().map((a) => a.id)]));
  }

  protected save(): void {
    if (this.saving()) return;
    const t = this.i18n.translate();
    // the roadmap's order (by name), whatever the order of the clicks
    const actorIds = (this.register.value() ?? []).filter((a) => this.selected().has(a.id)).map((a) => a.id);
    this.saving.set(true);
    this.error.set(null);
    this.done.set(null);
    this.actors
      .setActionTargets(this.action().id, { actorIds })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.done.set(t('Acteurs visés enregistrés.'));
          this.open.set(false);
          this.toggleButton()?.nativeElement.focus();
          this.targets.reload();
        },
        error: (err: unknown) => {
          this.saving.set(false);
          const e = toApiRequestError(err, t);
          this.error.set(e.body?.errors?.find((f) => f.field === 'actorIds')?.message ?? e.message);
        },
      });
  }

  protected hasReferent(a: TargetActorView): boolean {
    return a.referent !== null;
  }
}
