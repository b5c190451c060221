import { actionRows, namesOf } from './export-rows';
import type { ExportData } from './export-rows';

/** The actions as CSV: a BOM and semicolons, what a French spreadsheet opens without an import dialog. */
export function actionsCsv(data: ExportData): Buffer {
  const header = [
    'Fonction',
    'Phase',
    'Action',
    'Volet',
    'Début',
    'Échéance',
    'Statut',
    'Avancement %',
    'Attendu %',
    'Santé',
    'En retard',
    'Responsable',
    'Actions précédentes',
  ];
  const cell = (v: string | number) => {
    const s = String(v);
    return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [header, ...actionRows(data, namesOf(data)).map((r) => Object.values(r))].map((row) => row.map(cell).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
