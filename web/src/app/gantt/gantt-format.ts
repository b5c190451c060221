/**
 * Values we hand to frappe-gantt or write into a style: colours, ids, percents, escaped text.
 * Pure; frappe writes names and popups with innerHTML, so every text goes through `escapeHtml`.
 */

import type { Translate } from '../i18n/i18n';

const FALLBACK_COLOR = '#5b6472';
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A colour we are willing to write into a style: #rgb or #rrggbb, else a neutral grey. */
export function safeColor(color: string | null | undefined): string {
  return color && HEX_COLOR.test(color) ? color.toLowerCase() : FALLBACK_COLOR;
}

/** `color` mixed with white (share of white 0–1), as #rrggbb: the light body of a bar. */
export function tint(color: string, white = 0.72): string {
  let hex = safeColor(color).slice(1);
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  const mix = (i: number): string => {
    const c = parseInt(hex.slice(i, i + 2), 16);
    return Math.round(c + (255 - c) * white)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${mix(0)}${mix(2)}${mix(4)}`;
}

/** An id usable in a CSS class / selector (frappe builds `.highlight-<id>` selectors from it). */
export function cssSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** A whole percent between 0 and 100 (0 for a value that is not a finite number). */
export function clampPercent(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, Math.round(n)));
}

/** Narrow no-break space before « % », as fr-FR writes it. */
export const PERCENT = '\u202f%';

/** « 80 % » in French, « 80% » in English. */
export function percent(n: number, t: Translate): string {
  return t.lang === 'fr' ? `${n}${PERCENT}` : `${n}%`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** frappe writes names and popups with innerHTML: everything we give it goes through this. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
