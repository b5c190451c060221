import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';

import { GROUP_LABELS } from '../actors/actor-labels';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import {
  Arrow,
  CELL,
  MARGIN,
  MapPoint,
  PLOT,
  POINT_RADIUS,
  START_RADIUS,
  TICKS,
  VIEW_HEIGHT,
  VIEW_WIDTH,
  shapePath,
  zones,
} from './map-geometry';
import { pointName } from './map-text';

/** A point as drawn: its geometry, its spoken name, the hidden filter's verdict. */
interface DrawnPoint extends MapPoint {
  name: string;
  shape: string;
  transform: string;
  /** the arrow's line, a quadratic curve */
  curve: string | null;
  hidden: boolean;
}

/**
 * The maturity × ambition map (ADR 0016): the groups' zones, one point per assessed actor (shape by kind), an
 * arrow from where each moved actor was first placed. Each point takes the keyboard in the given order and is
 * named for screen readers; focus or hover shows the same words in a tooltip (Escape hides it).
 */
@Component({
  selector: 'jl-maturity-map',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './maturity-map.html',
  styleUrl: './maturity-map.scss',
})
export class MaturityMap {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;

  /** every assessed actor's point (mapPoints), spread once for all so that filtering moves none */
  readonly points = input.required<readonly MapPoint[]>();
  /** the ids of the actors the filters keep */
  readonly shown = input.required<ReadonlySet<string>>();
  readonly thresholds = input.required<{ matureFrom: number; ambitiousFrom: number }>();
  /** the SVG's accessible name */
  readonly label = input.required<string>();

  protected readonly view = { width: VIEW_WIDTH, height: VIEW_HEIGHT, left: MARGIN.left, top: MARGIN.top, plot: PLOT };
  protected readonly ticks = TICKS;
  /** the cells' inner edges, from the plot's left (or top) */
  protected readonly grid = TICKS.slice(1).map((_, i) => (i + 1) * CELL);
  protected readonly ringRadius = POINT_RADIUS + 4;
  protected readonly startRadius = START_RADIUS;
  protected readonly groupLabels = GROUP_LABELS;
  protected readonly zones = computed(() => zones(this.thresholds()));

  protected readonly drawn = computed<DrawnPoint[]>(() => {
    const t = this.i18n.translate();
    const shown = this.shown();
    return this.points().map((p) => ({
      ...p,
      name: pointName(p, t),
      shape: shapePath(p.kind),
      transform: `translate(${round(p.x)} ${round(p.y)})`,
      curve: p.arrow ? curveOf(p.arrow) : null,
      hidden: !shown.has(p.actor.id),
    }));
  });

  /** the point whose tooltip shows (focused or hovered) */
  protected readonly active = signal<string | null>(null);
  protected readonly tooltip = computed(() => {
    const id = this.active();
    const p = id ? this.drawn().find((d) => d.actor.id === id && !d.hidden) : undefined;
    if (!p) return null;
    const left = (p.x / VIEW_WIDTH) * 100;
    const top = (p.y / VIEW_HEIGHT) * 100;
    // kept inside the map: pulled left near the right edge, right near the left one, below the point near the top
    // (on a phone it spans the map's width: maturity-map.scss)
    const align = left < 30 ? 'start' : left > 70 ? 'end' : 'middle';
    return {
      text: p.name,
      className: `map__tooltip map__tooltip--${align} map__tooltip--${top < 25 ? 'below' : 'above'}`,
      style: { '--tip-x': `${round(left)}%`, '--tip-y': `${round(top)}%` },
    };
  });

  protected show(id: string): void {
    this.active.set(id);
  }

  protected hide(id: string): void {
    if (this.active() === id) this.active.set(null);
  }

  protected round = round;
}

function curveOf(a: Arrow): string {
  return `M ${round(a.from.x)} ${round(a.from.y)} Q ${round(a.control.x)} ${round(a.control.y)} ${round(a.to.x)} ${round(a.to.y)}`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
