import type { Client } from 'pg';

import { MIGRATIONS_TABLE, quoteIdent } from './backup-format';
import type { BackupSequence, BackupTable } from './backup-format';

/**
 * Catalogue reads of the backup (ADR 0032), on a plain `pg` client: the tables of the public
 * schema with their stored columns (generated ones are recomputed, not copied), the foreign keys
 * between them, the sequences, the rows.
 */
export async function publicTables(client: Client): Promise<Array<Omit<BackupTable, 'rows'>>> {
  const { rows } = await client.query<{ name: string; columns: Array<{ name: string; type: string }> }>(
    `select c.relname as name,
            json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by a.attnum) as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where c.relkind in ('r', 'p')
      group by c.relname
      order by c.relname`,
  );
  return rows;
}

/** Each table of the public schema with the tables it refers to (its foreign keys, itself excluded). */
export async function foreignKeys(client: Client): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `select distinct ch.relname as child, pa.relname as parent
       from pg_constraint k
       join pg_class ch on ch.oid = k.conrelid
       join pg_class pa on pa.oid = k.confrelid
      where k.contype = 'f' and k.connamespace = 'public'::regnamespace and k.conrelid <> k.confrelid`,
  );
  const edges = new Map<string, string[]>();
  for (const r of rows) edges.set(r.child, [...(edges.get(r.child) ?? []), r.parent]);
  return edges;
}

/** The tables ordered parents first (a table's rows may then refer only to rows already loaded). */
export function dependencyOrder(tables: string[], edges: Map<string, string[]>): string[] {
  const known = new Set(tables);
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: string[] = [];
  const visit = (t: string, path: string[]) => {
    if (done.has(t)) return;
    if (visiting.has(t)) throw new Error(`foreign keys form a cycle: ${[...path, t].join(' → ')}`);
    visiting.add(t);
    for (const p of edges.get(t) ?? []) if (known.has(p)) visit(p, [...path, t]);
    visiting.delete(t);
    done.add(t);
    order.push(t);
  };
  for (const t of [...tables].sort()) visit(t, []);
  return order;
}

export async function rowCounts(client: Client, tables: string[]): Promise<Map<string, number>> {
  if (!tables.length) return new Map();
  const select = tables.map((t, i) => `(select count(*) from ${quoteIdent(t)})::bigint as c${i}`).join(', ');
  const { rows } = await client.query<Record<string, string>>(`select ${select}`);
  return new Map(tables.map((t, i) => [t, Number(rows[0][`c${i}`])]));
}

/** The tables that hold at least one row. */
export async function nonEmptyTables(client: Client, tables: string[]): Promise<string[]> {
  if (!tables.length) return [];
  const select = tables.map((t, i) => `exists (select 1 from ${quoteIdent(t)}) as e${i}`).join(', ');
  const { rows } = await client.query<Record<string, boolean>>(`select ${select}`);
  return tables.filter((_, i) => rows[0][`e${i}`]);
}

export async function appliedMigrations(client: Client, tables: string[]): Promise<string[]> {
  if (!tables.includes(MIGRATIONS_TABLE)) return [];
  const { rows } = await client.query<{ name: string }>(`select name from ${quoteIdent(MIGRATIONS_TABLE)} order by id`);
  return rows.map((r) => r.name);
}

export async function sequences(client: Client): Promise<BackupSequence[]> {
  const { rows } = await client.query<{ name: string; value: string; is_called: boolean }>(
    `select s.relname as name, coalesce(q.last_value, q.start_value)::text as value, q.last_value is not null as is_called
       from pg_class s join pg_namespace n on n.oid = s.relnamespace and n.nspname = 'public'
       join pg_sequences q on q.schemaname = 'public' and q.sequencename = s.relname
      where s.relkind = 'S' order by s.relname`,
  );
  return rows.map((r) => ({ name: r.name, value: r.value, isCalled: r.is_called }));
}

export async function setSequence(client: Client, s: BackupSequence): Promise<void> {
  await client.query('select setval($1::regclass, $2::bigint, $3)', [quoteIdent(s.name), s.value, s.isCalled]);
}
