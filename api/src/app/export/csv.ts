import { csvField } from '@jalons/domain';

import { actionRows, namesOf } from './export-rows';
import type { ExportData } from './export-rows';

/**
 * The actions as CSV: a BOM and semicolons, what a French spreadsheet opens without an import dialog;
 * a title that a spreadsheet would run as a formula is written as text (`csvField`). The last columns,
 * id and version, let the edited file be imported back (`POST /roadmaps/:id/import`).
 */
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
    'id',
    'version',
  ];
  const lines = [header, ...actionRows(data, namesOf(data)).map((r) => Object.values(r))].map((row) => row.map(csvField).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
