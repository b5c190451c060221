import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate, PhaseCode } from '@jalons/domain';

import {
  accountsByIds,
  ensureAccounts,
  INSTANCE_TABLES,
  insertRows,
  migrationLevel,
  readCatalog,
  rowsWhere,
} from './export-roadmap.queries';
import type { Catalog, ExportedRecords, ExportedTable, ForeignKey } from './export-roadmap.queries';
import { instantiate } from './instantiate';
import type { KitFile, RoadmapFile } from './seed-files';
import { writeRoadmap } from './write-roadmap';
import type { SeedOutcome } from './write-roadmap';

/*
 * One roadmap, portable (issue 15, ADR 0033): `npm run roadmap:export -- --slug S --out FILE` writes it in
 * the seed format — the keys a kit file has, filled from the roadmap as it stands — plus `records`:
 * every row that hangs from it (phases, functions, items and dependencies, history lines, actors and
 * assessments, indicators and measurements, baselines, governance, evidence, the trash), found by the
 * foreign keys of PostgreSQL's catalog. Ids are kept, so the open-data identifiers stay the same from one
 * instance to the next. Accounts travel by e-mail (name, e-mail, role), never a password, a session or
 * a token; an administrator arrives as an owner (a file grants no administration). `npm run seed --
 * --file FILE` loads it into another instance, unchanged.
 */

/** An export that cannot be written or loaded: a message for the person running the command. */
export class RoadmapExportError extends Error {}

const SEED_ROLES = new Set(['lead', 'owner', 'elected']);
const SECRET_COLUMN = /password|token|secret/i;

/** The tables to carry, roadmap first, each after every table it refers to (among those carried). */
export function tableOrder(catalog: Catalog, only?: ReadonlySet<string>): string[] {
  const carried = [...catalog.tables.keys()].filter((t) => !INSTANCE_TABLES.has(t) && (!only || only.has(t)));
  const refs = (t: string) =>
    catalog.foreignKeys.filter((k) => k.table === t && k.refTable !== t && carried.includes(k.refTable)).map((k) => k.refTable);
  const order = ['roadmap'];
  for (let progress = true; progress; ) {
    progress = false;
    for (const t of carried) {
      const r = refs(t);
      if (!order.includes(t) && r.length > 0 && r.every((x) => order.includes(x))) {
        order.push(t);
        progress = true;
      }
    }
  }
  return order;
}

const accountKeys = (catalog: Catalog, table: string): ForeignKey[] =>
  catalog.foreignKeys.filter((k) => k.table === table && k.refTable === 'account');

/** A person key from an e-mail, unique in the file. */
function personKey(email: string, taken: Set<string>): string {
  const base =
    email
      .split('@')[0]
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'personne';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  taken.add(key);
  return key;
}

/** Reads one roadmap (by slug) and everything hanging from it, as a roadmap file. */
export async function exportRoadmap(em: EntityManager, slug: string): Promise<RoadmapFile & { records: ExportedRecords }> {
  const catalog = await readCatalog(em);
  const tables: Record<string, ExportedTable> = {};
  const accountIds = new Set<string>();
  for (const table of tableOrder(catalog)) {
    const { columns: all, primaryKey } = catalog.tables.get(table)!;
    // a secret never travels, whatever table a later version adds
    const columns = all.filter((c) => !SECRET_COLUMN.test(c));
    const where =
      table === 'roadmap'
        ? [{ column: 'slug', values: [slug] }]
        : catalog.foreignKeys
            .filter((k) => k.table === table && k.refTable !== table && tables[k.refTable])
            .map((k) => ({ column: k.column, values: tables[k.refTable].rows.map((r) => r[k.refColumn]).filter((v) => v !== null) }));
    const rows = (await rowsWhere(em, table, columns, primaryKey, where)).map((r) => r.row);
    if (table === 'roadmap' && rows.length !== 1) throw new RoadmapExportError(`Aucune feuille de route n’a l’adresse « ${slug} ».`);
    const accountColumns = accountKeys(catalog, table).map((k) => k.column);
    for (const row of rows) for (const c of accountColumns) if (row[c]) accountIds.add(String(row[c]));
    tables[table] = { accountColumns, rows };
  }
  const accounts = await accountsByIds(em, [...accountIds]);
  const emailOf = new Map(accounts.map((a) => [a.id, a.email]));
  for (const t of Object.values(tables))
    for (const row of t.rows) for (const c of t.accountColumns) if (row[c]) row[c] = emailOf.get(String(row[c])) ?? null;

  const taken = new Set<string>();
  const persons = accounts.map((a) => ({
    key: personKey(a.email, taken),
    name: a.name,
    email: a.email,
    role: (SEED_ROLES.has(a.role) ? a.role : 'owner') as 'lead' | 'owner' | 'elected',
  }));
  const keyOf = (email: unknown) => persons.find((p) => p.email === email)?.key;
  const roadmap = tables['roadmap'].rows[0];
  const phases = Object.fromEntries(
    tables['phase'].rows.map((p) => [p['code'] as PhaseCode, { start: p['start_date'] as IsoDate, end: p['end_date'] as IsoDate }]),
  ) as RoadmapFile['phases'];
  const functionOwners = Object.fromEntries(
    tables['target_function'].rows.filter((f) => keyOf(f['owner_id'])).map((f) => [String(f['code']), keyOf(f['owner_id'])!]),
  );
  return {
    slug,
    kit: String(roadmap['kit_code']),
    territory: String(roadmap['territory']),
    mandateLabel: String(roadmap['mandate_label']),
    electionDates: roadmap['election_dates'] as IsoDate[],
    nextElectionDate: roadmap['next_election_date'] as IsoDate,
    phases,
    persons,
    projectLead: keyOf(roadmap['project_lead_id']) ?? persons[0]?.key,
    functionOwners,
    items: {},
    records: { migration: (await migrationLevel(em)) ?? '', exportedAt: new Date().toISOString(), tables },
  };
}

