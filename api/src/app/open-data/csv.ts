/** A cell of an open-data row: typed as its Table Schema says; null is a missing value. */
export type Cell = string | number | boolean | null;
export type OpenDataRow = Record<string, Cell>;

/**
 * One CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, its
 * quotes doubled. Values are written exactly (no formula neutralisation: that is for the spreadsheet
 * export, open data must give back what was typed); null is the empty string (`missingValues: [""]`).
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows as CSV: UTF-8 without BOM, comma separator, a header row of the column names, CRLF line ends (RFC 4180). */
export function toCsv(columns: readonly string[], rows: readonly OpenDataRow[]): string {
  const lines = [columns.map((c) => csvCell(c)), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? null)))];
  return lines.map((l) => `${l.join(',')}\r\n`).join('');
}
