import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';

/** The overview's « Planification » block, for the project lead: the phases' dates, closing the mandate. */
@Component({
  selector: 'jl-planning-links',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="titre-planification" data-testid="planning-links">
      <h2 id="titre-planification">{{ 'Planification' | t: lang() }}</h2>
      @if (closedAt()) {
        <p class="notice">{{ 'Ce mandat est clos.' | t: lang() }}</p>
      }
      <ul>
        <li>
          <a [routerLink]="path(slug(), 'phases')">{{ 'Modifier les dates des phases' | t: lang() }}</a>
        </li>
        <li>
          <a [routerLink]="path(slug(), 'reprise')">{{ 'Clore le mandat et reprendre les éléments non terminés' | t: lang() }}</a>
        </li>
      </ul>
    </section>
  `,
})
export class PlanningLinks {
  protected readonly lang = inject(I18n).lang;
  readonly slug = input.required<string>();
  readonly closedAt = input<string | null | undefined>(null);
  protected readonly path = roadmapPath;
}
