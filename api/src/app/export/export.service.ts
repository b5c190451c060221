import { Injectable } from '@nestjs/common';
import { formatFrDate } from '@jalons/domain';
import type { ActionStatus, Health, IsoDate, MilestoneState } from '@jalons/domain';
import type { ExportFormat } from '@jalons/contract';
import ExcelJS from 'exceljs';

import { RoadmapReadModel } from '../roadmaps/read-model';

export const STATUS_LABELS: Record<ActionStatus, string> = {
  a_lancer: 'À lancer',
  en_cours: 'En cours',
  bloquee: 'Bloquée',
  terminee: 'Terminée',
  abandonnee: 'Abandonnée',
};
export const HEALTH_LABELS: Record<Health, string> = { on_track: 'À l’heure', at_risk: 'À surveiller', late: 'En retard' };
export const MILESTONE_LABELS: Record<MilestoneState, string> = { achieved: 'Atteint', late: 'En retard', upcoming: 'À venir' };

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** A day as an Excel date cell: midnight UTC of that day, shown dd/mm/yyyy. */
const excelDay = (d: IsoDate | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** The roadmap as a spreadsheet (actions, milestones, summary) or as a CSV of its actions. */
@Injectable()
export class ExportService {
  constructor(private readonly read: RoadmapReadModel) {}

  async export(roadmapId: string, format: ExportFormat, at: IsoDate): Promise<ExportFile> {
    const roadmap = await this.read.roadmap(roadmapId, at);
    const [functions, actions, milestones] = await Promise.all([
      this.read.functions(roadmapId, at),
      this.read.actions(roadmapId, at),
      this.read.milestones(roadmapId, at),
    ]);
    const fnName = new Map(functions.map((f) => [f.id, f.name]));
    const phaseName = new Map(roadmap.phases.map((p) => [p.id, p.name]));
    const titles = new Map(actions.map((a) => [a.id, a.title]));
    const actionRows = actions.map((a) => ({
      fonction: fnName.get(a.functionId) ?? '',
      phase: phaseName.get(a.phaseId) ?? '',
      action: a.title,
      volet: a.volet ?? '',
      debut: a.start,
      echeance: a.due,
      statut: STATUS_LABELS[a.status],
      avancement: a.progress,
      attendu: a.expected,
      sante: a.health ? HEALTH_LABELS[a.health] : '',
      enRetard: a.overdue ? 'oui' : 'non',
      responsable: a.owner?.name ?? '',
      precedentes: a.predecessorIds.map((p) => titles.get(p) ?? p).join(' | '),
    }));
    const base = `jalons-${roadmap.slug}-${at}`;
    if (format === 'csv') {
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
      const lines = [header, ...actionRows.map((r) => Object.values(r))].map((row) => row.map(cell).join(';'));
      // a BOM and semicolons: what a French spreadsheet opens without an import dialog
      return {
        filename: `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
      };
    }

    const book = new ExcelJS.Workbook();
    book.creator = 'Jalons';
    book.created = new Date();
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
    const line = (
      niveau: string,
      nom: string,
      r: { count: number; done: number; overdue: number; blocked: number; progress: number; expected: number; health: Health },
    ) => summary.addRow({ niveau, nom, ...r, health: HEALTH_LABELS[r.health] });
    line('Feuille de route', `${roadmap.territory} — ${roadmap.mandateLabel} (au ${formatFrDate(at)})`, roadmap.rollUp);
    for (const p of roadmap.phases) line('Phase', p.name, p.rollUp);
    for (const f of functions) line('Fonction', f.name, f.rollUp);

    const sheet = book.addWorksheet('Actions');
    sheet.columns = [
      { header: 'Fonction', key: 'fonction', width: 34 },
      { header: 'Phase', key: 'phase', width: 26 },
      { header: 'Action', key: 'action', width: 60 },
      { header: 'Volet', key: 'volet', width: 12 },
      { header: 'Début', key: 'debut', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
      { header: 'Échéance', key: 'echeance', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
      { header: 'Statut', key: 'statut', width: 12 },
      { header: 'Avancement %', key: 'avancement', width: 14 },
      { header: 'Attendu %', key: 'attendu', width: 12 },
      { header: 'Santé', key: 'sante', width: 14 },
      { header: 'En retard', key: 'enRetard', width: 10 },
      { header: 'Responsable', key: 'responsable', width: 24 },
      { header: 'Actions précédentes', key: 'precedentes', width: 60 },
    ];
    for (const r of actionRows) sheet.addRow({ ...r, debut: excelDay(r.debut), echeance: excelDay(r.echeance) });

    const ms = book.addWorksheet('Jalons');
    ms.columns = [
      { header: 'Fonction', key: 'fonction', width: 34 },
      { header: 'Phase', key: 'phase', width: 26 },
      { header: 'Jalon', key: 'jalon', width: 60 },
      { header: 'Date', key: 'date', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
      { header: 'Atteint le', key: 'atteint', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
      { header: 'État', key: 'etat', width: 12 },
    ];
    for (const m of milestones) {
      ms.addRow({
        fonction: fnName.get(m.functionId) ?? '',
        phase: phaseName.get(m.phaseId) ?? '',
        jalon: m.title,
        date: excelDay(m.date),
        atteint: excelDay(m.achievedOn),
        etat: MILESTONE_LABELS[m.state],
      });
    }
    for (const ws of [summary, sheet, ms]) {
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
    }
    return {
      filename: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: Buffer.from(await book.xlsx.writeBuffer()),
    };
  }
}
