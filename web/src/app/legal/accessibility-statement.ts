import { ACCESSIBILITY_AUDIT_DATE, ACCESSIBILITY_STATUS, accessibilityStatusOf } from '@jalons/domain';
import type { AccessibilityStatus, IsoDate } from '@jalons/domain';

import { tKey } from '../i18n/i18n';

/**
 * The figures of the « Déclaration d’accessibilité »: Jalons's own RGAA 4.1 audit (docs/accessibility.md: method,
 * sample, each criterion and why). To redo it: update `CRITERIA` (C met, NC not met, NA not applicable over the
 * whole sample, as the RGAA counts), the lists below, then ACCESSIBILITY_STATUS and ACCESSIBILITY_AUDIT_DATE in
 * libs/shared/domain/src/lib/accessibility.ts — accessibility-statement.spec.ts checks that they agree.
 */
export type CriterionResult = 'C' | 'NC' | 'NA';

/** The RGAA 4.1's 13 themes and their criteria, in the referential's order. */
export const THEMES: readonly { number: number; name: string }[] = [
  { number: 1, name: tKey('Images') },
  { number: 2, name: tKey('Cadres') },
  { number: 3, name: tKey('Couleurs') },
  { number: 4, name: tKey('Multimédia') },
  { number: 5, name: tKey('Tableaux') },
  { number: 6, name: tKey('Liens') },
  { number: 7, name: tKey('Scripts') },
  { number: 8, name: tKey('Éléments obligatoires') },
  { number: 9, name: tKey('Structuration de l’information') },
  { number: 10, name: tKey('Présentation de l’information') },
  { number: 11, name: tKey('Formulaires') },
  { number: 12, name: tKey('Navigation') },
  { number: 13, name: tKey('Consultation') },
];

/** Each of the 106 criteria over the sample (a criterion is met when it is met on every page where it applies). */
// prettier-ignore
export const CRITERIA: Readonly<Record<string, CriterionResult>> = {
  // 1 Images
  '1.1': 'C', '1.2': 'C', '1.3': 'C', '1.4': 'NA', '1.5': 'NA', '1.6': 'C', '1.7': 'C', '1.8': 'NA', '1.9': 'NA',
  // 2 Cadres
  '2.1': 'NA', '2.2': 'NA',
  // 3 Couleurs
  '3.1': 'C', '3.2': 'C', '3.3': 'C',
  // 4 Multimédia: no video, no sound
  '4.1': 'NA', '4.2': 'NA', '4.3': 'NA', '4.4': 'NA', '4.5': 'NA', '4.6': 'NA', '4.7': 'NA', '4.8': 'NA', '4.9': 'NA',
  '4.10': 'NA', '4.11': 'NA', '4.12': 'NA', '4.13': 'NA',
  // 5 Tableaux
  '5.1': 'NA', '5.2': 'NA', '5.3': 'NA', '5.4': 'C', '5.5': 'C', '5.6': 'C', '5.7': 'C', '5.8': 'NA',
  // 6 Liens
  '6.1': 'C', '6.2': 'C',
  // 7 Scripts
  '7.1': 'C', '7.2': 'C', '7.3': 'C', '7.4': 'C', '7.5': 'C',
  // 8 Éléments obligatoires
  '8.1': 'C', '8.2': 'C', '8.3': 'C', '8.4': 'C', '8.5': 'C', '8.6': 'C', '8.7': 'C', '8.8': 'C', '8.9': 'C', '8.10': 'NA',
  // 9 Structuration de l'information
  '9.1': 'C', '9.2': 'C', '9.3': 'C', '9.4': 'NA',
  // 10 Présentation de l'information
  '10.1': 'C', '10.2': 'C', '10.3': 'C', '10.4': 'C', '10.5': 'C', '10.6': 'C', '10.7': 'C', '10.8': 'C', '10.9': 'C',
  '10.10': 'C', '10.11': 'C', '10.12': 'C', '10.13': 'NA', '10.14': 'NA',
  // 11 Formulaires
  '11.1': 'C', '11.2': 'C', '11.3': 'C', '11.4': 'C', '11.5': 'C', '11.6': 'C', '11.7': 'C', '11.8': 'NA', '11.9': 'C',
  '11.10': 'C', '11.11': 'C', '11.12': 'C', '11.13': 'C',
  // 12 Navigation
  '12.1': 'NC', '12.2': 'C', '12.3': 'NA', '12.4': 'NA', '12.5': 'NA', '12.6': 'C', '12.7': 'C', '12.8': 'C', '12.9': 'C',
  '12.10': 'NA', '12.11': 'NA',
  // 13 Consultation
  '13.1': 'NC', '13.2': 'C', '13.3': 'C', '13.4': 'C', '13.5': 'NA', '13.6': 'NA', '13.7': 'NA', '13.8': 'NA', '13.9': 'C',
  '13.10': 'C', '13.11': 'C', '13.12': 'NA',
};

export interface ThemeResult {
  number: number;
  name: string;
  met: number;
  notMet: number;
  notApplicable: number;
}

const count = (theme: number, result: CriterionResult): number =>
  Object.entries(CRITERIA).filter(([id, r]) => id.startsWith(`${theme}.`) && r === result).length;

