/*
 * Where an action or a milestone of the kit comes from (docs/kit.md, « Provenance »): the study itself,
 * a practice of another territory (with its reference), or an example to adapt. An item added in the
 * app has none: the lists call it « locale ».
 */

export const PROVENANCES = ['etude', 'pratique', 'exemple'] as const;
export type Provenance = (typeof PROVENANCES)[number];

export const PROVENANCE_LABELS: Readonly<Record<Provenance, string>> = {
  etude: 'Étude',
  pratique: 'Pratique d’un territoire',
  exemple: 'Exemple à adapter',
};

/** What the lists filter on: a kit provenance, or `locale` for an item added in the app (no provenance). */
export const PROVENANCE_FILTERS = [...PROVENANCES, 'locale'] as const;
export type ProvenanceFilter = (typeof PROVENANCE_FILTERS)[number];

export const PROVENANCE_FILTER_LABELS: Readonly<Record<ProvenanceFilter, string>> = {
  ...PROVENANCE_LABELS,
  locale: 'Ajout dans l’application',
};

/** The filter an item passes: its provenance, or `locale` when it has none. */
export function provenanceFilterOf(provenance: Provenance | null | undefined): ProvenanceFilter {
  return provenance ?? 'locale';
}
