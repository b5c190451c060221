import { formatFrDate, MILESTONE_STATE_LABELS } from '@jalons/domain';
import type { Health, IsoDate } from '@jalons/domain';
import ExcelJS from 'exceljs';

import { actionRows, HEALTH_LABELS, namesOf } from './export-rows';
import type { ExportData, Names } from './export-rows';

/** A day as an Excel date cell: midnight UTC of that day, shown dd/mm/yyyy. */
const excelDay = (d: IsoDate | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

const DAY = { numFmt: 'dd/mm/yyyy' };

/** Last on the item sheets: which item a row is and the version exported, so that the edited file imports back. */
const ID_COLUMNS = [
  { header: 'id', key: 'id', width: 38 },
  { header: 'version', key: 'version', width: 9 },
];

type RollUpLine = { count: number; done: number; overdue: number; blocked: number; progress: number; expected: number; health: Health };

/** « Synthèse »: the roadmap, its phases and its functions rolled up. */
function summarySheet(book: ExcelJS.Workbook, data: ExportData): ExcelJS.Worksheet {
  const summary = book.addWorksheet('Synthèse');
  summary.columns = [
    { header: 'Niveau', key: 'niveau', width: 14 },
    { header: 'Nom', key: 'nom', width: 44 },
    { header: 'Actions', key: 'count', width: 10 },
    { header: 'Terminées', key: 'done', width: 11 },
    { header: 'En retard', key: 'overdue', width: 11 },
    { header: 'Bloquées', key: 'blocked', width: 10 },
    { header: 'Avancement %', key: 'progress', width: 14 },
    { header: 'Attendu %', key: 'expected', width: 12 },
    { header: 'Santé', key: 'health', width: 14 },
  ];
  const line = (niveau: string, nom: string, r: RollUpLine) => summary.addRow({ niveau, nom, ...r, health: HEALTH_LABELS[r.health] });
  const { roadmap } = data;
  line('Feuille de route', `${roadmap.territory} — ${roadmap.mandateLabel} (au ${formatFrDate(data.at)})`, roadmap.rollUp);
  for (const p of roadmap.phases) line('Phase', p.name, p.rollUp);
  for (const f of data.functions) line('Fonction', f.name, f.rollUp);
  return summary;
}

/** « Actions »: the CSV's columns, dates as dates. */
function actionsSheet(book: ExcelJS.Workbook, data: ExportData, names: Names): ExcelJS.Worksheet {
  const sheet = book.addWorksheet('Actions');
  sheet.columns = [
    { header: 'Fonction', key: 'fonction', width: 34 },
    { header: 'Phase', key: 'phase', width: 26 },
    { header: 'Action', key: 'action', width: 60 },
    { header: 'Volet', key: 'volet', width: 12 },
    { header: 'Début', key: 'debut', width: 12, style: DAY },
    { header: 'Échéance', key: 'echeance', width: 12, style: DAY },
    { header: 'Statut', key: 'statut', width: 12 },
    { header: 'Avancement %', key: 'avancement', width: 14 },
    { header: 'Attendu %', key: 'attendu', width: 12 },
    { header: 'Santé', key: 'sante', width: 14 },
    { header: 'En retard', key: 'enRetard', width: 10 },
    { header: 'Responsable', key: 'responsable', width: 24 },
    { header: 'Actions précédentes', key: 'precedentes', width: 60 },
    ...ID_COLUMNS,
  ];
  for (const r of actionRows(data, names)) sheet.addRow({ ...r, debut: excelDay(r.debut), echeance: excelDay(r.echeance) });
  return sheet;
}

/** « Jalons »: each milestone with its date, achievement and state. */
function milestonesSheet(book: ExcelJS.Workbook, data: ExportData, names: Names): ExcelJS.Worksheet {
  const ms = book.addWorksheet('Jalons');
  ms.columns = [
    { header: 'Fonction', key: 'fonction', width: 34 },
    { header: 'Phase', key: 'phase', width: 26 },
    { header: 'Jalon', key: 'jalon', width: 60 },
    { header: 'Date', key: 'date', width: 12, style: DAY },
    { header: 'Atteint le', key: 'atteint', width: 12, style: DAY },
    { header: 'État', key: 'etat', width: 12 },
    ...ID_COLUMNS,
  ];
  for (const m of data.milestones) {
    ms.addRow({
      fonction: names.fn.get(m.functionId) ?? '',
      phase: names.phase.get(m.phaseId) ?? '',
      jalon: m.title,
      date: excelDay(m.date),
      atteint: excelDay(m.achievedOn),
      etat: MILESTONE_STATE_LABELS[m.state],
      id: m.id,
      version: m.version,
    });
  }
  return ms;
}

/** The roadmap as a workbook: « Synthèse », « Actions », « Jalons »; headers bold, frozen and filterable. */
export async function roadmapWorkbook(data: ExportData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jalons';
  book.created = new Date();
  const names = namesOf(data);
  for (const ws of [summarySheet(book, data), actionsSheet(book, data, names), milestonesSheet(book, data, names)]) {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
