/**
 * The languages of the interface, French first (the source language), and how a request names one. Shared by the
 * web app (its I18n, which writes the choice) and the API (which draws the public pages in it, ADR 0040).
 */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Where the web app keeps the choice: its localStorage key, and the cookie the server reads. */
export const LANG_KEY = 'jalons.lang';

/** `fr` or `en` from a query parameter, a cookie or a stored value; anything else is no choice. */
export function langOf(value: unknown): Lang | null {
  return LANGS.find((l) => l === value) ?? null;
}
