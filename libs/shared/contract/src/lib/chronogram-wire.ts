import { dependenciesAmong, rowsOf, tableOf } from '@jalons/domain';
import type { WireTable } from '@jalons/domain';

import type { ChronogramActionView, ChronogramMilestoneView, ChronogramView } from './views';

/*
 * The chronogram as it travels (GET /api/roadmaps/:id/chronogram, docs/adr/0034-chronogram-wire-format.md).
 * A large roadmap has thousands of bars of the same shape: written as objects, the same thirteen names are
 * repeated on every bar, and the function's and phase's ids on every bar of a function's phase. On the wire
 * the bars and the milestones are TABLES grouped by function and phase (the names once, the function and
 * phase once per run of bars, then one array of values per bar), and the arrows are left out (they are the
 * bars' `predecessorIds`). `chronogramOf` turns the wire back into the `ChronogramView` the web app draws (the
 * tables' helpers, `WireTable`, `tableOf`, `rowsOf`, `dependenciesAmong`, are the domain library's: the web
 * app imports only types from the contract).
 */

/** The fields said once per group of bars or milestones: consecutive items of one function in one phase. */
export const CHRONOGRAM_GROUPED_BY = ['functionId', 'phaseId'] as const;
type Grouped = (typeof CHRONOGRAM_GROUPED_BY)[number];

/** A bar's other fields, in the order of a row's values (the view's keys are the grouped ones, then these). */
export const CHRONOGRAM_ACTION_COLUMNS = [
  'id',
  'title',
  'volet',
  'start',
  'due',
  'status',
  'progress',
  'ownerId',
  'predecessorIds',
  'version',
  'provenance',
] as const satisfies ReadonlyArray<Exclude<keyof ChronogramActionView, Grouped>>;

/** A milestone's other fields, in the order of a row's values (the view's keys are the grouped ones, then these). */
export const CHRONOGRAM_MILESTONE_COLUMNS = [
  'id',
  'title',
  'date',
  'achievedOn',
  'ownerId',
  'version',
  'provenance',
  'state',
] as const satisfies ReadonlyArray<Exclude<keyof ChronogramMilestoneView, Grouped>>;

// a field added to a view and forgotten in its columns fails to compile here
type Missing<T, C extends ReadonlyArray<keyof T>> = Exclude<keyof T, C[number] | Grouped>;
const everyActionField: [Missing<ChronogramActionView, typeof CHRONOGRAM_ACTION_COLUMNS>] extends [never] ? true : false = true;
const everyMilestoneField: [Missing<ChronogramMilestoneView, typeof CHRONOGRAM_MILESTONE_COLUMNS>] extends [never] ? true : false = true;
void everyActionField;
void everyMilestoneField;

/**
 * The chronogram's body on the wire (ADR 0034): `ChronogramView` with its bars and milestones as
 * tables grouped by function and phase (`WireTable`), and without `dependencies` (rebuilt from the
 * bars' `predecessorIds`). `roadmap`, `functions`, `persons` and `baseline` are the view's own.
 *
 * ```json
 * {
 *   "roadmap": { "id": "…", "slug": "brest", "phases": […], "rollUp": {…}, … },
 *   "functions": [{ "id": "51c0…", "name": "Médiation", "rollUp": {…}, "byPhase": {…}, … }],
 *   "actions": {
 *     "groupedBy": ["functionId", "phaseId"],
 *     "columns": ["id", "title", "volet", "start", "due", "status", "progress", "ownerId", "predecessorIds", "version", "provenance"],
 *     "groups": [
 *       { "functionId": "51c0…", "phaseId": "0d7a…", "rows": [
 *         ["9b2e…", "Recruter un médiateur", null, "2026-04-01", "2026-06-30", "en_cours", 40, "c4f1…", [], 3, { "kind": "etude", "reference": null }],
 *         ["77aa…", "Former les agents", null, "2026-07-01", "2026-09-30", "a_lancer", 0, null, ["9b2e…"], 1, null]
 *       ] }
 *     ]
 *   },
 *   "milestones": {
 *     "groupedBy": ["functionId", "phaseId"],
 *     "columns": ["id", "title", "date", "achievedOn", "ownerId", "version", "provenance", "state"],
 *     "groups": [{ "functionId": "51c0…", "phaseId": "0d7a…", "rows": [["e3d9…", "Médiateur en poste", "2026-07-01", null, null, 1, null, "upcoming"]] }]
 *   },
 *   "persons": [{ "id": "c4f1…", "name": "Anne Le Gall", "email": "…" }]
 * }
 * ```
 */
export interface ChronogramWire extends Omit<ChronogramView, 'actions' | 'milestones' | 'dependencies'> {
  /** the bars (`ChronogramActionView`), in the view's order (by function, then start, due, title), in runs of one function and phase */
  actions: WireTable<ChronogramActionView, Grouped>;
  /** the milestones shown (`ChronogramMilestoneView`), in the view's order, in runs of one function and phase */
  milestones: WireTable<ChronogramMilestoneView, Grouped>;
}

/** The chronogram's view written for the wire (the API's writer for a past day or a baseline of one function). */
export function chronogramWire(view: ChronogramView): ChronogramWire {
  return chronogramWireOf(view, tableOf(view.actions, CHRONOGRAM_GROUPED_BY, CHRONOGRAM_ACTION_COLUMNS));
}

/**
 * The wire from a view whose bars are already a table: today's chronogram reads them from SQL as rows of
 * values in the columns' order (`tableOfRows`) rather than as objects (issue 14). The same body as `chronogramWire`.
 */
export function chronogramWireOf(
  view: Omit<ChronogramView, 'actions' | 'dependencies'>,
  actions: WireTable<ChronogramActionView, Grouped>,
): ChronogramWire {
  const { roadmap, functions, milestones, persons, baseline } = view;
  const wire: ChronogramWire = {
    roadmap,
    functions,
    actions,
    milestones: tableOf(milestones, CHRONOGRAM_GROUPED_BY, CHRONOGRAM_MILESTONE_COLUMNS),
    persons,
  };
  if (baseline) wire.baseline = baseline;
  return wire;
}

/** The view the wire stands for: bars and milestones as objects, and the arrows rebuilt from the bars' predecessors. */
export function chronogramOf(wire: ChronogramWire): ChronogramView {
  const { roadmap, functions, persons, baseline } = wire;
  const actions = rowsOf(wire.actions);
  const view: ChronogramView = {
    roadmap,
    functions,
    actions,
    milestones: rowsOf(wire.milestones),
    dependencies: dependenciesAmong(actions),
    persons,
  };
  if (baseline) view.baseline = baseline;
  return view;
}
