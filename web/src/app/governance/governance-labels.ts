import type { DecisionKind, DecisionView } from '@jalons/contract';
import { formatFrDate } from '@jalons/domain';

import { tKey } from '../i18n/i18n';
import type { Translate } from '../i18n/i18n';

/** What each kind of decision is called (the domain's DECISION_KIND_LABELS, marked for the dictionary). */
export const DECISION_KIND_TEXTS: Readonly<Record<DecisionKind, string>> = {
  validation: tKey('Validation'),
  replanification: tKey('Replanification'),
  arbitrage: tKey('Arbitrage'),
  budget: tKey('Budget'),
};

/** The longest part of a decision's text shown in a list of choices. */
const TEXT_SHOWN = 80;

/** « 25/06/2026 — Validation — Délibération du conseil… » (a choice in a select). */
export function decisionLabel(d: Pick<DecisionView, 'date' | 'kind' | 'text'>, t: Translate): string {
  const text = d.text.length > TEXT_SHOWN ? `${d.text.slice(0, TEXT_SHOWN - 1).trimEnd()}…` : d.text;
  return `${formatFrDate(d.date)} — ${t(DECISION_KIND_TEXTS[d.kind])} — ${text}`;
}

/** A meeting's decisions in the order they were taken (by date, then as recorded): how a relevé numbers them. */
export function inOrderTaken<T extends Pick<DecisionView, 'date' | 'createdAt'>>(decisions: readonly T[]): T[] {
  return [...decisions].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
}
