import type { FrappeViewMode } from 'frappe-gantt';

import { Translate, french, tKey } from '../i18n/i18n';
import { GanttViewMode, PX_PER_DAY } from './gantt-layout';

/**
 * The three view modes as frappe-gantt 1.x view mode objects, with header labels in the language
 * of the interface (French by default).
 *
 * frappe's own Month and Year modes step by one month / one year and place bars with a month
 * difference that counts days as 1/31 of a month while widths count them as 1/30, and they read
 * dragged dates back truncated to whole months. Ours all step by ONE DAY (one column = one day,
 * see PX_PER_DAY) and only write a label on the first day of a month, quarter or year.
 * Month names come from a fixed French list translated by the dictionary, not from Intl: the same
 * text on every browser.
 */

export const FRENCH_MONTHS: readonly string[] = [
  tKey('Janvier'),
  tKey('Février'),
  tKey('Mars'),
  tKey('Avril'),
  tKey('Mai'),
  tKey('Juin'),
  tKey('Juillet'),
  tKey('Août'),
  tKey('Septembre'),
  tKey('Octobre'),
  tKey('Novembre'),
  tKey('Décembre'),
];

/** T1 … T4 (« premier trimestre » …), in English Q1 … Q4. */
function quarter(month0: number, t: Translate): string {
  return t('T{quarter}', { quarter: Math.floor(month0 / 3) + 1 });
}

/** T1 … T4: « premier trimestre » … */
export function quarterLabel(month0: number): string {
  return quarter(month0, french);
}

const yearChanged = (d: Date, ld: Date | null): boolean => !ld || d.getFullYear() !== ld.getFullYear();

/** The year, written on the first column of each year (and on the chart's first column). */
const yearText = (d: Date, ld: Date | null): string => (yearChanged(d, ld) ? String(d.getFullYear()) : '');

/** Names of the modes, as the toolbar shows them. */
export const VIEW_MODE_LABELS: Readonly<Record<GanttViewMode, string>> = {
  month: tKey('Mois'),
  quarter: tKey('Trimestre'),
  year: tKey('Année'),
};

export function frappeViewMode(mode: GanttViewMode, t: Translate = french): FrappeViewMode {
  const common = {
    name: mode,
    step: '1d',
    column_width: PX_PER_DAY[mode],
    date_format: 'YYYY-MM-DD',
    padding: '0d',
    snap_at: '1d',
  };
  switch (mode) {
    case 'month':
      return {
        ...common,
        upper_text: yearText,
        lower_text: (d, ld) => (!ld || d.getDate() === 1 ? t(FRENCH_MONTHS[d.getMonth()]) : ''),
      };
    case 'quarter':
      return {
        ...common,
        upper_text: yearText,
        lower_text: (d, ld) => (!ld || (d.getDate() === 1 && d.getMonth() % 3 === 0) ? quarter(d.getMonth(), t) : ''),
      };
    case 'year':
      return {
        ...common,
        upper_text: () => '',
        lower_text: yearText,
      };
  }
}

/** All three, the current one first (frappe 1.2 starts on the first of `view_modes`). */
export function frappeViewModes(current: GanttViewMode, t: Translate = french): FrappeViewMode[] {
  const order: GanttViewMode[] = [current, ...(['month', 'quarter', 'year'] as const).filter((m) => m !== current)];
  return order.map((mode) => frappeViewMode(mode, t));
}