/** The file's tables and columns this database does not have (a file from a newer version), or its migration level beyond this one's. */
function problemsWith(records: ExportedRecords, catalog: Catalog, level: string | null): string[] {
  const problems: string[] = [];
  if (level === null || records.migration > level)
    problems.push(`le fichier vient d’une version plus récente de Jalons (${records.migration}) que cette instance (${level ?? 'aucune'})`);
  for (const [table, t] of Object.entries(records.tables)) {
    const known = catalog.tables.get(table);
    if (!known || INSTANCE_TABLES.has(table)) {
      problems.push(`table inconnue ou non transportable « ${table} »`);
      continue;
    }
    const extra = [...new Set(t.rows.flatMap((r) => Object.keys(r)))].filter((c) => !known.columns.includes(c));
    if (extra.length) problems.push(`colonnes inconnues dans « ${table} » : ${extra.join(', ')}`);
  }
  return problems;
}

/**
 * Loads an exported roadmap (a file with `records`) in one transaction, ids kept. As `writeRoadmap`:
 * a roadmap whose slug exists is left as it is; persons are matched by e-mail, the missing ones created
 * without a password. Refuses, changing nothing, a file of a newer version or whose ids are taken.
 */
export async function loadExportedRoadmap(em: EntityManager, file: RoadmapFile & { records: ExportedRecords }): Promise<SeedOutcome> {
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`jalons:seed:${file.slug}`]);
    const [existing] = await tx.execute<Array<{ id: string }>>('select id from roadmap where slug = ?', [file.slug]);
    if (existing) return { created: false as const, roadmapId: existing.id };
    const catalog = await readCatalog(tx);
    const problems = problemsWith(file.records, catalog, await migrationLevel(tx));
    if (problems.length) throw new RoadmapExportError(`Feuille de route « ${file.slug} » non chargée : ${problems.join(' ; ')}.`);
    const ids = await ensureAccounts(
      tx,
      file.persons.map((p) => ({ name: p.name, email: p.email, role: p.role ?? 'owner' })),
    );
    for (const table of tableOrder(catalog, new Set(Object.keys(file.records.tables)))) {
      const t = file.records.tables[table];
      const rows = t.rows.map((row) => {
        const copy = { ...row };
        for (const c of t.accountColumns) {
          if (copy[c] === null || copy[c] === undefined) continue;
          const id = ids.get(String(copy[c]).toLowerCase());
          if (!id) throw new RoadmapExportError(`« ${table}.${c} » nomme ${String(copy[c])}, absent des personnes du fichier.`);
          copy[c] = id;
        }
        return copy;
      });
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      await insertRows(tx, table, columns, rows);
    }
    return { created: true as const, roadmapId: String(file.records.tables['roadmap'].rows[0]['id']) };
  });
}

/** What `npm run seed -- --file FILE` does with a checked roadmap file: an export's rows as they are, or else the kit placed. */
export function seedRoadmapFile(em: EntityManager, kit: KitFile, file: RoadmapFile): Promise<SeedOutcome> {
  if (file.records) return loadExportedRoadmap(em, { ...file, records: file.records });
  return writeRoadmap(em, instantiate(kit, file));
}
