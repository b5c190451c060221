import type { IndicatorView } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';
import { formatFrDate, maxDate, toDayNumber } from '@jalons/domain';
import { booleanAttribute, ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { formatValue, trendSummary } from './indicator-format';

export const CHART_WIDTH = 320;
export const CHART_HEIGHT = 150;

/** The drawing's size and the margins around its plot, in the SVG's own units. */
export interface ChartFrame {
  width: number;
  height: number;
  pad: { left: number; right: number; top: number; bottom: number };
}

/** The function page's chart: room for the values on the left, the dates under it, « aujourd’hui » above. */
export const FULL_FRAME: ChartFrame = { width: CHART_WIDTH, height: CHART_HEIGHT, pad: { left: 40, right: 8, top: 18, bottom: 22 } };
/** The overview's table: a sparkline of 120 × 36 px, no labels, room only for the points' radius. */
export const COMPACT_FRAME: ChartFrame = { width: 120, height: 36, pad: { left: 4, right: 4, top: 4, bottom: 4 } };

export interface ChartPoint {
  x: number;
  y: number;
}

/** Where each part of the trend chart falls, in the SVG's own units (viewBox 0 0 width height of its frame). */
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
 * measurements, with a margin; laid out in `frame` (the function page's chart unless told). Pure, so
 * that the page's spec can check where things fall.
 */
export function trendGeometry(ind: IndicatorView, today: IsoDate, frame: ChartFrame = FULL_FRAME): TrendGeometry {
  const { width, height, pad } = frame;
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
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const x = (day: IsoDate) => round(pad.left + ((toDayNumber(day) - start) / span) * plotWidth);
  const y = (value: number) => round(pad.top + (1 - (value - low) / (high - low)) * plotHeight);
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
 * themselves are in the table beside it. `compact` draws the same picture at 120 × 36 px without its
 * axis and labels, for a table's row (the overview's « Indicateurs »).
 *
 *     <jl-trend-chart [indicator]="ind" [today]="today()" />
 *     <jl-trend-chart [indicator]="ind" [today]="today()" compact />
 */
@Component({
  selector: 'jl-trend-chart',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.compact]': 'compact()' },
  template: `
    @let g = geometry();
    @let f = frame();
    <svg
      class="trend"
      role="img"
      [attr.viewBox]="'0 0 ' + f.width + ' ' + f.height"
      [attr.aria-label]="summary()"
      data-testid="trend-chart"
    >
      @if (!compact()) {
        <line
          class="trend__axis"
          [attr.x1]="f.pad.left"
          [attr.x2]="f.width - f.pad.right"
          [attr.y1]="f.height - f.pad.bottom"
          [attr.y2]="f.height - f.pad.bottom"
        />
      }
      <line
        class="trend__plan"
        data-testid="trend-plan"
        [attr.x1]="g.baseline.x"
        [attr.y1]="g.baseline.y"
        [attr.x2]="g.target.x"
        [attr.y2]="g.target.y"
      />
      <circle class="trend__target" data-testid="trend-target" [attr.cx]="g.target.x" [attr.cy]="g.target.y" [attr.r]="radius().target" />
      @if (g.today !== null) {
        <line
          class="trend__today"
          data-testid="trend-today"
          [attr.x1]="g.today"
          [attr.x2]="g.today"
          [attr.y1]="compact() ? 0 : f.pad.top - 4"
          [attr.y2]="f.height - f.pad.bottom"
        />
        @if (!compact()) {
          <text class="trend__label" [attr.x]="g.today" y="10" text-anchor="middle">{{ 'aujourd’hui' | t: lang() }}</text>
        }
      }
      @if (g.line; as points) {
        <polyline class="trend__line" data-testid="trend-line" [attr.points]="points" />
      }
      @for (p of g.points; track p.id) {
        <circle class="trend__point" data-testid="trend-point" [attr.cx]="p.x" [attr.cy]="p.y" [attr.r]="radius().point" />
      }
      @if (!compact()) {
        <text class="trend__label" [attr.x]="f.pad.left" [attr.y]="f.height - 6">{{ from() }}</text>
        <text class="trend__label" [attr.x]="f.width - f.pad.right" [attr.y]="f.height - 6" text-anchor="end">{{ to() }}</text>
        @for (tick of ticks(); track tick.y) {
          <text class="trend__label" [attr.x]="f.pad.left - 4" [attr.y]="tick.y + 3" text-anchor="end">{{ tick.text }}</text>
        }
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
      max-inline-size: 32rem;
    }
    :host(.compact) {
      inline-size: 120px;
      max-inline-size: none;
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
    :host(.compact) .trend__plan {
      stroke-dasharray: 3 2;
    }
    .trend__target {
      fill: var(--jl-surface);
      stroke: var(--jl-text);
      stroke-width: 2;
    }
    :host(.compact) .trend__target {
      stroke-width: 1.5;
    }
    .trend__today {
      stroke: var(--jl-today);
      stroke-width: 1.5;
    }
    :host(.compact) .trend__today {
      stroke-width: 1;
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
  /** the table row's sparkline: 120 × 36 px, no axis, no labels */
  readonly compact = input(false, { transform: booleanAttribute });

  protected readonly frame = computed(() => (this.compact() ? COMPACT_FRAME : FULL_FRAME));
  protected readonly radius = computed(() => (this.compact() ? { point: 2.5, target: 3 } : { point: 3.5, target: 4 }));
  protected readonly geometry = computed(() => trendGeometry(this.indicator(), this.today(), this.frame()));
  protected readonly summary = computed(() => trendSummary(this.indicator(), this.lang(), this.i18n.translate()));
  protected readonly from = computed(() => formatFrDate(this.geometry().from));
  protected readonly to = computed(() => formatFrDate(this.geometry().to));
  protected readonly ticks = computed(() =>
    this.geometry().ticks.map((tick) => ({ y: tick.y, text: formatValue(tick.value, '', this.lang()) })),
  );
}
