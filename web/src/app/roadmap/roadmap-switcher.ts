import type { RoadmapSummaryView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { catchError, of, switchMap } from 'rxjs';

import { CurrentRoadmap } from '../data/current-roadmap';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { RoadmapDirectory } from './roadmap-directory';
import { sameSectionIn } from './roadmap-path';

/**
 * The roadmap in view, in the header: its territory and mandate, and — when the instance has
 * several — a list to switch to another, staying on the same section (chronogram, Corbeille…).
 * Choosing in the list changes nothing by itself (an arrow key on it must not open another page,
 * RGAA 7.4): « Afficher » does.
 */
@Component({
  selector: 'jl-roadmap-switcher',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (roadmap(); as r) {
      @if (others().length > 1) {
        <form class="switcher" (submit)="$event.preventDefault(); switchTo(chosen())">
          <label class="visually-hidden" for="roadmap-switcher">{{ 'Feuille de route' | t: lang() }}</label>
          <select id="roadmap-switcher" class="switcher__list" (change)="chosen.set($any($event.target).value)">
            @for (o of others(); track o.id) {
              <option [value]="o.slug" [selected]="o.slug === chosen()">{{ label(o) }}</option>
            }
          </select>
          <button type="submit" class="switcher__go">
            {{ 'Afficher' | t: lang() }}<span class="visually-hidden"> {{ 'la feuille de route choisie' | t: lang() }}</span>
          </button>
        </form>
      } @else {
        <p class="context">
          {{ r.territory }} <span aria-hidden="true">·</span><span class="visually-hidden">,</span> {{ r.mandateLabel }}
        </p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .context {
      margin: 0;
      opacity: 0.92;
    }
    .switcher {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
      margin: 0;
    }
    .switcher__list {
      min-width: 0;
      max-width: 100%;
      padding: 0.3rem 0.5rem;
      border: 1px solid #fff;
      border-radius: 4px;
      background: #fff;
      color: var(--jl-text, #1b1b1b);
      font: inherit;
    }
    .switcher__go {
      padding: 0.2rem 0.6rem;
      border: 1px solid #fff;
      border-radius: 4px;
      background: transparent;
      color: #fff;
      font: inherit;
      cursor: pointer;
    }
  `,
})
export class RoadmapSwitcher {
  private readonly router = inject(Router);
  private readonly directory = inject(RoadmapDirectory);
  protected readonly lang = inject(I18n).lang;
  protected readonly roadmap = inject(CurrentRoadmap).roadmap;
  /** read again when the roadmap in view changes (a roadmap just created is listed) */
  private readonly list = toSignal(
    // asked only once a roadmap is in view, and again at each refresh of the directory
    toObservable(computed(() => (this.roadmap() ? this.directory.generation() : null))).pipe(
      switchMap((generation) =>
        generation === null ? of([] as RoadmapSummaryView[]) : this.directory.list().pipe(catchError(() => of([] as RoadmapSummaryView[]))),
      ),
    ),
    { initialValue: [] },
  );
  protected readonly others = computed(() => {
    const list = this.list();
    const r = this.roadmap();
    return r && !list.some((o) => o.id === r.id) ? [...list, r] : list;
  });

  /** the roadmap chosen in the list, opened by « Afficher »; back to the one in view after each switch */
  protected readonly chosen = linkedSignal(() => this.roadmap()?.slug ?? '');

  protected label(r: RoadmapSummaryView): string {
    return `${r.territory} · ${r.mandateLabel}`;
  }

  protected switchTo(slug: string): void {
    if (slug === this.roadmap()?.slug) return;
    void this.router.navigateByUrl(sameSectionIn(this.router.url, slug));
  }
}
