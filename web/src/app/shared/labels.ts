import type { EvidenceKind } from '@jalons/contract';
import type { CentralVolet, FunctionFamily, Health } from '@jalons/domain';

import { tKey } from '../i18n/i18n';

/*
 * The French labels: keys of the dictionary (web/src/app/i18n/en.ts). Show them through the `t`
 * pipe or `I18n.t`, never as they are.
 */

/** What the user reads for each schedule health (always shown as text, never by colour alone). */
export const HEALTH_LABELS: Readonly<Record<Health, string>> = {
  on_track: tKey('À l’heure'),
  at_risk: tKey('À surveiller'),
  late: tKey('En retard'),
};

export const FAMILY_LABELS: Readonly<Record<FunctionFamily, string>> = {
  centrale: tKey('Centrale'),
  socle: tKey('Socle'),
  ressources: tKey('Ressources'),
  ecosysteme: tKey('Écosystème'),
  anticipation: tKey('Anticipation'),
};

export const VOLET_LABELS: Readonly<Record<CentralVolet, string>> = {
  strategique: tKey('Stratégique'),
  metiers: tKey('Métiers'),
  technique: tKey('Technique'),
};

/** The history's `field` codes (API side: the changed property), as the user reads them. */
export const HISTORY_FIELD_LABELS: Readonly<Record<string, string>> = {
  created: tKey('Création'),
  deleted: tKey('Suppression'),
  restored: tKey('Restauration'),
  comment: tKey('Commentaire'),
  title: tKey('Intitulé'),
  description: tKey('Description'),
  status: tKey('Statut'),
  progress: tKey('Avancement'),
  start: tKey('Début'),
  due: tKey('Échéance'),
  date: tKey('Date'),
  achievedOn: tKey('Atteint le'),
  owner: tKey('Responsable'),
  function: tKey('Fonction'),
  phase: tKey('Phase'),
  volet: tKey('Volet'),
  predecessor: tKey('Action précédente'),
  proof: tKey('Preuve'),
};

/** What each kind of proof link is called (docs/evidence.md). */
export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  deliberation: tKey('Délibération'),
  document: tKey('Document'),
  'page-web': tKey('Page web'),
  'jeu-de-donnees': tKey('Jeu de données'),
};

/** What each role is called (the domain's table, so the API's messages and the web app agree; translated like the others). */
export { ROLE_LABELS } from '@jalons/domain';

/** An action's status and a milestone's state: the domain's tables, which the API's exports write too. */
export { ACTION_STATUS_LABELS as STATUS_LABELS, MILESTONE_STATE_LABELS } from '@jalons/domain';
