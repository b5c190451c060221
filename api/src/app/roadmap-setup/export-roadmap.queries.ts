import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * The catalog and row reads and writes of a portable roadmap (export-roadmap.ts, ADR 0033): which
 * tables hang from a roadmap (by their foreign keys, read from PostgreSQL's catalog, so that a table a
 * later issue adds travels without a change here), their rows as JSON, and the same rows written back.
 */

/** The rows of one table in an export; the account columns hold e-mails. */
export interface ExportedTable {
  accountColumns: string[];
  rows: Array<Record<string, unknown>>;
}

/** The `records` key of an exported roadmap file. */
export interface ExportedRecords {
  /** the last migration of the instance it came from: a file of a newer version is refused */
  migration: string;
  exportedAt: string;
  tables: Record<string, ExportedTable>;
}

/** Tables that belong to the instance, not to a roadmap: accounts and their secrets, sessions, e-mails, reminders. */
export const INSTANCE_TABLES: ReadonlySet<string> = new Set([
  'account',
  'account_token',
  'session',
  'calendar_feed',
  'login_throttle',
  'outbox',
  'notification',
  'reminder_run',
  'mikro_orm_migrations',
]);

/** A foreign key by its first column: `table.column` → `refTable.refColumn` (a composite key's other columns, such as roadmap_id, are implied). */
export interface ForeignKey {
  table: string;
  column: string;
  refTable: string;
  refColumn: string;
}

/** What the catalog says of the public schema: its tables (with their writable columns and primary key) and foreign keys. */
export interface Catalog {
  tables: Map<string, { columns: string[]; primaryKey: string[] }>;
  foreignKeys: ForeignKey[];
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function readCatalog(em: EntityManager): Promise<Catalog> {
  const columns = await em.execute<Array<{ table: string; column: string; pk: boolean }>>(
    `select c.relname as "table", a.attname as "column",
            exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary and a.attnum = any(i.indkey)) as pk
       from pg_class c join pg_attribute a on a.attrelid = c.oid
      where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const tables = new Map<string, { columns: string[]; primaryKey: string[] }>();
  for (const c of columns) {
    const t = tables.get(c.table) ?? { columns: [], primaryKey: [] };
    t.columns.push(c.column);
    if (c.pk) t.primaryKey.push(c.column);
    tables.set(c.table, t);
  }
  const foreignKeys = await em.execute<ForeignKey[]>(
    `select t.relname as "table", a.attname as "column", r.relname as "refTable", ra.attname as "refColumn"
       from pg_constraint k
       join pg_class t on t.oid = k.conrelid join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
       join pg_class r on r.oid = k.confrelid join pg_attribute ra on ra.attrelid = k.confrelid and ra.attnum = k.confkey[1]
      where k.contype = 'f' and k.connamespace = 'public'::regnamespace
      order by 1, 2`,
  );
  return { tables, foreignKeys };
}

/** The last migration this database has run (the level of an export). */
export async function migrationLevel(em: EntityManager): Promise<string | null> {
  const [row] = await em.execute<Array<{ name: string }>>(`select name from mikro_orm_migrations order by name desc limit 1`);
  return row?.name ?? null;
}

/** The rows of `table` whose `column` is one of `values`, as JSON objects (writable columns only), in primary-key order. */
export function rowsWhere(
  em: EntityManager,
  table: string,
  columns: readonly string[],
  primaryKey: readonly string[],
  where: Array<{ column: string; values: unknown[] }>,
): Promise<Array<{ row: Record<string, unknown> }>> {
  // lists as JSON: the driver would spread an array parameter into a list of values
  const condition = where.map((w) => `${quoteIdent(w.column)}::text in (select jsonb_array_elements_text(?::jsonb))`).join(' or ');
  const order = (primaryKey.length ? primaryKey : columns).map(quoteIdent).join(', ');
  return em.execute(
    `select jsonb_build_object(${columns.map((c) => `'${c.replace(/'/g, "''")}', t.${quoteIdent(c)}`).join(', ')}) as row
       from ${quoteIdent(table)} t where ${condition} order by ${order}`,
    where.map((w) => JSON.stringify(w.values.map(String))),
  );
}

/** The accounts with these ids: how an export names them (never a password or a token). */
export function accountsByIds(em: EntityManager, ids: string[]): Promise<Array<{ id: string; name: string; email: string; role: string }>> {
  return em.execute(
    `select id, name, email, role from account where id::text in (select jsonb_array_elements_text(?::jsonb)) order by lower(email)`,
    [JSON.stringify(ids)],
  );
}

/** The ids of the accounts with these e-mails (case-insensitive), created (no password, active) for the missing ones. */
export async function ensureAccounts(
  em: EntityManager,
  persons: ReadonlyArray<{ name: string; email: string; role: string }>,
): Promise<Map<string, string>> {
  if (persons.length) {
    await em.execute(
      `insert into account (id, created_at, updated_at, name, email, role, active, version)
       select gen_random_uuid(), now(), now(), x.name, x.email, x.role::account_role, true, 1
         from jsonb_to_recordset(?::jsonb) as x(name text, email text, role text)
       on conflict ((lower(email))) do nothing`,
      [JSON.stringify(persons)],
    );
  }
  const rows = await em.execute<Array<{ id: string; email: string }>>(
    `select id, lower(email) as email from account where lower(email) in (select jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify(persons.map((p) => p.email.toLowerCase()))],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Writes rows into `table` as they were read (the columns given; the others take their defaults). */
export async function insertRows(em: EntityManager, table: string, columns: readonly string[], rows: readonly object[]): Promise<void> {
  if (!rows.length) return;
  const list = columns.map(quoteIdent).join(', ');
  await em.execute(
    `insert into ${quoteIdent(table)} (${list}) select ${list} from jsonb_populate_recordset(null::${quoteIdent(table)}, ?::jsonb)`,
    [JSON.stringify(rows)],
  );
}
