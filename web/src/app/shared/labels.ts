import type { FunctionFamily, Health } from '@jalons/domain';

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
