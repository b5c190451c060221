import type { ActorGroup, ActorKind, ActorNeed, AssessmentAxis, DataType } from '@jalons/domain';

import { tKey } from '../i18n/i18n';

/*
 * The diagnostic's labels as the register shows them: the domain's tables (libs/shared/domain diagnostic.ts),
 * marked as keys of the dictionary (actor-labels.spec.ts checks they say the same). Show them through `t`.
 */

export const KIND_LABELS: Readonly<Record<ActorKind, string>> = {
  direction: tKey('Direction'),
  operateur: tKey('Opérateur SEM/SPL'),
  partenaire: tKey('Partenaire'),
  expert: tKey('Expert·e'),
};

export const GROUP_LABELS: Readonly<Record<ActorGroup, string>> = {
  leaders: tKey('Leaders'),
  median: tKey('Groupe médian'),
  'peu-impliques': tKey('Peu impliqués'),
};

export const NEED_LABELS: Readonly<Record<ActorNeed, string>> = {
  competences: tKey('Compétences'),
  ingenierie: tKey('Ingénierie de projet'),
  moyens: tKey('Moyens'),
  infrastructures: tKey('Infrastructures'),
  strategie: tKey('Stratégie commune'),
};

export const DATA_TYPE_LABELS: Readonly<Record<DataType, string>> = {
  metiers: tKey('Données métiers'),
  geographiques: tKey('Données géographiques'),
  financieres: tKey('Données financières'),
  'commande-publique': tKey('Données de la commande publique'),
};

export const AXIS_LABELS: Readonly<Record<AssessmentAxis, string>> = {
  strategie: tKey('Stratégie'),
  gouvernance: tKey('Gouvernance'),
  competences: tKey('Compétences'),
  outils: tKey('Outils'),
  donnees: tKey('Données'),
};
