import { PROVENANCE_FILTER_LABELS, PROVENANCE_FILTERS, PROVENANCE_LABELS, PROVENANCES, provenanceFilterOf } from './provenance';

describe('the provenance of kit items', () => {
  it('names the three provenances of the kit, as the study’s readers say them', () => {
    expect(PROVENANCES.map((p) => PROVENANCE_LABELS[p])).toEqual(['Étude', 'Pratique d’un territoire', 'Exemple à adapter']);
  });

  it('filters on the three, and on the items added in the app (no provenance)', () => {
    expect(PROVENANCE_FILTERS).toEqual(['etude', 'pratique', 'exemple', 'locale']);
    expect(provenanceFilterOf(null)).toBe('locale');
    expect(provenanceFilterOf(undefined)).toBe('locale');
    expect(provenanceFilterOf('pratique')).toBe('pratique');
    expect(new Set(PROVENANCE_FILTERS.map((p) => PROVENANCE_FILTER_LABELS[p])).size).toBe(4);
  });
});
