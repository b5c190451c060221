import type { ActionStatus, MilestoneState } from './types';

/*
 * What people read for the domain's codes, in French: the API writes them in its exports, the web
 * app shows them through its dictionary (the French text is the key of web/src/app/i18n/en.ts).
 */

/** An action's status. */
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  a_lancer: 'À lancer',
  en_cours: 'En cours',
  bloquee: 'Bloquée',
  terminee: 'Terminée',
  abandonnee: 'Abandonnée',
};

/** Where a milestone stands on the reference day. */
export const MILESTONE_STATE_LABELS: Readonly<Record<MilestoneState, string>> = {
  achieved: 'Atteint',
  late: 'En retard',
  upcoming: 'À venir',
};
