import type { ActionView, DecisionView, FunctionWithRollUpView, IndicatorView, MilestoneView, PhaseWithRollUpView } from '@jalons/contract';
import { ACTION_STATUS_LABELS, DECISION_KIND_LABELS, INDICATOR_DIRECTION_LABELS, INDICATOR_HEALTH_LABELS } from '@jalons/domain';
import type { FunctionFamily, Health, IndicatorDirection, IndicatorHealth, MilestoneState, RollUp } from '@jalons/domain';

import type { OpenDataRow } from './csv';

/*
 * The open data's rows, built column by column from the internal views (never a view spread into
 * a row), so that nothing personal — an owner, an author, a comment — can slip in with a new field.
 * Codes are French and snake_case (the French public schemas' habit); each has a `*_libelle` column.
 */

const HEALTH: Readonly<Record<Health, [string, string]>> = {
  on_track: ['a_l_heure', 'À l’heure'],
  at_risk: ['a_surveiller', 'À surveiller'],
  late: ['en_retard', 'En retard'],
};

const FAMILY: Readonly<Record<FunctionFamily, string>> = {
  centrale: 'Centrale',
  socle: 'Socle',
  ressources: 'Ressources',
  ecosysteme: 'Écosystème',
  anticipation: 'Anticipation',
};

const MILESTONE_STATE: Readonly<Record<MilestoneState, [string, string]>> = {
  achieved: ['atteint', 'Atteint'],
  late: ['en_retard', 'En retard'],
  upcoming: ['a_venir', 'À venir'],
};

const DIRECTION: Readonly<Record<IndicatorDirection, string>> = { up: 'hausse', down: 'baisse' };

const INDICATOR_HEALTH: Readonly<Record<IndicatorHealth, string>> = {
  'on-track': 'en_bonne_voie',
  'at-risk': 'a_surveiller',
  'off-track': 'en_retard',
  'not-measured': 'jamais_mesure',
  stale: 'mesure_ancienne',
};

/** Where the items' ids point: the codes of the roadmap's phases and functions. */
export interface Codes {
  phase: ReadonlyMap<string, string>;
  fn: ReadonlyMap<string, string>;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function rollUpCells(r: RollUp): OpenDataRow {
  return {
    avancement: r.progress,
    avancement_attendu: r.expected,
    nombre_actions: r.count,
    sante: HEALTH[r.health][0],
    sante_libelle: HEALTH[r.health][1],
  };
}

export function phaseRows(phases: readonly PhaseWithRollUpView[]): OpenDataRow[] {
  return [...phases]
    .sort((a, b) => a.order - b.order)
    .map((p) => ({
      code: p.code,
      ordre: p.order,
      nom: p.name,
      objectif: p.purpose ?? null,
      description: p.description || null,
      date_debut: p.start,
      date_fin: p.end,
      ...rollUpCells(p.rollUp),
    }));
}

export function functionRows(functions: readonly FunctionWithRollUpView[]): OpenDataRow[] {
  return [...functions]
    .sort((a, b) => a.order - b.order || byText(a.code, b.code))
    .map((f) => ({
      code: f.code,
      ordre: f.order,
      nom: f.name,
      famille: f.family,
      famille_libelle: FAMILY[f.family],
      centrale: f.central,
      description: f.description || null,
      ...rollUpCells(f.rollUp),
    }));
}

export function actionRows(actions: readonly ActionView[], codes: Codes): OpenDataRow[] {
  return [...actions]
    .sort((a, b) => byText(a.id, b.id))
    .map((a) => ({
      id: a.id,
      titre: a.title,
      description: a.description || null,
      code_fonction: codes.fn.get(a.functionId) ?? null,
      code_phase: codes.phase.get(a.phaseId) ?? null,
      date_debut: a.start,
      date_echeance: a.due,
      statut: a.status,
      statut_libelle: ACTION_STATUS_LABELS[a.status],
      avancement: a.progress,
      en_retard: a.overdue,
    }));
}

export function milestoneRows(milestones: readonly MilestoneView[], codes: Codes): OpenDataRow[] {
  return [...milestones]
    .sort((a, b) => byText(a.id, b.id))
    .map((m) => ({
      id: m.id,
      titre: m.title,
      description: m.description || null,
      code_fonction: codes.fn.get(m.functionId) ?? null,
      code_phase: codes.phase.get(m.phaseId) ?? null,
      date_prevue: m.date,
      date_atteinte: m.achievedOn,
      etat: MILESTONE_STATE[m.state][0],
      etat_libelle: MILESTONE_STATE[m.state][1],
    }));
}

export function indicatorRows(indicators: readonly IndicatorView[], codes: Codes): OpenDataRow[] {
  return [...indicators]
    .sort((a, b) => byText(a.id, b.id))
    .map((i) => ({
      id: i.id,
      code_fonction: codes.fn.get(i.functionId) ?? null,
      nom: i.name,
      unite: i.unit,
      sens: DIRECTION[i.direction],
      sens_libelle: INDICATOR_DIRECTION_LABELS[i.direction],
      date_reference: i.baseline.on,
      valeur_reference: i.baseline.value,
      date_cible: i.target.on,
      valeur_cible: i.target.value,
      date_derniere_mesure: i.latest?.on ?? null,
      derniere_valeur: i.latest?.value ?? null,
      sante: INDICATOR_HEALTH[i.health],
      sante_libelle: INDICATOR_HEALTH_LABELS[i.health],
      en_bonne_voie: i.health === 'on-track',
    }));
}

/** Every measurement of the indicators: the day and the value only (neither comment nor author nor source). */
export function measurementRows(indicators: readonly IndicatorView[]): OpenDataRow[] {
  return indicators
    .flatMap((i) => i.measurements.map((m) => ({ id: m.id, id_indicateur: i.id, date_mesure: m.on, valeur: m.value })))
    .sort((a, b) => byText(a.id_indicateur, b.id_indicateur) || byText(a.date_mesure, b.date_mesure) || byText(a.id, b.id));
}

/** The decisions, oldest first: neither who recorded them nor who attended. */
export function decisionRows(decisions: readonly DecisionView[]): OpenDataRow[] {
  return [...decisions]
    .sort((a, b) => byText(a.date, b.date) || byText(a.id, b.id))
    .map((d) => ({
      id: d.id,
      date_decision: d.date,
      nature: d.kind,
      nature_libelle: DECISION_KIND_LABELS[d.kind],
      texte: d.text,
      date_reunion: d.meeting?.date ?? null,
      instance: d.meeting?.instanceName || null,
    }));
}

/** One line per item a decision concerns: an action's id or a milestone's, never both (two columns, two foreign keys). */
export function decisionItemRows(decisions: readonly DecisionView[]): OpenDataRow[] {
  return decisions
    .flatMap((d) =>
      d.items.map((i) => ({
        id_decision: d.id,
        id_action: i.type === 'action' ? i.id : null,
        id_jalon: i.type === 'milestone' ? i.id : null,
      })),
    )
    .sort(
      (a, b) =>
        byText(a.id_decision, b.id_decision) || byText(a.id_action ?? '', b.id_action ?? '') || byText(a.id_jalon ?? '', b.id_jalon ?? ''),
    );
}
