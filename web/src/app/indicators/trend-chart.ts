import type { IndicatorView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { formatFrDate, maxDate, toDayNumber } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { formatValue, trendSummary } from './indicator-format';

export const CHART_WIDTH = 320;
export const CHART_HEIGHT = 150;
const PAD = { left: 40, right: 8, top: 18, bottom: 22 } as const;

export interface ChartPoint {
  x: number;
  y: number;
}

/** Where each part of the trend chart falls, in the SVG's own units (viewBox 0 0 320 150). */
export interface TrendGeometry {
  /** the planned path from the baseline to the target (drawn dashed) */
  baseline: ChartPoint;
  target: ChartPoint;
  /** the measurements, oldest first */
  points: (ChartPoint & { id: string })[];
  /** the measurements' line (`points` of a polyline), null under two measurements */
  line: string | null;
  /** today's vertical mark, null when today lies outside the chart's days */
  today: number | null;
  /** the chart's first and last days, written under it */
  from: IsoDate;
  to: IsoDate;
  /** the lowest and highest values shown, written at their height on the left */
  ticks: { value: number; y: number }[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The trend chart's geometry: days from the baseline's date to the latest of the target's date, the
 * latest measurement and today; values from the lowest to the highest of baseline, target and
 * measurements, with a margin. Pure, so that the page's spec can check where things fall.
 */
export function trendGeometry(ind: IndicatorView, today: IsoDate): TrendGeometry {
  const last = ind.measurements.at(-1)?.on;
  const from = ind.baseline.on;
  const to = maxDate(ind.target.on, ...(last ? [last] : []), ...(today > from ? [today] : []));
  const values = [ind.baseline.value, ind.target.value, ...ind.measurements.map((m) => m.value)];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const margin = max === min ? Math.max(1, Math.abs(max) * 0.1) : (max - min) * 0.1;
  const low = min - margin;
  const high = max + margin;
  const start = toDayNumber(from);
  const span = Math.max(1, toDayNumber(to) - start);
  const plotWidth = CHART_WIDTH - PAD.left - PAD.right;
  const plotHeight = CHART_HEIGHT - PAD.top - PAD.bottom;
  const x = (day: IsoDate) => round(PAD.left + ((toDayNumber(day) - start) / span) * plotWidth);
  const y = (value: number) => round(PAD.top + (1 - (value - low) / (high - low)) * plotHeight);
  const points = ind.measurements.map((m) => ({ id: m.id, x: x(m.on), y: y(m.value) }));
  return {
    baseline: { x: x(from), y: y(ind.baseline.value) },
    target: { x: x(ind.target.on), y: y(ind.target.value) },
    points,
    line: points.length > 1 ? points.map((p) => `${p.x},${p.y}`).join(' ') : null,
    today: today >= from && today <= to ? x(today) : null,
    from,
    to,
    ticks: (min === max ? [min] : [max, min]).map((value) => ({ value, y: y(value) })),
  };
}

/**
 * An indicator's trend, drawn by the app in SVG: the measurements as points joined by a line, the
 * planned path from the baseline to the target dashed, today marked. The picture is one image for a
 * screen reader, named by a sentence giving the latest measurement and the target; the measurements
 * themselves are in the table beside it.
 */
@Component({
  selector: 'jl-trend-chart',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let g = geometry();
    <svg class="trend" role="img" [attr.viewBox]="'0 0 ' + width + ' ' + height" [attr.aria-label]="summary()" data-testid="trend-chart">
      <line
        class="trend__axis"
        [attr.x1]="pad.left"
        [attr.x2]="width - pad.right"
        [attr.y1]="height - pad.bottom"
        [attr.y2]="height - pad.bottom"
      />
      <line
        class="trend__plan"
        data-testid="trend-plan"
        [attr.x1]="g.baseline.x"
        [attr.y1]="g.baseline.y"
        [attr.x2]="g.target.x"
        [attr.y2]="g.target.y"
      />
      <circle class="trend__target" [attr.cx]="g.target.x" [attr.cy]="g.target.y" r="4" />
      @if (g.today !== null) {
        <line
          class="trend__today"
          data-testid="trend-today"
          [attr.x1]="g.today"
          [attr.x2]="g.today"
          [attr.y1]="pad.top - 4"
          [attr.y2]="height - pad.bottom"
        />
        <text class="trend__label" [attr.x]="g.today" y="10" text-anchor="middle">{{ 'aujourd’hui' | t: lang() }}</text>
      }
      @if (g.line; as points) {
        <polyline class="trend__line" data-testid="trend-line" [attr.points]="points" />
      }
      @for (p of g.points; track p.id) {
        <circle class="trend__point" data-testid="trend-point" [attr.cx]="p.x" [attr.cy]="p.y" r="3.5" />
      }
      <text class="trend__label" [attr.x]="pad.left" [attr.y]="height - 6">{{ from() }}</text>
      <text class="trend__label" [attr.x]="width - pad.right" [attr.y]="height - 6" text-anchor="end">{{ to() }}</text>
      @for (tick of ticks(); track tick.y) {
        <text class="trend__label" [attr.x]="pad.left - 4" [attr.y]="tick.y + 3" text-anchor="end">{{ tick.text }}</text>
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
      max-inline-size: 32rem;
    }
    .trend {
      display: block;
      inline-size: 100%;
      block-size: auto;
      overflow: visible;
    }
    .trend__axis {
      stroke: var(--jl-border);
    }
    .trend__plan {
      stroke: var(--jl-text-muted);
      stroke-width: 1.5;
      stroke-dasharray: 5 4;
    }
    .trend__target {
      fill: var(--jl-surface);
      stroke: var(--jl-text);
      stroke-width: 2;
    }
    .trend__today {
      stroke: var(--jl-today);
      stroke-width: 1.5;
    }
    .trend__line {
      fill: none;
      stroke: var(--jl-accent);
      stroke-width: 2;
    }
    .trend__point {
      fill: var(--jl-accent);
    }
    .trend__label {
      fill: var(--jl-text-muted);
      font-size: 10px;
    }
  `,
})
export class TrendChart {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly indicator = input.required<IndicatorView>();
  /** the day marked « aujourd’hui » */
  readonly today = input.required<IsoDate>();

  protected readonly width = CHART_WIDTH;
  protected readonly height = CHART_HEIGHT;
  protected readonly pad = PAD;
  protected readonly geometry = computed(() => trendGeometry(this.indicator(), this.today()));
  protected readonly summary = computed(() => trendSummary(this.indicator(), this.lang(), this.i18n.translate()));
  protected readonly from = computed(() => formatFrDate(this.geometry().from));
  protected readonly to = computed(() => formatFrDate(this.geometry().to));
  protected readonly ticks = computed(() =>
    this.geometry().ticks.map((tick) => ({ y: tick.y, text: formatValue(tick.value, '', this.lang()) })),
  );
}
