import type { IsoDate } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { IndicatorsService } from '../data/indicators.service';
import { I18n } from '../i18n/i18n';
import { parisToday } from '../i18n/paris-day';
import { TranslatePipe } from '../i18n/t.pipe';
import { InRoadmapPipe } from '../roadmap/in-roadmap.pipe';
import { DataTable } from '../shared/data-table';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';
import { formatValue } from './indicator-format';
import { IndicatorHealthBadge } from './indicator-health-badge';
import { TrendChart } from './trend-chart';

/**
 * The overview's « Indicateurs »: every indicator of the roadmap, function by function, its latest
 * measurement against its target, its trend in small (the function page's chart, compact) and its
 * health; each function links to its page, where the trend is drawn in full with the measurements.
 *
 *     <jl-indicators-summary [roadmapId]="roadmap.id" [slug]="roadmap.slug" [today]="roadmap.at" />
 */
@Component({
  selector: 'jl-indicators-summary',
  imports: [DataTable, FrDatePipe, IndicatorHealthBadge, InRoadmapPipe, RouterLink, TranslatePipe, TrendChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="titre-indicateurs" data-testid="indicators-summary">
      <h2 id="titre-indicateurs">{{ 'Indicateurs' | t: lang() }}</h2>
      @if (rows(); as list) {
        @if (list.length > 0) {
          <div
            jlDataTable
            [label]="'Tableau des indicateurs' | t: lang()"
            [caption]="'Les indicateurs des fonctions : dernière mesure, cible, tendance et état' | t: lang()"
            testId="indicators"
          >
            <thead>
              <tr>
                <th scope="col">{{ 'Fonction' | t: lang() }}</th>
                <th scope="col">{{ 'Indicateur' | t: lang() }}</th>
                <th scope="col" class="num">{{ 'Dernière mesure' | t: lang() }}</th>
                <th scope="col" class="num">{{ 'Cible' | t: lang() }}</th>
                <th scope="col">{{ 'Tendance' | t: lang() }}</th>
                <th scope="col">{{ 'État' | t: lang() }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of list; track row.id) {
                <tr>
                  <td>
                    <a [routerLink]="['/fonctions', row.functionId] | inRoadmap: slug()" fragment="indicateurs">{{ row.functionName }}</a>
                  </td>
                  <th scope="row">{{ row.name }}</th>
                  <td class="num">
                    @if (row.latestOn) {
                      {{ row.latest }} <span class="when">{{ row.latestOn | jlDate }}</span>
                    } @else {
                      {{ 'Aucune mesure' | t: lang() }}
                    }
                  </td>
                  <td class="num">
                    {{ row.target }} <span class="when">{{ '→ {date}' | t: lang() : { date: row.targetOn | jlDate } }}</span>
                  </td>
                  <td class="trend" data-testid="indicator-trend">
                    <jl-trend-chart [indicator]="row.indicator" [today]="today()" compact />
                  </td>
                  <td><jl-indicator-health [health]="row.health" /></td>
                </tr>
              }
            </tbody>
          </div>
        } @else {
          <p class="empty">
            {{
              'Aucun indicateur n’est encore défini : la ou le chef·fe de projet et les référent·es les définissent sur la page de chaque fonction.'
                | t: lang()
            }}
          </p>
        }
      } @else if (page.error(); as message) {
        <p class="notice notice--error" role="alert">{{ 'Impossible de charger les indicateurs : {message}' | t: lang() : { message } }}</p>
      } @else {
        <p class="notice" role="status">{{ 'Chargement des indicateurs…' | t: lang() }}</p>
      }
    </section>
  `,
  styles: `
    .when {
      display: block;
      color: var(--jl-text-muted);
      font-size: 0.85rem;
    }
    .trend {
      vertical-align: middle;
    }
    .empty {
      margin: 0.25rem 0 0.5rem;
      color: var(--jl-text-muted);
    }
  `,
})
export class IndicatorsSummary {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly roadmapId = input.required<string>();
  /** the roadmap's slug, for the functions' links */
  readonly slug = input.required<string>();
  /** the day the trends mark as today (the roadmap's reference day); today in Paris by default */
  readonly today = input<IsoDate>(parisToday());

  private readonly indicators = inject(IndicatorsService);
  protected readonly page = loadable(this.roadmapId, (id) => this.indicators.ofRoadmap(id));
  protected readonly rows = computed(() => {
    const list = this.page.value();
    const lang = this.lang();
    return list
      ? list.map((ind) => ({
          id: ind.id,
          indicator: ind,
          functionId: ind.functionId,
          functionName: ind.functionName,
          name: ind.name,
          latest: ind.latest ? formatValue(ind.latest.value, ind.unit, lang) : null,
          latestOn: ind.latest?.on ?? null,
          target: formatValue(ind.target.value, ind.unit, lang),
          targetOn: ind.target.on,
          health: ind.health,
        }))
      : null;
  });
}
