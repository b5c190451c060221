import { ACTION_STATUS_LABELS, ACTION_STATUSES, fromDayNumber, isIsoDate } from '@jalons/domain';
import type { ActionStatus, IsoDate } from '@jalons/domain';

/*
 * Reading one cell of an edited spreadsheet: pure functions, each answering a value or a French
 * sentence a person can act on. What is accepted (docs in the import page and in the report):
 * - days: a date cell, an Excel serial number (1900 system), « jj/mm/aaaa » (also with - or .),
 *   « AAAA-MM-JJ »; years 1900 to 2999;
 * - progress: « 45 », « 45 % », « 45,0 », a number between 0 and 1 exclusive as a share
 *   (« 0,45 » or 0.45 → 45 %: what a cell formatted as a percentage holds), a percentage cell;
 *   the result must be a whole number from 0 to 100;
 * - a status by its French label (« Terminée », accents and case ignored) or its code (terminee).
 */

/** A cell as read from XLSX (exceljs, normalised) or CSV (always text). */
export type Cell = string | number | boolean | Date | null;

export type Parsed<T> = { value: T } | { error: string };

const ok = <T>(value: T): Parsed<T> => ({ value });
const fail = <T>(error: string): Parsed<T> => ({ error });

/** Lower case, no accents, one space between words, typographic apostrophes as plain ones: to compare names. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A formula guard written by the CSV export (`'=…`) taken off again: the title as it was typed. */
export function unguard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** The cell as text, trimmed; a date cell as its day; empty cells as ''. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return unguard(String(cell).trim());
}

export const isEmpty = (cell: Cell): boolean => cellText(cell) === '';

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
/** Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is counted: serial 45658 = 2025-01-01. */
const EXCEL_EPOCH_DAY = -25569;

function inYears(day: IsoDate): boolean {
  const y = Number(day.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

const DAY_FORMAT = 'jj/mm/aaaa';

/** A calendar day, or null for an empty cell. */
export function parseDay(cell: Cell): Parsed<IsoDate | null> {
  if (cell === null || cell === '') return ok(null);
  let day: IsoDate | null = null;
  if (cell instanceof Date) {
    // exceljs gives a date cell as the instant of its serial read in UTC: its UTC day is the cell's day
    day = Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  } else if (typeof cell === 'number') {
    day = Number.isFinite(cell) && cell >= 1 ? fromDayNumber(Math.floor(cell) + EXCEL_EPOCH_DAY) : null;
  } else if (typeof cell === 'string') {
    const text = cell.trim();
    if (!text) return ok(null);
    const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(text);
    if (fr) day = `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}`;
    else if (iso) day = `${iso[1]}-${iso[2]}-${iso[3]}`;
    else return fail(`« ${text} » n’est pas une date : écrivez-la ${DAY_FORMAT}.`);
    if (!isIsoDate(day)) return fail(`« ${text} » n’est pas un jour du calendrier.`);
  }
  if (day === null || !isIsoDate(day) || !inYears(day))
    return fail(`« ${cellText(cell)} » n’est pas une date entre ${MIN_YEAR} et ${MAX_YEAR}.`);
  return ok(day);
}

/** A number written in French or English: « 45 », « 45,5 », « 0.45 »; spaces (also non-breaking) ignored. */
function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d+(?:[.,]\d+)?$/.test(compact)) return null;
  return Number(compact.replace(',', '.'));
}

/** A cell formatted as a percentage holds a share (0.45): exceljs readers call this to keep what the cell shows. */
export function percentCell(share: number): string {
  return `${Math.round(share * 100 * 1e6) / 1e6} %`;
}

const PROGRESS_HELP = 'un nombre entier de 0 à 100 (45, « 45 % » ou 0,45)';

/** Progress as whole percentage points (see the header of this file for what is accepted). */
export function parseProgress(cell: Cell): Parsed<number> {
  const text = cell === null ? '' : cell instanceof Date ? 'date' : String(cell).trim();
  if (!text) return fail(`L’avancement est vide : écrivez ${PROGRESS_HELP}.`);
  const withPercent = /%$/.test(text);
  const n = typeof cell === 'number' ? cell : parseNumber(text.replace(/%$/, ''));
  if (n === null || !Number.isFinite(n)) return fail(`« ${text} » n’est pas un avancement : écrivez ${PROGRESS_HELP}.`);
  const points = !withPercent && n > 0 && n < 1 ? n * 100 : n;
  const whole = Math.round(points);
  if (Math.abs(points - whole) > 1e-6 || whole < 0 || whole > 100) {
    return fail(`« ${text} » n’est pas un avancement possible : écrivez ${PROGRESS_HELP}.`);
  }
  return ok(whole);
}

const STATUS_BY_NAME = new Map<string, ActionStatus>(
  ACTION_STATUSES.flatMap((s) => [
    [fold(ACTION_STATUS_LABELS[s]), s],
    [s, s],
    [s.replace('_', ' '), s],
  ]),
);

/** A status by its French label or its code. */
export function parseStatus(cell: Cell): Parsed<ActionStatus> {
  const text = cellText(cell);
  const status = STATUS_BY_NAME.get(fold(text));
  if (status) return ok(status);
  const labels = ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s]).join(', ');
  return fail(
    text ? `Le statut « ${text} » n’existe pas : choisissez parmi ${labels}.` : `Le statut est vide : choisissez parmi ${labels}.`,
  );
}

/** The version the export wrote: a whole number ≥ 1. */
export function parseVersion(cell: Cell): Parsed<number> {
  const text = cellText(cell);
  const n = typeof cell === 'number' ? cell : parseNumber(text);
  if (n === null || !Number.isInteger(n) || n < 1) {
    return fail(text ? `La version « ${text} » n’est pas celle d’un export.` : 'La version est vide alors que la ligne a un id.');
  }
  return ok(n);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id the export wrote, or null for a row to create. */
export function parseId(cell: Cell): Parsed<string | null> {
  const text = cellText(cell);
  if (!text) return ok(null);
  return UUID.test(text)
    ? ok(text.toLowerCase())
    : fail(`L’id « ${text} » n’est pas celui d’un export : laissez-le vide pour créer l’élément.`);
}

/** A list of titles separated as the export writes them (« | »), also by line breaks; empty parts dropped. */
export function parseTitleList(cell: Cell): string[] {
  return cellText(cell)
    .split(/\s*[|\n]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}
