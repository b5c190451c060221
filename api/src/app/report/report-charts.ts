import { SCORE_MAX, SCORE_MIN, toDayNumber } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import type { ReportData, ReportLang, SCurveView } from '@jalons/contract';

import { REPORT_LABELS, formatDay, formatPercent, groupLabel } from './report-labels';

/*
 * The report's two drawings as SVG text: pure functions, the same drawing in the PDF (pdfmake's `svg`
 * node, vector) and in the web page (inline, with its <title> and role="img"). Attributes only, no
 * CSS (the PDF's SVG reader does not apply style sheets), the Roboto font the PDF embeds.
 */

export const CHART_COLOURS = Object.freeze({
  expected: '#4a5566',
  achieved: '#1f3a68',
  today: '#b3261e',
  grid: '#d5dbe3',
  text: '#1c2430',
  zones: { leaders: '#e1f0e4', median: '#e4ecf8', 'peu-impliques': '#f4efe4' },
  point: '#1f5fa8',
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n1 = (x: number) => Math.round(x * 10) / 10;
const FONT = 'font-family="Roboto" fill="#1c2430"';

function svgOpen(id: string, width: number, height: number, title: string, desc: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>`
  );
}

/** The latest point with an achieved figure (today's), for the drawing's summary. */
export function latestAchieved(curve: SCurveView): { date: IsoDate; achieved: number; expected: number } | null {
  const known = curve.points.filter((p) => p.achieved !== null);
  const last = known[known.length - 1];
  return last ? { date: last.date, achieved: last.achieved!, expected: last.expected } : null;
}

/** The S-curve: expected (dashed) and achieved (solid) progress over the mandate, the years on the x axis, today marked. */
export function sCurveSvg(curve: SCurveView, lang: ReportLang, width = 720, height = 300): string {
  const L = REPORT_LABELS[lang];
  const m = { left: 44, right: 16, top: 28, bottom: 30 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const d0 = toDayNumber(curve.start);
  const span = Math.max(1, toDayNumber(curve.end) - d0);
  const x = (d: IsoDate) => n1(m.left + ((toDayNumber(d) - d0) / span) * w);
  const y = (v: number) => n1(m.top + h - (Math.max(0, Math.min(100, v)) / 100) * h);
  const last = latestAchieved(curve);
  const desc = last
    ? L.sCurveSummary(formatDay(lang, last.date), formatPercent(lang, last.achieved), formatPercent(lang, last.expected))
    : '';
  const parts = [svgOpen('s-curve', width, height, L.sCurve, desc)];
  for (const v of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${m.left}" y1="${y(v)}" x2="${m.left + w}" y2="${y(v)}" stroke="${CHART_COLOURS.grid}" stroke-width="0.5"/>`);
    parts.push(`<text x="${m.left - 6}" y="${y(v) + 3}" font-size="9" text-anchor="end" ${FONT}>${v} %</text>`);
  }
  const startYear = Number(curve.start.slice(0, 4));
  const endYear = Number(curve.end.slice(0, 4));
  for (let year = startYear + 1; year <= endYear; year++) {
    const xx = x(`${year}-01-01`);
    parts.push(`<line x1="${xx}" y1="${m.top}" x2="${xx}" y2="${m.top + h}" stroke="${CHART_COLOURS.grid}" stroke-width="0.5"/>`);
    parts.push(`<text x="${xx}" y="${m.top + h + 14}" font-size="9" text-anchor="middle" ${FONT}>${year}</text>`);
  }
  const line = (pts: Array<{ date: IsoDate; v: number }>) => pts.map((p) => `${x(p.date)},${y(p.v)}`).join(' ');
  const expected = curve.points.map((p) => ({ date: p.date, v: p.expected }));
  const achieved = curve.points.filter((p) => p.achieved !== null).map((p) => ({ date: p.date, v: p.achieved! }));
  parts.push(
    `<polyline points="${line(expected)}" fill="none" stroke="${CHART_COLOURS.expected}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
  );
  if (achieved.length) {
    parts.push(`<polyline points="${line(achieved)}" fill="none" stroke="${CHART_COLOURS.achieved}" stroke-width="2.5"/>`);
  }
  if (toDayNumber(curve.today) >= d0 && toDayNumber(curve.today) <= d0 + span) {
    const tx = x(curve.today);
    parts.push(`<line x1="${tx}" y1="${m.top}" x2="${tx}" y2="${m.top + h}" stroke="${CHART_COLOURS.today}" stroke-width="1"/>`);
    parts.push(`<text x="${tx + 3}" y="${m.top + 9}" font-size="8" ${FONT}>${esc(L.today)}</text>`);
  }
  // the legend, in words beside each line's own stroke
  parts.push(
    `<line x1="${m.left}" y1="12" x2="${m.left + 24}" y2="12" stroke="${CHART_COLOURS.expected}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
    `<text x="${m.left + 30}" y="15" font-size="9" ${FONT}>${esc(L.sCurveExpected)}</text>`,
    `<line x1="${m.left + 110}" y1="12" x2="${m.left + 134}" y2="12" stroke="${CHART_COLOURS.achieved}" stroke-width="2.5"/>`,
    `<text x="${m.left + 140}" y="15" font-size="9" ${FONT}>${esc(L.sCurveAchieved)}</text>`,
    `<line x1="${m.left}" y1="${m.top + h}" x2="${m.left + w}" y2="${m.top + h}" stroke="${CHART_COLOURS.text}" stroke-width="0.8"/>`,
    '</svg>',
  );
  return parts.join('');
}

