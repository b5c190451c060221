import type { Lang } from './i18n';

/*
 * Numbers and lists written as Intl writes them in fr-FR and en-GB, without Intl: the first
 * Intl.NumberFormat (or DateTimeFormat) of a page costs 50–120 ms in Chromium on this project's
 * machines — ICU readies its number data — and 4 × that on Lighthouse's phone (issue 14). The
 * specs check these against Intl itself on thousands of values.
 */

/** Intl's group separators: a narrow no-break space in French, a comma in English. */
const GROUP: Readonly<Record<Lang, string>> = { fr: '\u202f', en: ',' };
const DECIMAL: Readonly<Record<Lang, string>> = { fr: ',', en: '.' };
/** beyond this (or for a tiny number written with an exponent), Intl does the writing */
const LARGE = 1e15;

/**
 * `value` with at most `maxDecimals` decimals (its shortest decimal text rounded half away from zero,
 * trailing zeros dropped)
 * and grouped thousands: -1234567.891 → « -1 234 567,89 » (fr), « -1,234,567.89 » (en) —
 * `new Intl.NumberFormat(locale, { maximumFractionDigits })`.
 */
export function formatNumber(value: number, lang: Lang, maxDecimals: number): string {
  // the shortest text that reads back as `value` (3.05, not 3.0499…): Intl rounds that, not the double's exact value
  const text = String(Math.abs(value));
  if (!Number.isFinite(value) || Math.abs(value) >= LARGE || text.includes('e')) {
    return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: maxDecimals }).format(value);
  }
  const [whole, fraction = ''] = text.split('.');
  let digits = whole + fraction.slice(0, maxDecimals).padEnd(maxDecimals, '0');
  // half away from zero, on the decimal digits
  if ((fraction[maxDecimals] ?? '0') >= '5') digits = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
  const cut = digits.length - maxDecimals;
  const grouped = digits.slice(0, cut).replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[lang]);
  const decimals = digits.slice(cut).replace(/0+$/, '');
  // Intl keeps the sign of a negative number rounded to zero (« -0 »)
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${grouped}${decimals ? DECIMAL[lang] + decimals : ''}`;
}

/** « a, b et c » (fr), « a, b and c » (en) — `new Intl.ListFormat(locale, { type: 'conjunction' })`. */
export function formatList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = lang === 'fr' ? ' et ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** a text's letters without their accents, in lower case: « Élaborer » → « elaborer » */
const folded = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
/** upper case as lower and lower as upper: compared as written, lower case then comes first, as in Intl */
const swappedCase = (text: string): string => Array.from(text, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The alphabetical order of two titles, in French, without Intl.Collator (its first one costs 20–50 ms on
 * a page): letters without accents or case first, then accents (« elan » before « élan »), then case
 * (« elan » before « Elan »). It orders every pair of the kit's and Brest's titles as
 * `new Intl.Collator('fr')` does (format.spec.ts); it may differ on rarer signs (œ, ’).
 */
export function compareText(a: string, b: string): number {
  return order(folded(a), folded(b)) || order(a.toLowerCase(), b.toLowerCase()) || order(swappedCase(a), swappedCase(b));
}
