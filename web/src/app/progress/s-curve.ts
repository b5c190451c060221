import type { SCurvePoint, SCurveScope, SCurveView } from '@jalons/contract';
import { formatFrDate } from '@jalons/domain';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';

import { ProgressService } from '../data/progress.service';
import { I18n, Translate } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { DataTable } from '../shared/data-table';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';
import { PercentPipe, formatPercent } from '../shared/percent.pipe';
import { SCurveChart, SCurveChartData, SCurveCharts } from './s-curve-chart';

/** The point a reader is told about: the last one with achieved progress (today's, during the mandate). */
export function latestPoint(points: readonly SCurvePoint[]): SCurvePoint | null {
  for (let i = points.length - 1; i >= 0; i--) {
    if (points[i].achieved !== null) return points[i];
  }
  return null;
}

/** The canvas's accessible name: « Courbe en S de « Brest », au 29/11/2026 : réalisé 34 %, prévu 41 % ». */
export function curveSummary(view: SCurveView, t: Translate): string {
  const last = latestPoint(view.points);
  if (!last) return t('Courbe en S de « {name} » : rien n’est encore réalisé à ce jour.', { name: view.name });
  return t('Courbe en S de « {name} », au {date} : réalisé {achieved}, prévu {expected}', {
    name: view.name,
    date: formatFrDate(last.date),
    achieved: formatPercent(last.achieved, t.lang),
    expected: formatPercent(last.expected, t.lang),
  });
}

/** What chart.js draws: month labels (« 11/2026 »), today's point by its day. */
export function chartData(view: SCurveView, t: Translate): SCurveChartData {
  return {
    labels: view.points.map((p) => (p.date === view.today ? formatFrDate(p.date) : formatFrDate(p.date).slice(3))),
    expected: view.points.map((p) => p.expected),
    achieved: view.points.map((p) => p.achieved),
    todayIndex: view.points.findIndex((p) => p.date === view.today),
    texts: { expected: t('Prévu'), achieved: t('Réalisé'), today: t('aujourd’hui') },
  };
}

/**
 * The S-curve of a roadmap, a phase or a function: expected progress (the plan, or a baseline's)
 * against achieved progress (replayed from the history), month by month, with today marked. The
 * chart is an image named by its latest point; the same points are in a table behind « Voir les
 * données », for screen readers and for anyone who wants the figures.
 */
@Component({
  selector: 'jl-s-curve',
  imports: [DataTable, FrDatePipe, PercentPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './s-curve.scss',
  template: `
    @if (curve.value(); as c) {
      <div class="s-curve__chart">
        <canvas #canvas role="img" [attr.aria-label]="summary()" data-testid="s-curve-canvas">{{ summary() }}</canvas>
      </div>
      @if (chartFailed()) {
        <p class="notice">{{ 'Le graphique n’a pas pu être dessiné : les données sont dans le tableau ci-dessous.' | t: lang() }}</p>
      }
      <details class="s-curve__data" [open]="dataOpen()" (toggle)="dataOpen.set(isOpen($event))">
        <summary>{{ 'Voir les données' | t: lang() }}</summary>
        <div
          jlDataTable
          [label]="'Données de la courbe en S' | t: lang()"
          [caption]="'Avancement prévu et réalisé de « {name} », à la fin de chaque mois et aujourd’hui' | t: lang() : { name: c.name }"
          testId="s-curve-data"
        >
          <thead>
            <tr>
              <th scope="col">{{ 'Date' | t: lang() }}</th>
              <th scope="col" class="num">{{ 'Prévu' | t: lang() }}</th>
              <th scope="col" class="num">{{ 'Réalisé' | t: lang() }}</th>
            </tr>
          </thead>
          <tbody>
            @for (p of c.points; track p.date) {
              <tr [class.is-today]="p.date === c.today">
                <th scope="row">
                  {{ p.date | jlDate }}
                  @if (p.date === c.today) {
                    <span class="tag">{{ 'aujourd’hui' | t: lang() }}</span>
                  }
                </th>
                <td class="num">{{ p.expected | jlPercent: lang() }}</td>
                <td class="num">{{ p.achieved | jlPercent: lang() }}</td>
              </tr>
            }
          </tbody>
        </div>
      </details>
    } @else if (curve.error(); as message) {
      <p class="notice notice--error" role="alert">{{ 'Impossible de charger la courbe : {message}' | t: lang() : { message } }}</p>
    } @else {
      <p class="notice" role="status">{{ 'Chargement de la courbe…' | t: lang() }}</p>
    }
  `,
})
export class SCurve {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly progress = inject(ProgressService);
  private readonly charts = inject(SCurveCharts);

  readonly roadmapId = input.required<string>();
  readonly scope = input<SCurveScope>('roadmap');
  /** the phase's or the function's id (scope phase or function) */
  readonly scopeId = input<string | null>(null);
  /** a baseline: the expected curve from its frozen dates; null: the current plan */
  readonly baseline = input<string | null>(null);

  protected readonly curve = loadable(
    () => ({ id: this.roadmapId(), scope: this.scope(), scopeId: this.scopeId(), baseline: this.baseline() }),
    (q) =>
      this.progress.sCurve(q.id, {
        scope: q.scope,
        ...(q.scope !== 'roadmap' && q.scopeId ? { scopeId: q.scopeId } : {}),
        ...(q.baseline ? { baseline: q.baseline } : {}),
      }),
  );
  protected readonly summary = computed(() => {
    const c = this.curve.value();
    return c ? curveSummary(c, this.i18n.translate()) : '';
  });
  private readonly data = computed(() => {
    const c = this.curve.value();
    return c ? chartData(c, this.i18n.translate()) : null;
  });
  protected readonly chartFailed = signal(false);
  /** « Voir les données » stays open when the reader changes the scope */
  protected readonly dataOpen = signal(false);

  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: SCurveChart | null = null;
  /** the drawing in progress: an older one that ends late is thrown away */
  private drawing = 0;

  constructor() {
    effect(() => this.draw(this.canvas()?.nativeElement ?? null, this.data()));
    inject(DestroyRef).onDestroy(() => {
      this.drawing++;
      this.chart?.destroy();
      this.chart = null;
    });
  }

  protected isOpen(event: Event): boolean {
    return (event.target as HTMLDetailsElement).open;
  }

  private draw(canvas: HTMLCanvasElement | null, data: SCurveChartData | null): void {
    const run = ++this.drawing;
    this.chart?.destroy();
    this.chart = null;
    if (!canvas || !data) return;
    this.charts.draw(canvas, data).then(
      (chart) => {
        if (run === this.drawing) {
          this.chart = chart;
          this.chartFailed.set(false);
        } else {
          chart.destroy();
        }
      },
      () => {
        if (run === this.drawing) this.chartFailed.set(true);
      },
    );
  }
}
