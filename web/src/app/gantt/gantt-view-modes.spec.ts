import { FRENCH_MONTHS, frappeViewMode, frappeViewModes, quarterLabel } from './gantt-view-modes';

/** The labels frappe writes for consecutive day columns, as (day → text) for non-empty ones. */
function labels(mode: 'month' | 'quarter' | 'year', line: 'upper_text' | 'lower_text', from: Date, days: number): string[] {
  const vm = frappeViewMode(mode);
  const f = vm[line];
  if (typeof f !== 'function') throw new Error('labels are functions');
  const out: string[] = [];
  let previous: Date | null = null;
  for (let i = 0; i < days; i++) {
    const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + i);
    const text = f(d, previous, 'fr');
    if (text) out.push(`${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()} ${text}`);
    previous = d;
  }
  return out;
}

describe('view modes', () => {
  it('step one day per column, with exact column widths', () => {
    expect(frappeViewModes('quarter').map((m) => [m.name, m.step, m.column_width])).toEqual([
      ['quarter', '1d', 1.5],
      ['month', '1d', 4],
      ['year', '1d', 0.5],
    ]);
  });

  it('month: French month names on the first of each month, the year on 1 January', () => {
    expect(labels('month', 'lower_text', new Date(2025, 11, 1), 65)).toEqual([
      '2025-12-1 Décembre',
      '2026-1-1 Janvier',
      '2026-2-1 Février',
    ]);
    expect(labels('month', 'upper_text', new Date(2025, 11, 1), 65)).toEqual(['2025-12-1 2025', '2026-1-1 2026']);
    expect(FRENCH_MONTHS).toEqual([
      'Janvier',
      'Février',
      'Mars',
      'Avril',
      'Mai',
      'Juin',
      'Juillet',
      'Août',
      'Septembre',
      'Octobre',
      'Novembre',
      'Décembre',
    ]);
  });

  it('quarter: T1 … T4 on the first day of each quarter', () => {
    expect(labels('quarter', 'lower_text', new Date(2026, 0, 1), 365)).toEqual([
      '2026-1-1 T1',
      '2026-4-1 T2',
      '2026-7-1 T3',
      '2026-10-1 T4',
    ]);
    expect([0, 2, 3, 11].map(quarterLabel)).toEqual(['T1', 'T1', 'T2', 'T4']);
  });

  it('year: the year on 1 January, nothing above', () => {
    expect(labels('year', 'lower_text', new Date(2026, 0, 1), 800)).toEqual(['2026-1-1 2026', '2027-1-1 2027', '2028-1-1 2028']);
    expect(labels('year', 'upper_text', new Date(2026, 0, 1), 800)).toEqual([]);
  });
});
