/*
 * Lists of objects of one shape written as tables, for the wire (docs/adr/0034-chronogram-wire-format.md):
 * the field names once, then one array of values per object. Pure functions, shared by the API (which
 * writes them) and the web app (which reads them back); the chronogram's own wire type is in the contract.
 */

/**
 * A list of objects of one shape, written as a table: `columns` names each object's fields once, in
 * the objects' key order; each row of `rows` is one object, its values in the order of `columns`
 * (`null` where the object's field is null or absent). Read it back with `rowsOf`.
 *
 * ```json
 * { "columns": ["id", "title", "progress"], "rows": [["3f1c…", "Recruter un médiateur", 40]] }
 * ```
 */
export interface WireTable<T> {
  /** the fields of an object, camelCase as in the object view, in a fixed order */
  columns: Array<keyof T & string>;
  /** one array per object, in the list's order; value i is the object's field `columns[i]` */
  rows: unknown[][];
}

/** A list of objects as a table with these columns (an absent field is written null). */
export function tableOf<T>(objects: readonly T[], columns: ReadonlyArray<keyof T & string>): WireTable<T> {
  return { columns: [...columns], rows: objects.map((o) => columns.map((c) => o[c] ?? null)) };
}

/** The objects a table stands for, each with the table's columns as keys, in their order. */
export function rowsOf<T>(table: WireTable<T>): T[] {
  const { columns, rows } = table;
  return rows.map((row) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) o[columns[i]] = row[i];
    return o as T;
  });
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
