/** What the chart draws, already translated and formatted (the component prepares it, chart-setup.ts draws it). */
export interface SCurveChartData {
  /** one label per point, in date order */
  labels: string[];
  expected: number[];
  /** null after today: the line stops there */
  achieved: Array<number | null>;
  /** the point of today (the « aujourd'hui » marker); -1: none */
  todayIndex: number;
  texts: { expected: string; achieved: string; today: string };
}

/** A drawn chart: destroyed before drawing again and when the component goes. */
export interface SCurveChart {
  destroy(): void;
}
