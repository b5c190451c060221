import type { ActionView, FunctionWithRollUpView, MilestoneView, RoadmapDetailView } from '@jalons/contract';
import { ACTION_STATUS_LABELS } from '@jalons/domain';
import type { Health, IsoDate } from '@jalons/domain';

/** Schedule health in words (the web app has the same words as dictionary keys, shared/labels.ts). */
export const HEALTH_LABELS: Record<Health, string> = { on_track: 'À l’heure', at_risk: 'À surveiller', late: 'En retard' };

/** What an export is made of: the roadmap rolled up for a day, its functions and items. */
export interface ExportData {
  at: IsoDate;
  roadmap: RoadmapDetailView;
  functions: FunctionWithRollUpView[];
  actions: ActionView[];
  milestones: MilestoneView[];
}

/** The names a row shows instead of ids. */
export interface Names {
  fn: Map<string, string>;
  phase: Map<string, string>;
}

export function namesOf(data: ExportData): Names {
  return { fn: new Map(data.functions.map((f) => [f.id, f.name])), phase: new Map(data.roadmap.phases.map((p) => [p.id, p.name])) };
}

/** One row per action, in the columns of the CSV and of the « Actions » sheet. */
export function actionRows(data: ExportData, names: Names) {
  const titles = new Map(data.actions.map((a) => [a.id, a.title]));
  return data.actions.map((a) => ({
    fonction: names.fn.get(a.functionId) ?? '',
    phase: names.phase.get(a.phaseId) ?? '',
    action: a.title,
    volet: a.volet ?? '',
    debut: a.start,
    echeance: a.due,
    statut: ACTION_STATUS_LABELS[a.status],
    avancement: a.progress,
    attendu: a.expected,
    sante: a.health ? HEALTH_LABELS[a.health] : '',
    enRetard: a.overdue ? 'oui' : 'non',
    responsable: a.owner?.name ?? '',
    precedentes: a.predecessorIds.map((p) => titles.get(p) ?? p).join(' | '),
    // last, so that the columns people read come first: the import matches a row to its action and checks the version
    id: a.id,
    version: a.version,
  }));
}

export type ActionRow = ReturnType<typeof actionRows>[number];
