import type { IsoDate } from './types';

/**
 * The accessibility statement's standing (RGAA 4.1, « état de conformité »): one source for the API's
 * `GET /api/public/instance`, the footer of every page and the « Déclaration d'accessibilité » (issue 13).
 * The audit behind them: docs/accessibility.md — redo it and update these two values together with the
 * figures of web/src/app/legal/accessibility-statement.ts.
 */
export type AccessibilityStatus = 'totalement conforme' | 'partiellement conforme' | 'non conforme';

/** The status the RGAA gives a rate of criteria met: 100 % totally, at least 50 % partially, below: not. */
export function accessibilityStatusOf(met: number, applicable: number): AccessibilityStatus {
  if (applicable <= 0 || met >= applicable) return 'totalement conforme';
  return met * 2 >= applicable ? 'partiellement conforme' : 'non conforme';
}

/** The status of this version of Jalons, from its own audit (docs/accessibility.md). */
export const ACCESSIBILITY_STATUS: AccessibilityStatus = 'partiellement conforme';

/** The day the audit was finished (the statement's « établie le »). */
export const ACCESSIBILITY_AUDIT_DATE: IsoDate = '2026-11-29';

/** The web address of the statement, linked from every page's footer. */
export const ACCESSIBILITY_STATEMENT_PATH = '/accessibilite';
