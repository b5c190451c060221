import type { PublicRoadmapView } from '@jalons/contract';
import { compareIsoDates } from '@jalons/domain';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ViewEncapsulation, computed, inject, input } from '@angular/core';

import { PublicRoadmapsService } from '../data/public-roadmaps.service';
import { pageSubject } from '../roadmap/page-title';
import { formatPercent } from '../shared/percent.pipe';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { HEALTH_LABELS } from '../shared/labels';
import { loadable } from '../shared/loadable';
import { ProgressBar } from '../shared/progress-bar';
import { compareText } from '../i18n/format';

/** The widget's next milestone: the first not achieved from the page's day on, else the earliest one still open (late). */
export function nextMilestone(r: PublicRoadmapView): PublicRoadmapView['milestones'][number] | null {
  const open = r.milestones.filter((m) => !m.achievedOn).sort((a, b) => compareIsoDates(a.date, b.date) || compareText(a.title, b.title));
  return open.find((m) => compareIsoDates(m.date, r.at) >= 0) ?? open[0] ?? null;
}

/**
 * The widget (/public/:slug/encart, `data.embed`: no header, no footer), made for an `<iframe>` on a
 * town's site — allowed only from the origins the lead listed (frame-ancestors, H2): the headline
 * progress, the health, the current phase and its dates, the next milestone and a link to the whole
 * page. In French whatever the visitor chose in Jalons (the embedding site is French), on a
 * transparent background, within 300×250.
 */
@Component({
  selector: 'jl-public-widget-page',
  imports: [ProgressBar, FrDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // the page's background is the host site's: html and body made transparent while the widget is shown
  encapsulation: ViewEncapsulation.None,
  host: { lang: 'fr', class: 'encart' },
  template: `
    @if (ready(); as r) {
      <article class="encart__card" aria-labelledby="encart-titre" data-testid="widget">
        <h1 id="encart-titre" class="encart__title">{{ r.territory }} · {{ r.mandateLabel }}</h1>
        <p class="encart__figure">
          <span class="encart__value" data-testid="widget-progress">{{ percent(r.headline.progress) }}</span>
          réalisé <span class="encart__expected">({{ percent(r.headline.expected) }} attendu)</span>
        </p>
        <jl-progress-bar class="bar--large" [progress]="r.headline.progress" [expected]="r.headline.expected" />
        <p class="encart__line">
          Calendrier : <span class="health" [class]="'health health--' + r.headline.health">{{ health() }}</span>
        </p>
        @if (currentPhase(); as p) {
          <p class="encart__line" data-testid="widget-phase">
            Phase en cours : <strong>{{ p.name }}</strong
            >, du {{ p.start | jlDate }} au {{ p.end | jlDate }}
          </p>
        }
        @if (next(); as m) {
          <p class="encart__line encart__line--milestone" data-testid="widget-milestone">
            Prochain jalon : {{ m.title }}, le {{ m.date | jlDate }}
          </p>
        }
        <p class="encart__link">
          <a [href]="'/public/' + r.slug" target="_blank" rel="noopener"
            >Voir la feuille de route<span class="visually-hidden"> (nouvel onglet)</span></a
          >
        </p>
      </article>
    } @else if (page.error()) {
      <h1 class="encart__title">Feuille de route</h1>
      <p role="alert">Cette feuille de route n’est pas publique.</p>
    } @else {
      <h1 class="visually-hidden">Feuille de route</h1>
      <p role="status">Chargement…</p>
    }
  `,
  styles: `
    html.jl-embed,
    html.jl-embed body {
      background: transparent;
    }
    .encart {
      display: block;
      max-width: 36rem;
      font-size: 0.85rem;
      line-height: 1.3;
    }
    .encart__card {
      box-sizing: border-box;
      padding: 0.5rem 0.65rem;
      border: 1px solid var(--jl-border);
      border-radius: 6px;
      background: var(--jl-surface);
    }
    .encart__title {
      margin: 0 0 0.2rem;
      font-size: 0.95rem;
    }
    .encart__figure {
      margin: 0 0 0.3rem;
    }
    .encart__value {
      font-size: 1.5rem;
      font-weight: 700;
    }
    .encart__expected {
      color: var(--jl-text-muted);
    }
    .encart__line,
    .encart__link {
      margin: 0.25rem 0 0;
    }
    .encart .bar--large {
      margin: 0.1rem 0;
    }
    /* a 300 × 250 frame: the next milestone gives way, the link to the whole page stays inside */
    @media (max-height: 260px) {
      .encart__line--milestone {
        display: none;
      }
    }
  `,
})
export class PublicWidgetPage {
  /** the roadmap's slug (route parameter) */
  readonly slug = input.required<string>();
  private readonly api = inject(PublicRoadmapsService);

  protected readonly page = loadable(this.slug, (slug) => this.api.get(slug));
  protected readonly ready = computed(() => this.page.value() ?? null);
  /** the roadmap's territory heads the frame's title */
  protected readonly titleSubject = pageSubject(computed(() => this.ready()?.territory ?? null));
  protected readonly currentPhase = computed(() => {
    const r = this.ready();
    return r?.phases.find((p) => p.code === r.currentPhaseCode) ?? null;
  });
  protected readonly next = computed(() => {
    const r = this.ready();
    return r ? nextMilestone(r) : null;
  });
  protected readonly health = computed(() => {
    const r = this.ready();
    return r ? HEALTH_LABELS[r.headline.health] : '';
  });

  constructor() {
    const root = inject(DOCUMENT).documentElement;
    root.classList.add('jl-embed');
    inject(DestroyRef).onDestroy(() => root.classList.remove('jl-embed'));
  }

  protected percent(value: number): string {
    return formatPercent(value, 'fr');
  }
}
