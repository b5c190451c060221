import { dependenciesAmong, rowsOf, tableOf } from '@jalons/domain';
import type { WireTable } from '@jalons/domain';

import type { ChronogramActionView, ChronogramMilestoneView, ChronogramView } from './views';

/*
 * The chronogram as it travels (GET /api/roadmaps/:id/chronogram, docs/adr/0034-chronogram-wire-format.md).
 * A large roadmap has thousands of bars of the same shape: written as objects, the same thirteen names are
 * repeated on every bar and were a third of the megabyte. On the wire the bars and the milestones are TABLES
 * (the names once, then one array of values per bar), and the arrows are left out (they are the bars'
 * `predecessorIds`). `chronogramOf` turns the wire back into the `ChronogramView` the web app draws (the
 * tables' helpers, `WireTable`, `tableOf`, `rowsOf`, `dependenciesAmong`, are the domain library's: the web app
 * imports only types from the contract).
 */

/** A bar's fields in the order of the wire's columns (and of the view's keys): every field of `ChronogramActionView`. */
export const CHRONOGRAM_ACTION_COLUMNS = [
  'id',
  'functionId',
  'phaseId',
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
] as const satisfies ReadonlyArray<keyof ChronogramActionView>;

/** A milestone's fields in the order of the wire's columns (and of the view's keys): every field of `ChronogramMilestoneView`. */
export const CHRONOGRAM_MILESTONE_COLUMNS = [
  'id',
  'functionId',
  'phaseId',
  'title',
  'date',
  'achievedOn',
  'ownerId',
  'version',
  'provenance',
  'state',
] as const satisfies ReadonlyArray<keyof ChronogramMilestoneView>;

// a field added to a view and forgotten in its columns fails to compile here
type Missing<T, C extends ReadonlyArray<keyof T>> = Exclude<keyof T, C[number]>;
const everyActionField: [Missing<ChronogramActionView, typeof CHRONOGRAM_ACTION_COLUMNS>] extends [never] ? true : false = true;
const everyMilestoneField: [Missing<ChronogramMilestoneView, typeof CHRONOGRAM_MILESTONE_COLUMNS>] extends [never] ? true : false = true;
void everyActionField;
void everyMilestoneField;

/**
 * The chronogram's body on the wire (ADR 0034): `ChronogramView` with its bars and milestones as
 * tables and without `dependencies`. `roadmap`, `functions`, `persons` and `baseline` are the view's
 * own, unchanged.
 *
 * ```json
 * {
 *   "roadmap": { "id": "…", "slug": "brest", "phases": […], "rollUp": {…}, … },
 *   "functions": [{ "id": "…", "name": "Médiation", "rollUp": {…}, "byPhase": {…}, … }],
 *   "actions": {
 *     "columns": ["id", "functionId", "phaseId", "title", "volet", "start", "due", "status", "progress",
 *                 "ownerId", "predecessorIds", "version", "provenance"],
 *     "rows": [["9b2e…", "51c0…", "0d7a…", "Recruter un médiateur", null, "2026-04-01", "2026-06-30",
 *               "en_cours", 40, "c4f1…", ["77aa…"], 3, { "kind": "etude", "reference": null }]]
 *   },
 *   "milestones": {
 *     "columns": ["id", "functionId", "phaseId", "title", "date", "achievedOn", "ownerId", "version", "provenance", "state"],
 *     "rows": [["e3d9…", "51c0…", "0d7a…", "Médiateur en poste", "2026-07-01", null, null, 1, null, "upcoming"]]
 *   },
 *   "persons": [{ "id": "c4f1…", "name": "Anne Le Gall", "email": "…" }]
 * }
 * ```
 */
export interface ChronogramWire extends Omit<ChronogramView, 'actions' | 'milestones' | 'dependencies'> {
  /** the bars (`ChronogramActionView`), in the view's order: by function, then start, due, title */
  actions: WireTable<ChronogramActionView>;
  /** the milestones shown (`ChronogramMilestoneView`), in the view's order */
  milestones: WireTable<ChronogramMilestoneView>;
}

/** The chronogram's view written for the wire (the API's one writer, for today, a past day or a baseline). */
export function chronogramWire(view: ChronogramView): ChronogramWire {
  const { roadmap, functions, actions, milestones, persons, baseline } = view;
  const wire: ChronogramWire = {
    roadmap,
    functions,
    actions: tableOf(actions, CHRONOGRAM_ACTION_COLUMNS),
    milestones: tableOf(milestones, CHRONOGRAM_MILESTONE_COLUMNS),
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
