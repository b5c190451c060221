import { IMPORT_MAX_ROWS } from '@jalons/contract';
import ExcelJS from 'exceljs';

import { ApiException } from '../../infra/http/errors';
import { percentCell } from './cells';
import type { Cell } from './cells';

/** A sheet as read: its header row's texts and its data rows, each with its line number in the spreadsheet. */
export interface ReadSheet {
  name: string;
  header: string[];
  rows: ReadRow[];
}

export interface ReadRow {
  line: number;
  cells: Cell[];
}

export type FileKind = 'xlsx' | 'csv';

const unsupported = () =>
  new ApiException({
    statusCode: 415,
    error: 'unsupported_media_type',
    message: 'Ce fichier n’est ni un classeur XLSX ni un CSV : importez le fichier exporté par Jalons (XLSX ou CSV), modifié.',
  });

const unreadable = (what: string) =>
  ApiException.rule([{ field: 'file', message: `Ce fichier ne se lit pas comme un ${what} : ouvrez-le et enregistrez-le à nouveau.` }]);

/** XLSX or CSV, from the file's first bytes and its name; anything else is refused (415). */
export function fileKind(name: string, body: Buffer): FileKind {
  const zip = body.length > 4 && body.readUInt32LE(0) === 0x04034b50;
  if (zip && /\.xlsx$/i.test(name)) return 'xlsx';
  if (!zip && /\.(csv|txt)$/i.test(name) && !body.subarray(0, 4096).includes(0)) return 'csv';
  throw unsupported();
}

/** exceljs's cell value as a plain cell: rich text joined, a formula's result, a link's text. */
function plainCell(value: ExcelJS.CellValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numFmt?.includes('%') ? percentCell(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plainCell((value.result ?? null) as ExcelJS.CellValue, numFmt);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

function tooMany(sheet: string): ApiException {
  return ApiException.rule([
    { field: 'file', message: `La feuille « ${sheet} » a plus de ${IMPORT_MAX_ROWS} lignes : importez-la en plusieurs fois.` },
  ]);
}

/** Every sheet of a workbook, header = its first non-empty row. */
export async function readXlsx(body: Buffer): Promise<ReadSheet[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw unreadable('classeur XLSX');
  }
  return book.worksheets.map((ws) => {
    let header: string[] | null = null;
    const rows: ReadRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      if (!header) {
        header = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => (header![col - 1] = String(plainCell(cell.value, undefined) ?? '').trim()));
        return;
      }
      const cells: Cell[] = [];
      for (let col = 1; col <= header.length; col++) {
        const cell = row.getCell(col);
        cells.push(plainCell(cell.value, cell.numFmt));
      }
      rows.push({ line, cells });
      if (rows.length > IMPORT_MAX_ROWS) throw tooMany(ws.name);
    });
    return { name: ws.name, header: header ?? [], rows };
  });
}

/** The text of a CSV: UTF-8 (its BOM dropped), or Windows-1252 as a French Excel saves it. */
function decode(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

/** The separator of the header line: `;` (the export's, French spreadsheets'), `,` or a tab, whichever it holds most. */
function separatorOf(firstLine: string): string {
  const counts = [';', ',', '\t'].map((s) => [s, firstLine.split(s).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/** Records of a CSV (RFC 4180: quoted fields, "" inside quotes, line breaks inside quotes), with the line each starts on. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const sep = separatorOf(text.slice(0, text.search(/\r?\n|$/)));
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const end = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      end();
      line++;
      start = line;
    } else field += c;
  }
  if (field !== '' || fields.length) end();
  return records;
}

/** A CSV as one sheet, named « CSV » (the export's CSV holds the actions). */
export function readCsv(body: Buffer): ReadSheet {
  const text = decode(body).replace(/^\uFEFF/, '');
  const [head, ...rest] = parseCsv(text);
  if (rest.length > IMPORT_MAX_ROWS) throw tooMany('CSV');
  return {
    name: 'CSV',
    header: (head?.fields ?? []).map((h) => h.trim()),
    rows: rest.map((r) => ({ line: r.line, cells: r.fields.map((f) => (f === '' ? null : f)) })),
  };
}
