/**
 * What a spreadsheet would read as a formula when a text cell starts with it (OWASP, « CSV
 * injection »): `=`, `+`, `-`, `@`, a tab, a carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text as a text cell of any export a spreadsheet may open (CSV today; open data, previews and
 * reports later): one that a spreadsheet would run as a formula gets a leading apostrophe, which
 * spreadsheets show as text and do not evaluate. Every other text is left as it is.
 */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV field (`;` separator): neutralised as above when it is a text, then quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : spreadsheetText(value);
  return /[";\n\r\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
