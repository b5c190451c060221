import type { ActionStatus, IsoDate, ProvenanceFilter } from '@jalons/domain';
import { ACTION_STATUSES, PROVENANCE_FILTERS, addDays, compareIsoDates } from '@jalons/domain';
import type { ParamMap, Params } from '@angular/router';

/**
 * The weekly review's filters, as the chronogram page's query parameters (a reload or a shared link
 * keeps them): `fonction` (the page's own: it loads that function only, so the chart follows),
 * `phase`, `responsable`, `statut` (several, comma-separated), `enRetard=1`, `sous=<days>`,
 * `provenance` (etude, pratique, exemple, or locale: added in the app); and `vue=tableau` for the table itself.
 */
export interface ReviewFilter {
  functionId: string | null;
  phaseId: string | null;
  ownerId: string | null;
  statuses: ActionStatus[];
  lateOnly: boolean;
  /** due within this many days of the reference day (late ones included); null: any day */
  within: number | null;
  /** where the items come from (docs/kit.md); null: anywhere */
  provenance: ProvenanceFilter | null;
}

export const NO_FILTER: ReviewFilter = {
  functionId: null,
  phaseId: null,
  ownerId: null,
  statuses: [],
  lateOnly: false,
  within: null,
  provenance: null,
};

/** The query parameters the filters own (the display's `vue` apart). */
export const FILTER_PARAMS = ['fonction', 'phase', 'responsable', 'statut', 'enRetard', 'sous', 'provenance'] as const;

/** The filters a URL holds; what it holds wrongly is ignored. */
export function readReviewFilter(params: ParamMap): ReviewFilter {
  const within = Number(params.get('sous'));
  return {
    functionId: params.get('fonction') || null,
    phaseId: params.get('phase') || null,
    ownerId: params.get('responsable') || null,
    statuses: (params.get('statut') ?? '').split(',').filter((s): s is ActionStatus => (ACTION_STATUSES as readonly string[]).includes(s)),
    lateOnly: params.get('enRetard') === '1',
    within: params.has('sous') && Number.isInteger(within) && within >= 0 && within <= 3650 ? within : null,
    provenance: (PROVENANCE_FILTERS as readonly string[]).includes(params.get('provenance') ?? '')
      ? (params.get('provenance') as ProvenanceFilter)
      : null,
  };
}

/** The query parameters of a filter (null removes one), to merge into the URL. */
export function reviewFilterParams(f: ReviewFilter): Params {
  return {
    fonction: f.functionId,
    phase: f.phaseId,
    responsable: f.ownerId,
    statut: f.statuses.length ? f.statuses.join(',') : null,
    enRetard: f.lateOnly ? '1' : null,
    sous: f.within,
    provenance: f.provenance,
  };
}

export function isFiltered(f: ReviewFilter): boolean {
  return !!(f.functionId || f.phaseId || f.ownerId || f.statuses.length || f.lateOnly || f.within !== null || f.provenance);
}

/** What the filters look at in a row: an action, or a milestone (no status; open while not achieved). */
export interface FilterableItem {
  functionId: string;
  phaseId: string;
  ownerId: string | null;
  status: ActionStatus | null;
  due: IsoDate;
  /** still to be done: an action neither finished nor abandoned, a milestone not achieved */
  open: boolean;
  /** its kit provenance, or `locale` when added in the app */
  provenance: ProvenanceFilter;
}

/**
 * Whether the row passes the filters on reference day `at`. A status filter keeps actions only; « late »
 * is an open item due before `at`; « due within N days » keeps open items due by `at` + N (late ones too).
 */
export function passes(item: FilterableItem, f: ReviewFilter, at: IsoDate): boolean {
  if (f.functionId && item.functionId !== f.functionId) return false;
  if (f.phaseId && item.phaseId !== f.phaseId) return false;
  if (f.ownerId && item.ownerId !== f.ownerId) return false;
  if (f.statuses.length && (item.status === null || !f.statuses.includes(item.status))) return false;
  if (f.lateOnly && !(item.open && compareIsoDates(item.due, at) < 0)) return false;
  if (f.within !== null && !(item.open && compareIsoDates(item.due, addDays(at, f.within)) <= 0)) return false;
  if (f.provenance && item.provenance !== f.provenance) return false;
  return true;
}
