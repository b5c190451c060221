import type { SCurveView } from '@jalons/contract';
import { Provider } from '@angular/core';

import { SCurveChart, SCurveChartData, SCurveCharts } from '../s-curve-chart';

/** What the fake chart library was asked to draw, newest last. */
export class FakeSCurveCharts {
  readonly drawn: SCurveChartData[] = [];
  destroyed = 0;
  /** set to make the next drawings fail (chart.js could not load) */
  fail = false;

  async draw(_canvas: HTMLCanvasElement, data: SCurveChartData): Promise<SCurveChart> {
    if (this.fail) throw new Error('chart.js unavailable');
    this.drawn.push(data);
    return { destroy: () => this.destroyed++ };
  }
}

/** jsdom has no canvas: specs of pages showing an S-curve draw it with this fake. */
export function provideFakeSCurveCharts(fake = new FakeSCurveCharts()): Provider {
  return { provide: SCurveCharts, useValue: fake };
}

/** A roadmap's curve: three month ends and today (29/11/2026), then the months to come. */
export function anSCurve(overrides: Partial<SCurveView> = {}): SCurveView {
  return {
    scope: 'roadmap',
    scopeId: null,
    name: 'Ville et Métropole de Brest',
    baselineId: null,
    today: '2026-11-29',
    start: '2026-09-01',
    end: '2027-01-31',
    points: [
      { date: '2026-09-30', expected: 10, achieved: 8.5 },
      { date: '2026-10-31', expected: 25, achieved: 20 },
      { date: '2026-11-29', expected: 41, achieved: 34 },
      { date: '2026-11-30', expected: 42.5, achieved: null },
      { date: '2026-12-31', expected: 70, achieved: null },
      { date: '2027-01-31', expected: 100, achieved: null },
    ],
    ...overrides,
  };
}