/** Per theme: criteria met, not met, not applicable. */
export const THEME_RESULTS: readonly ThemeResult[] = THEMES.map((t) => ({
  ...t,
  met: count(t.number, 'C'),
  notMet: count(t.number, 'NC'),
  notApplicable: count(t.number, 'NA'),
}));

const total = (key: 'met' | 'notMet' | 'notApplicable'): number => THEME_RESULTS.reduce((sum, t) => sum + t[key], 0);

export interface AuditSummary {
  date: IsoDate;
  status: AccessibilityStatus;
  met: number;
  notMet: number;
  notApplicable: number;
  /** criteria met ÷ criteria applicable, in percent, rounded down (a rate is never rounded up to 100 %) */
  rate: number;
}

const met = total('met');
const applicable = met + total('notMet');

export const AUDIT: AuditSummary = {
  date: ACCESSIBILITY_AUDIT_DATE,
  status: ACCESSIBILITY_STATUS,
  met,
  notMet: total('notMet'),
  notApplicable: total('notApplicable'),
  rate: applicable ? Math.floor((met * 100) / applicable) : 100,
};

/** The status the figures give (the spec checks that the domain's constant says the same). */
export const STATUS_FROM_FIGURES: AccessibilityStatus = accessibilityStatusOf(met, applicable);

/** The pages of the sample, as a person reaches them. */
export const SAMPLE_PAGES: readonly { name: string; path: string }[] = [
  { name: tKey('Connexion'), path: '/connexion' },
  { name: tKey('Vue du mandat'), path: '/r/<feuille-de-route>' },
  { name: tKey('Chronogramme (diagramme de Gantt et tableau)'), path: '/r/<feuille-de-route>/chronogramme' },
  { name: tKey('Fiche d’une action'), path: '/r/<feuille-de-route>/actions/<action>' },
  { name: tKey('Mes échéances'), path: '/mes-echeances' },
  { name: tKey('Page publique d’une feuille de route'), path: '/public/<feuille-de-route>' },
  { name: tKey('Rapport au conseil'), path: '/r/<feuille-de-route>/rapport' },
  { name: tKey('Mon compte'), path: '/mon-compte' },
  { name: tKey('Administration'), path: '/administration' },
  { name: tKey('Déclaration d’accessibilité, mentions légales, données personnelles'), path: '/accessibilite' },
];

/** Non-conformities: what does not meet the RGAA, and the way around it when there is one. */
export const NON_CONFORMITIES: readonly string[] = [
  tKey(
    'Un seul système de navigation (le menu) : il n’y a ni plan du site ni moteur de recherche (critère 12.1). La vue du mandat et « Mes échéances » mènent à chaque élément.',
  ),
  tKey(
    'La session se ferme après 4 heures sans activité, sans avertissement préalable ni moyen de la prolonger ; une saisie non enregistrée est alors perdue (critère 13.1).',
  ),
];

/** Contents not accessible that meet a criterion through an accessible alternative, said plainly. */
export const WITH_ALTERNATIVE: readonly string[] = [
  tKey(
    'Le rapport au conseil en PDF n’est pas balisé : un lecteur d’écran n’y trouve ni titres ni tableaux. La version web du rapport (« Ouvrir la version web ») donne le même contenu, accessible.',
  ),
  tKey(
    'Les barres du diagramme de Gantt sont dessinées en SVG (frappe-gantt) et se déplacent à la souris : la vue « Tableau » du chronogramme donne les mêmes dates et états, et la fiche de chaque action permet de la replanifier au clavier.',
  ),
  tKey('La courbe d’avancement (graphique) a son tableau de valeurs juste en dessous.'),
  tKey('Les champs de date utilisent le calendrier du navigateur ; la date peut aussi être saisie au clavier, jour, mois et année.'),
];

/** Dérogations pour charge disproportionnée. */
export const DEROGATIONS: readonly string[] = [];

/** Contents not subject to the obligation. */
export const EXEMPT: readonly string[] = [
  tKey(
    'Les documents joints comme preuves (liens vers des sites ou des fichiers d’autres services) : ils ne sont pas produits par Jalons.',
  ),
];

export const TECHNOLOGIES: readonly string[] = ['HTML5', 'CSS', 'JavaScript (Angular)', 'SVG', 'WAI-ARIA'];

export const TEST_ENVIRONMENT: readonly string[] = [
  tKey('Chromium (Debian) sur Linux, clavier seul, à 1280 px, 640 px (équivalent d’un zoom à 200 %), 390 px et 320 px de large'),
  tKey('Aucun lecteur d’écran (NVDA, JAWS, Orca, VoiceOver) n’a été utilisé pour cet audit'),
];

export const TOOLS: readonly string[] = [
  tKey('axe-core (règles WCAG 2.1 A et AA), lancé par Playwright sur chaque page de l’échantillon'),
  tKey('Revue manuelle des gabarits (titres, repères, tableaux, formulaires, liens) et parcours au clavier'),
  tKey('Contrôle de la restructuration à 320 px, du zoom à 200 % et de l’espacement du texte (critère 10.12) par script'),
];
