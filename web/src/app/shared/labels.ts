import type {
  ActionStatus,
  CentralVolet,
  FunctionFamily,
  Health,
  MilestoneState,
} from '@jalons/domain';

/** What the user reads for each schedule health (always shown as text, never by colour alone). */
export const HEALTH_LABELS: Readonly<Record<Health, string>> = {
  on_track: 'À l’heure',
  at_risk: 'À surveiller',
  late: 'En retard',
};

export const FAMILY_LABELS: Readonly<Record<FunctionFamily, string>> = {
  centrale: 'Centrale',
  socle: 'Socle',
  ressources: 'Ressources',
  ecosysteme: 'Écosystème',
  anticipation: 'Anticipation',
};

export const STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  a_lancer: 'À lancer',
  en_cours: 'En cours',
  bloquee: 'Bloquée',
  terminee: 'Terminée',
  abandonnee: 'Abandonnée',
};

export const MILESTONE_STATE_LABELS: Readonly<Record<MilestoneState, string>> =
  {
    achieved: 'Atteint',
    late: 'En retard',
    upcoming: 'À venir',
  };

export const VOLET_LABELS: Readonly<Record<CentralVolet, string>> = {
  strategique: 'Stratégique',
  metiers: 'Métiers',
  technique: 'Technique',
};

/** The history's `field` codes (API side: the changed property), as the user reads them. */
export const HISTORY_FIELD_LABELS: Readonly<Record<string, string>> = {
  created: 'Création',
  deleted: 'Suppression',
  comment: 'Commentaire',
  title: 'Intitulé',
  description: 'Description',
  status: 'Statut',
  progress: 'Avancement',
  start: 'Début',
  due: 'Échéance',
  date: 'Date',
  achievedOn: 'Atteint le',
  owner: 'Responsable',
  function: 'Fonction',
  phase: 'Phase',
  volet: 'Volet',
  predecessor: 'Action précédente',
};

/** What each role is called (the domain's table, so the API's messages and the web app agree). */
export { ROLE_LABELS } from '@jalons/domain';
