import { CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { Plugin } from 'chart.js';

import type { SCurveChart, SCurveChartData } from './s-curve-chart-data';

/*
 * chart.js, loaded on demand (s-curve-chart.ts imports this file dynamically): only what a line
 * chart on a category axis needs is registered, so the lazy chunk carries nothing else.
 */
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The colours of styles.scss: the plan in muted grey (dashed), what is done in the accent blue, today in red. */
const EXPECTED = '#4a5566';
const ACHIEVED = '#1f5fa8';
const TODAY = '#b3261e';

/** The vertical « aujourd'hui » line, at the category of today's point. */
function todayMarker(index: number, label: string): Plugin<'line'> {
  return {
    id: 'jlToday',
    afterDatasetsDraw(chart) {
      if (index < 0) return;
      const x = chart.scales['x'].getPixelForValue(index);
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = TODAY;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = TODAY;
      ctx.font = '12px system-ui, sans-serif';
      const width = ctx.measureText(label).width;
      // the label on the side of the line that has room
      ctx.fillText(label, x + 4 + width > chart.chartArea.right ? x - 4 - width : x + 4, top + 12);
      ctx.restore();
    },
  };
}

export function drawSCurve(canvas: HTMLCanvasElement, data: SCurveChartData): SCurveChart {
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: [
        {
          label: data.texts.expected,
          data: data.expected,
          borderColor: EXPECTED,
          backgroundColor: EXPECTED,
          borderDash: [6, 4],
          pointRadius: 0,
          borderWidth: 2,
          tension: 0.2,
        },
        {
          label: data.texts.achieved,
          data: data.achieved,
          borderColor: ACHIEVED,
          backgroundColor: ACHIEVED,
          pointRadius: 2,
          borderWidth: 3,
          tension: 0.2,
          spanGaps: false,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: { autoSkip: true, maxRotation: 0 } },
        y: { min: 0, max: 100, ticks: { callback: (value) => `${value} %` } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
    plugins: [todayMarker(data.todayIndex, data.texts.today)],
  });
  return { destroy: () => chart.destroy() };
}