/**
 * The actors' map: maturity (x) by ambition (y), 1 to 5; the three groups' zones; in each cell a disc
 * with how many actors stand there (their names are in the table beside the drawing).
 */
export function actorsMapSvg(map: NonNullable<ReportData['actors']>, lang: ReportLang, size = 360): string {
  const L = REPORT_LABELS[lang];
  const m = { left: 40, right: 8, top: 8, bottom: 36 };
  const cells = SCORE_MAX - SCORE_MIN + 1;
  const cell = (size - m.left - m.right) / cells;
  const height = m.top + cells * cell + m.bottom;
  const cx = (maturity: number) => n1(m.left + (maturity - SCORE_MIN + 0.5) * cell);
  const cy = (ambition: number) => n1(m.top + (SCORE_MAX - ambition + 0.5) * cell);
  const parts = [svgOpen('actors-map', size, n1(height), L.actorsMap, L.actorCount(map.actors.length))];
  const matureX = n1(m.left + (map.matureFrom - SCORE_MIN) * cell);
  const ambitiousY = n1(m.top + (SCORE_MAX - map.ambitiousFrom + 1) * cell);
  const plot = n1(cells * cell);
  const z = CHART_COLOURS.zones;
  parts.push(
    `<rect x="${m.left}" y="${m.top}" width="${n1(matureX - m.left)}" height="${n1(ambitiousY - m.top)}" fill="${z.median}"/>`,
    `<rect x="${matureX}" y="${m.top}" width="${n1(m.left + plot - matureX)}" height="${n1(ambitiousY - m.top)}" fill="${z.leaders}"/>`,
    `<rect x="${m.left}" y="${ambitiousY}" width="${plot}" height="${n1(m.top + plot - ambitiousY)}" fill="${z['peu-impliques']}"/>`,
  );
  const zoneLabel = (x: number, y: number, g: 'leaders' | 'median' | 'peu-impliques') =>
    `<text x="${n1(x + 4)}" y="${n1(y + 11)}" font-size="8" ${FONT}>${esc(groupLabel(lang, g))}</text>`;
  parts.push(zoneLabel(m.left, m.top, 'median'), zoneLabel(matureX, m.top, 'leaders'), zoneLabel(m.left, ambitiousY, 'peu-impliques'));
  for (let s = SCORE_MIN; s <= SCORE_MAX; s++) {
    parts.push(`<text x="${cx(s)}" y="${n1(m.top + plot + 13)}" font-size="9" text-anchor="middle" ${FONT}>${s}</text>`);
    parts.push(`<text x="${m.left - 8}" y="${n1(cy(s) + 3)}" font-size="9" text-anchor="end" ${FONT}>${s}</text>`);
  }
  parts.push(
    `<text x="${n1(m.left + plot / 2)}" y="${n1(m.top + plot + 28)}" font-size="10" text-anchor="middle" ${FONT}>${esc(L.maturity)}</text>`,
    `<text x="12" y="${n1(m.top + plot / 2)}" font-size="10" text-anchor="middle" transform="rotate(-90 12 ${n1(m.top + plot / 2)})" ${FONT}>${esc(L.ambition)}</text>`,
  );
  const counts = new Map<string, number>();
  for (const a of map.actors) counts.set(`${a.maturity}:${a.ambition}`, (counts.get(`${a.maturity}:${a.ambition}`) ?? 0) + 1);
  for (const [key, count] of counts) {
    const [mat, amb] = key.split(':').map(Number);
    const r = n1(Math.min(cell / 2 - 3, 7 + 3 * Math.sqrt(count)));
    parts.push(`<circle cx="${cx(mat)}" cy="${cy(amb)}" r="${r}" fill="${CHART_COLOURS.point}" stroke="#ffffff" stroke-width="1"/>`);
    parts.push(
      `<text x="${cx(mat)}" y="${n1(cy(amb) + 3.5)}" font-size="10" font-weight="bold" text-anchor="middle" font-family="Roboto" fill="#ffffff">${count}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
