import { Injectable } from '@angular/core';

import type { SCurveChart, SCurveChartData } from './s-curve-chart-data';

export type { SCurveChart, SCurveChartData } from './s-curve-chart-data';

/**
 * Draws the S-curve with chart.js, loaded on the first drawing only (a lazy chunk: the overview and
 * the function page do not carry it). Specs provide a fake instead: jsdom has no canvas.
 */
@Injectable({ providedIn: 'root' })
export class SCurveCharts {
  async draw(canvas: HTMLCanvasElement, data: SCurveChartData): Promise<SCurveChart> {
    const { drawSCurve } = await import('./chart-setup');
    return drawSCurve(canvas, data);
  }
}
