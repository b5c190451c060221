/**
 * Evidence (docs/evidence.md): the kinds of link that prove an action, a milestone (and later a
 * decision), and their bounds — shared by the contract's checks, the table's and the web's forms.
 */
export const EVIDENCE_KINDS = ['deliberation', 'document', 'page-web', 'jeu-de-donnees'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** A link's title (characters) and address (characters) at most. */
export const EVIDENCE_BOUNDS = { title: 200, url: 2000 } as const;
