import type { IsoDate } from './types';

/**
 * Governance (issue 12, ADR 0019, docs/governance.md): the roadmap's instances (comité de pilotage,
 * comité technique, instance éthique), their meetings (attendees, agenda, minutes) and the
 * decisions taken — a validation of the plan, a re-plan, an arbitration, a budget — which a
 * baseline or a re-plan may cite.
 */

export const DECISION_KINDS = ['validation', 'replanification', 'arbitrage', 'budget'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_KIND_LABELS: Readonly<Record<DecisionKind, string>> = {
  validation: 'Validation',
  replanification: 'Replanification',
  arbitrage: 'Arbitrage',
  budget: 'Budget',
};

/** What an agenda item or a decision may be linked to. */
export const LINKED_ITEM_TYPES = ['action', 'milestone'] as const;
export type LinkedItemType = (typeof LINKED_ITEM_TYPES)[number];

/** The instances the Brest seed creates (and a sensible start for any roadmap). */
export const BREST_INSTANCE_NAMES = ['Comité de pilotage', 'Comité technique', 'Instance éthique'] as const;

/** What the API accepts (characters, list lengths) — shared by the contract's checks, the tables' and the web's forms. */
export const GOVERNANCE_BOUNDS = Object.freeze({
  instanceName: 120,
  instanceDescription: 500,
  meetingTitle: 200,
  attendeeName: 120,
  attendees: 100,
  agendaLabel: 300,
  agenda: 100,
  minutes: 20000,
  decisionText: 2000,
  decisionItems: 50,
});

/** '2026-06-25' → '25/06/2026' */
export function frenchDate(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/**
 * How a decision reads in a list or a select: « 25/06/2026 — Validation — Délibération du conseil… »
 * (the text cut at `max` characters, an ellipsis added when cut).
 */
export function decisionLabel(d: { date: IsoDate; kind: DecisionKind; text: string }, max = 80): string {
  const chars = [...d.text.replace(/\s+/g, ' ').trim()];
  const text = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
  return `${frenchDate(d.date)} — ${DECISION_KIND_LABELS[d.kind]} — ${text}`;
}
