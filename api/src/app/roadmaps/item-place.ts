import type { IsoDate, ProvenanceFilter } from '@jalons/domain';
import type { ProvenanceView } from '@jalons/contract';

import type { SqlFragment } from '../../infra/database/sql';
import { when } from '../../infra/database/sql';

/** What actions and milestones share: where they stand in a roadmap, and what they are called. */
export interface ItemPlaceRow {
  id: string;
  roadmap_id: string;
  function_id: string;
  phase_id: string;
  kit_key: string | null;
  title: string;
  description: string;
  /** read with `provenanceColumn` */
  provenance: ProvenanceView | null;
}

export function itemPlace(r: ItemPlaceRow) {
  return {
    id: r.id,
    roadmapId: r.roadmap_id,
    functionId: r.function_id,
    phaseId: r.phase_id,
    kitKey: r.kit_key,
    title: r.title,
    description: r.description,
    provenance: r.provenance,
  };
}

/** The filters actions and milestones share: function, phase, and a date window on `dateColumn`. */
export interface PlaceFilter {
  functionId?: string;
  phaseId?: string;
  dueBefore?: IsoDate;
  dueAfter?: IsoDate;
  /** a kit provenance, or `locale`: added in the app (no provenance) */
  provenance?: ProvenanceFilter;
}

/** The roadmap's items (table alias `alias`) within the filter; each criterion only when given. */
export function placeFilters(alias: 'a' | 'm', dateColumn: string, roadmapId: string, filter: PlaceFilter): SqlFragment[] {
  return [
    { text: `${alias}.roadmap_id = ?`, params: [roadmapId] },
    ...when(filter.functionId, `${alias}.function_id = ?`),
    ...when(filter.phaseId, `${alias}.phase_id = ?`),
    ...when(filter.dueBefore, `${dateColumn} <= ?`),
    ...when(filter.dueAfter, `${dateColumn} >= ?`),
    ...(filter.provenance === 'locale'
      ? [{ text: `${alias}.provenance is null`, params: [] }]
      : when(filter.provenance, `${alias}.provenance = ?`)),
  ];
}

/**
 * Where an action or milestone (alias `alias`) comes from, as a JSON column named `as`: `{kind, reference}`,
 * null for an item added in the app (docs/kit.md).
 */
export function provenanceColumn(alias: 'a' | 'm', as = 'provenance'): string {
  return `case when ${alias}.provenance is null then null
               else json_build_object('kind', ${alias}.provenance, 'reference', ${alias}.provenance_ref) end as ${as}`;
}

/**
 * The item an action or milestone (alias `alias` of `table`) was carried over from (ADR 0013), as a JSON
 * `carried_from` column: `{roadmapId, slug, id, title}`, null when it was not carried or its origin is gone.
 */
export function carriedFromColumn(table: 'action' | 'milestone', alias: 'a' | 'm'): string {
  return `(select json_build_object('roadmapId', o.roadmap_id, 'slug', r.slug, 'id', o.id, 'title', o.title)
           from ${table} o join roadmap r on r.id = o.roadmap_id where o.id = ${alias}.carried_from_id) as carried_from`;
}
