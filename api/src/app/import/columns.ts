import type { ImportItemType } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { fold } from './cells';
import type { Cell } from './cells';
import type { ReadSheet } from './read-file';

/** The fields an import reads, by item type; « computed » columns (phase, health…) are read-only and skipped. */
export type ActionColumn =
  | 'id'
  | 'version'
  | 'function'
  | 'title'
  | 'volet'
  | 'start'
  | 'due'
  | 'status'
  | 'progress'
  | 'owner'
  | 'predecessors'
  | 'description';
export type MilestoneColumn = 'id' | 'version' | 'function' | 'title' | 'date' | 'achievedOn' | 'owner' | 'description';
type Known<C> = C | 'computed';

/** Headers as the export writes them (folded: case, accents, a trailing « % » ignored), with a few synonyms. */
const ACTION_HEADERS: Record<string, Known<ActionColumn>> = {
  id: 'id',
  version: 'version',
  fonction: 'function',
  phase: 'computed',
  action: 'title',
  titre: 'title',
  volet: 'volet',
  debut: 'start',
  'date de debut': 'start',
  echeance: 'due',
  statut: 'status',
  avancement: 'progress',
  attendu: 'computed',
  sante: 'computed',
  'en retard': 'computed',
  responsable: 'owner',
  'actions precedentes': 'predecessors',
  precedentes: 'predecessors',
  description: 'description',
};

const MILESTONE_HEADERS: Record<string, Known<MilestoneColumn>> = {
  id: 'id',
  version: 'version',
  fonction: 'function',
  phase: 'computed',
  jalon: 'title',
  titre: 'title',
  date: 'date',
  'atteint le': 'achievedOn',
  etat: 'computed',
  responsable: 'owner',
  description: 'description',
};

/** A data row of a sheet, its cells by field (only the columns the sheet has). */
export interface SheetRow<C extends string> {
  sheet: string;
  line: number;
  cells: Partial<Record<C, Cell>>;
}

export interface MappedSheet<C extends string> {
  itemType: ImportItemType;
  name: string;
  /** the column's header as written in the file, by field: the plan names columns as the person sees them */
  labels: Partial<Record<C, string>>;
  rows: SheetRow<C>[];
}

const headerKey = (h: string) => fold(h).replace(/\s*%$/, '');

/**
 * A sheet's columns matched to fields; unknown ones are ignored with a warning. A sheet without an
 * `id` or `version` column is refused: without them every row would be created again.
 */
export function mapSheet<C extends string>(sheet: ReadSheet, itemType: ImportItemType, warnings: string[]): MappedSheet<C> {
  const known = (itemType === 'action' ? ACTION_HEADERS : MILESTONE_HEADERS) as Record<string, Known<C>>;
  const byIndex = new Map<number, C>();
  const labels: Partial<Record<C, string>> = {};
  sheet.header.forEach((h, i) => {
    if (!h) return;
    const field = known[headerKey(h)];
    if (field === undefined) warnings.push(`Feuille « ${sheet.name} » : la colonne « ${h} » est inconnue, elle est ignorée.`);
    else if (field !== 'computed' && labels[field] !== undefined) {
      warnings.push(`Feuille « ${sheet.name} » : la colonne « ${h} » répète « ${labels[field]} », elle est ignorée.`);
    } else if (field !== 'computed') {
      byIndex.set(i, field);
      labels[field] = h;
    }
  });
  const missing = (['id', 'version'] as C[]).filter((c) => labels[c] === undefined);
  if (missing.length) {
    throw ApiException.rule([
      {
        field: 'file',
        message: `La feuille « ${sheet.name} » n’a pas de colonne ${missing.join(' ni ')} : importez un fichier exporté par Jalons (ses colonnes id et version disent quelle ligne modifie quel élément).`,
      },
    ]);
  }
  const rows = sheet.rows
    .map((r) => {
      const cells: Partial<Record<C, Cell>> = {};
      for (const [i, field] of byIndex) cells[field] = r.cells[i] ?? null;
      return { sheet: sheet.name, line: r.line, cells };
    })
    .filter((r) => Object.values(r.cells).some((c) => c !== null && String(c).trim() !== ''));
  return { itemType, name: sheet.name, labels, rows };
}

export interface MappedBook {
  actions: MappedSheet<ActionColumn> | null;
  milestones: MappedSheet<MilestoneColumn> | null;
  warnings: string[];
}

/** The workbook's « Actions » and « Jalons » sheets (a CSV is the actions); « Synthèse » is skipped, other sheets with a warning. */
export function mapBook(sheets: ReadSheet[], csv: boolean): MappedBook {
  const warnings: string[] = [];
  if (csv) return { actions: mapSheet<ActionColumn>(sheets[0], 'action', warnings), milestones: null, warnings };
  let actions: MappedSheet<ActionColumn> | null = null;
  let milestones: MappedSheet<MilestoneColumn> | null = null;
  for (const sheet of sheets) {
    const name = fold(sheet.name);
    if (name === 'actions') actions = mapSheet<ActionColumn>(sheet, 'action', warnings);
    else if (name === 'jalons') milestones = mapSheet<MilestoneColumn>(sheet, 'milestone', warnings);
    else if (name !== 'synthese')
      warnings.push(`La feuille « ${sheet.name} » est ignorée : seules « Actions » et « Jalons » sont importées.`);
  }
  if (!actions && !milestones) {
    throw ApiException.rule([
      { field: 'file', message: 'Ce classeur n’a ni feuille « Actions » ni feuille « Jalons » : importez un fichier exporté par Jalons.' },
    ]);
  }
  return { actions, milestones, warnings };
}
