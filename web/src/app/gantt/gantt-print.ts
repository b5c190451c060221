/** Printing the chart: the whole of it is shrunk to the width of an A3 landscape page (gantt.scss, @media print). */

/** Usable width of an A3 landscape page with 10 mm margins, in CSS pixels (400 mm at 96 dpi). */
export const A3_LANDSCAPE_PX = Math.floor((400 / 25.4) * 96);

/** The zoom that fits a chart of `width` CSS pixels on one A3 landscape page width (never enlarges). */
export function printZoom(width: number): number {
  return width > A3_LANDSCAPE_PX ? Math.floor((A3_LANDSCAPE_PX / width) * 1000) / 1000 : 1;
}
