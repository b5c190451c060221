import type { IndicatorView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';

import { AuthService } from '../data/auth.service';
import { IndicatorsService } from '../data/indicators.service';
import { I18n } from '../i18n/i18n';
import { parisToday } from '../i18n/paris-day';
import { TranslatePipe } from '../i18n/t.pipe';
import { loadable } from '../shared/loadable';
import { IndicatorCard } from './indicator-card';
import { IndicatorForm } from './indicator-form';

/**
 * « Indicateurs », on a function's page: each indicator of the function with its health, its trend
 * against its target and its measurements. The project lead and the function's owner define them
 * and record measurements; everyone else reads.
 *
 *     <jl-function-indicators [roadmapId]="roadmap.id" [functionId]="fn.id" [today]="roadmap.at" />
 */
@Component({
  selector: 'jl-function-indicators',
  imports: [IndicatorCard, IndicatorForm, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" id="indicateurs" aria-labelledby="titre-indicateurs" data-testid="function-indicators">
      <h2 id="titre-indicateurs" tabindex="-1">{{ 'Indicateurs' | t: lang() }}</h2>
      @if (list(); as indicators) {
        @for (ind of indicators; track ind.id) {
          <jl-indicator-card
            [indicator]="ind"
            [roadmapId]="roadmapId()"
            [today]="today()"
            [canWrite]="canWrite()"
            (changed)="replace($event)"
            (reload)="page.reload()"
            (removed)="onRemoved($event)"
          />
        } @empty {
          <p class="empty">{{ 'Aucun indicateur n’est encore défini pour cette fonction.' | t: lang() }}</p>
        }
      } @else if (page.error(); as message) {
        <p class="notice notice--error" role="alert">{{ 'Impossible de charger les indicateurs : {message}' | t: lang() : { message } }}</p>
      } @else {
        <p class="notice" role="status">{{ 'Chargement des indicateurs…' | t: lang() }}</p>
      }
      @if (canWrite()) {
        <p class="visually-hidden" role="status" data-testid="indicators-status">{{ done() ?? '' }}</p>
        <p class="form-actions">
          <button
            type="button"
            class="button"
            id="indicateur-definir"
            aria-controls="indicateur-nouveau"
            [attr.aria-expanded]="creating()"
            (click)="creating.set(!creating())"
          >
            <span aria-hidden="true">+ </span>{{ 'Définir un indicateur' | t: lang() }}
          </button>
        </p>
        <div id="indicateur-nouveau">
          @if (creating()) {
            <h3>{{ 'Nouvel indicateur' | t: lang() }}</h3>
            <jl-indicator-form
              [roadmapId]="roadmapId()"
              [functionId]="functionId()"
              idPrefix="indicateur-nouveau"
              (saved)="onCreated($event)"
              (cancelled)="closeCreation()"
            />
          }
        </div>
      }
    </section>
  `,
  styles: `
    .empty {
      margin: 0.25rem 0 0.5rem;
      color: var(--jl-text-muted);
    }
  `,
})
export class FunctionIndicators {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly roadmapId = input.required<string>();
  readonly functionId = input.required<string>();
  /** the day the charts mark as today (the roadmap's reference day); today in Paris by default */
  readonly today = input<IsoDate>(parisToday());

  private readonly indicators = inject(IndicatorsService);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  protected readonly page = loadable(
    () => ({ roadmapId: this.roadmapId(), functionId: this.functionId() }),
    (q) => this.indicators.ofFunction(q.roadmapId, q.functionId),
  );
  /** the indicators as last read, or as a form just saved them */
  protected readonly list = linkedSignal<IndicatorView[] | null>(() => this.page.value() ?? null);
  /** the project lead, or this function's owner (the API answers 403 to anyone else) */
  protected readonly canWrite = computed(() => this.auth.canWriteItemsOf(this.functionId()));
  protected readonly creating = signal(false);
  protected readonly done = signal<string | null>(null);

  protected replace(view: IndicatorView): void {
    this.list.update((list) => list?.map((ind) => (ind.id === view.id ? view : ind)) ?? null);
  }

  protected onCreated(view: IndicatorView): void {
    this.creating.set(false);
    this.list.update((list) => [...(list ?? []), view]);
    this.done.set(this.i18n.t('Indicateur « {name} » défini.', { name: view.name }));
    this.focus(`indicateur-${view.id}-titre`, true);
  }

  protected onRemoved(id: string): void {
    const name = this.list()?.find((ind) => ind.id === id)?.name ?? '';
    this.list.update((list) => list?.filter((ind) => ind.id !== id) ?? null);
    this.done.set(this.i18n.t('Indicateur « {name} » supprimé.', { name }));
    this.focus('titre-indicateurs');
  }

  protected closeCreation(): void {
    this.creating.set(false);
    this.focus('indicateur-definir');
  }

  /** After the next drawing, the keyboard on `id` (a heading is made focusable for it). */
  private focus(id: string, heading = false): void {
    afterNextRender(
      () => {
        const el = this.document.getElementById(id);
        if (heading) el?.setAttribute('tabindex', '-1');
        el?.focus();
      },
      { injector: this.injector },
    );
  }
}
