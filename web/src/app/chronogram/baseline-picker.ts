import type { BaselineView, ChronogramBaselineView } from '@jalons/contract';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input, linkedSignal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { of } from 'rxjs';

import { BaselinesService } from '../data/baselines.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { FORM_FIELD } from '../shared/form-field';
import { loadable } from '../shared/loadable';

/** An option of the list: a baseline as listed, or the one shown while the list loads. */
type Choice = Pick<BaselineView, 'id' | 'number' | 'label'>;

/**
 * « Comparer à la ligne de base » above the chronogram: the choice goes in the URL (`?ligne=<id>`),
 * the page loads the chronogram with that baseline's dates (ghost bars and diamonds beneath the
 * items, a « Glissement » column in the table), and a legend says what the grey shapes are. The
 * list of baselines is asked for only once the reader opens the choice (or one is chosen).
 */
@Component({
  selector: 'jl-baseline-picker',
  imports: [FORM_FIELD, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './baseline-picker.html',
  styles: `
    .baseline-picker {
      max-width: 32rem;
      margin-bottom: 0.75rem;
    }
    .baseline-picker select {
      max-width: 100%;
    }
    .baseline-legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      align-items: center;
      margin: 0 0 0.75rem;
      font-size: 0.9rem;
    }
    .baseline-legend__bar,
    .baseline-legend__diamond {
      display: inline-block;
      margin-right: 0.35rem;
      background: #6b7584;
      vertical-align: middle;
    }
    .baseline-legend__bar {
      width: 2rem;
      height: 4px;
    }
    .baseline-legend__diamond {
      width: 7px;
      height: 7px;
      transform: rotate(45deg);
    }
  `,
})
export class BaselinePicker {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly baselines = inject(BaselinesService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  readonly roadmapId = input.required<string>();
  readonly slug = input.required<string>();
  /** the baseline the chronogram was loaded with (its `baseline`), if any */
  readonly chosen = input<ChronogramBaselineView | null>(null);

  /** the choice is shown: pressed open, or a baseline is chosen */
  protected readonly open = linkedSignal(() => this.chosen() !== null);
  protected readonly list = loadable(
    () => (this.open() ? this.roadmapId() : null),
    (id) => (id ? this.baselines.list(id) : of(null)),
  );
  protected readonly choices = computed((): Choice[] => {
    const listed = this.list.value();
    if (listed) return listed;
    const chosen = this.chosen();
    return chosen ? [chosen] : [];
  });
  protected readonly pageLink = computed(() => roadmapPath(this.slug(), 'lignes-de-base'));

  /** « Comparer à une ligne de base »: the list, the keyboard on it */
  protected reveal(): void {
    this.open.set(true);
    afterNextRender(() => this.document.getElementById('chronogram-baseline')?.focus(), { injector: this.injector });
  }

  protected choose(id: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { ligne: id || null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
