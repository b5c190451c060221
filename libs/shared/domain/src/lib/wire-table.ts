/*
 * Lists of objects of one shape written as tables, for the wire (docs/adr/0034-chronogram-wire-format.md):
 * the field names once, then one array of values per object, the values a run of consecutive objects
 * shares said once for the run. Pure functions, shared by the API (which writes them) and the web app
 * (which reads them back); the chronogram's own wire type is in the contract.
 */

/**
 * A list of objects of one shape, written as a table in groups. The objects are cut into runs of
 * consecutive objects that have the same values of the `groupedBy` fields; each run is a group,
 * which gives those values once (as its own fields) and then its objects' other values as `rows`:
 * one array per object, its values in the order of `columns` (`null` for a null or absent field).
 * Read it back with `rowsOf`; each object has the `groupedBy` fields first, then the `columns`.
 *
 * ```json
 * {
 *   "groupedBy": ["functionId"],
 *   "columns": ["id", "title", "progress"],
 *   "groups": [{ "functionId": "51c0…", "rows": [["3f1c…", "Recruter un médiateur", 40], ["77aa…", "Former les agents", 0]] }]
 * }
 * ```
 */
export interface WireTable<T, K extends keyof T & string = never> {
  /** the fields whose value each group gives once, for all its rows */
  groupedBy: K[];
  /** the fields each row gives, in the order of its values (camelCase, as in the object view) */
  columns: Array<Exclude<keyof T, K> & string>;
  /** the runs of consecutive objects, in the list's order: the shared values, then one row per object */
  groups: Array<Pick<T, K> & { rows: unknown[][] }>;
}

/** A list of objects as a table: runs of equal `groupedBy` values, then the `columns` of each object (absent written null). */
export function tableOf<T, K extends keyof T & string>(
  objects: readonly T[],
  groupedBy: readonly K[],
  columns: ReadonlyArray<Exclude<keyof T, K> & string>,
): WireTable<T, K> {
  const groups: Array<Pick<T, K> & { rows: unknown[][] }> = [];
  let group: Record<string, unknown> & { rows: unknown[][] } = { rows: [] };
  for (const o of objects) {
    if (groups.length === 0 || groupedBy.some((k) => group[k] !== (o[k] ?? null))) {
      group = newGroup(groupedBy, (k) => o[k as K]);
      groups.push(group as Pick<T, K> & { rows: unknown[][] });
    }
    group.rows.push(columns.map((c) => o[c] ?? null));
  }
  return { groupedBy: [...groupedBy], columns: [...columns], groups };
}

/**
 * The same table from rows already read as arrays (a database driver's array mode): each row holds the
 * `columns` values, then the `groupedBy` values, in those orders. No object is made per row: each row
 * array becomes the table's row, cut to its columns (the arrays given are the table's from then on).
 */
export function tableOfRows<T, K extends keyof T & string>(
  rows: unknown[][],
  groupedBy: readonly K[],
  columns: ReadonlyArray<Exclude<keyof T, K> & string>,
): WireTable<T, K> {
  const groups: Array<Pick<T, K> & { rows: unknown[][] }> = [];
  const n = columns.length;
  let group: Record<string, unknown> & { rows: unknown[][] } = { rows: [] };
  for (const row of rows) {
    let same = groups.length > 0;
    for (let i = 0; same && i < groupedBy.length; i++) same = group[groupedBy[i]] === (row[n + i] ?? null);
    if (!same) {
      group = newGroup(groupedBy, (_, i) => row[n + i]);
      groups.push(group as Pick<T, K> & { rows: unknown[][] });
    }
    row.length = n;
    for (let i = 0; i < n; i++) if (row[i] === undefined) row[i] = null;
    group.rows.push(row);
  }
  return { groupedBy: [...groupedBy], columns: [...columns], groups };
}

/** A group: its `groupedBy` values first (null for absent), then its rows — in that order on the wire. */
function newGroup(groupedBy: readonly string[], value: (k: string, i: number) => unknown): Record<string, unknown> & { rows: unknown[][] } {
  const group: Record<string, unknown> = {};
  groupedBy.forEach((k, i) => (group[k] = value(k, i) ?? null));
  group['rows'] = [];
  return group as Record<string, unknown> & { rows: unknown[][] };
}

/** The objects a table stands for, in order: each with its group's `groupedBy` values, then its row's `columns`. */
export function rowsOf<T, K extends keyof T & string>(table: WireTable<T, K>): T[] {
  const { groupedBy, columns, groups } = table;
  const objects: T[] = [];
  for (const group of groups) {
    for (const row of group.rows) {
      const o: Record<string, unknown> = {};
      for (const k of groupedBy) o[k] = group[k];
      for (let i = 0; i < columns.length; i++) o[columns[i]] = row[i];
      objects.push(o as T);
    }
  }
  return objects;
}

/** The arrows between the shown bars, in the bars' order then their predecessors' (a predecessor not shown draws none). */
export function dependenciesAmong(
  bars: ReadonlyArray<{ id: string; predecessorIds: readonly string[] }>,
): Array<{ predecessorId: string; successorId: string }> {
  const shown = new Set(bars.map((a) => a.id));
  const dependencies: Array<{ predecessorId: string; successorId: string }> = [];
  for (const a of bars) for (const p of a.predecessorIds) if (shown.has(p)) dependencies.push({ predecessorId: p, successorId: a.id });
  return dependencies;
}
