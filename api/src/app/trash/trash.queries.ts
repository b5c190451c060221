import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TRASH_DAYS } from '@jalons/domain';

import { isoInstant, Sql } from '../../infra/database/sql';
import type { ItemType } from '../../entities';

/** A Corbeille entry as the list reads it. */
export interface TrashRow {
  item_type: ItemType;
  item_id: string;
  title: string;
  function_id: string;
  function_name: string;
  function_exists: boolean;
  deleted_at: string;
  expires_at: string;
  deleted_by: string | null;
}

/** What a deletion kept of an item: its row (column names as keys) and, for an action, its arrows both ways. */
export interface Snapshot {
  row: Record<string, unknown>;
  functionName: string;
  /** the actions it followed, and the actions that followed it, by id */
  predecessors: string[];
  successors: string[];
}

/** An entry taken for a restore, its row locked until the transaction ends. */
export interface TrashEntryRow {
  id: string;
  roadmap_id: string;
  item_type: ItemType;
  item_id: string;
  title: string;
  function_id: string;
  snapshot: Snapshot;
}

/** The live tables, by item type: never a name from a request. */
const TABLE: Readonly<Record<ItemType, string>> = { action: 'action', milestone: 'milestone' };

/** The entries still restorable: deleted less than TRASH_DAYS days ago. */
const KEPT = `t.deleted_at > now() - make_interval(days => ${TRASH_DAYS})`;

/** The Corbeille (`deleted_item`, SQL only, ADR 0012): snapshots written by a deletion, listed, taken back by a restore, purged. */
@Injectable()
export class TrashQueries {
  constructor(private readonly sql: Sql) {}

  /**
   * Keeps a snapshot of the item about to be deleted in `tx`: its row as it is (every column, so a
   * column added later is kept too), its function's name and, for an action, its dependency edges.
   * Returns false when there is no such item.
   */
  async keep(itemType: ItemType, itemId: string, actorId: string | null, tx: EntityManager): Promise<boolean> {
    const edges =
      itemType === 'action'
        ? `'predecessors', coalesce((select jsonb_agg(d.predecessor_id order by d.predecessor_id) from action_dependency d where d.successor_id = i.id), '[]'::jsonb),
           'successors', coalesce((select jsonb_agg(d.successor_id order by d.successor_id) from action_dependency d where d.predecessor_id = i.id), '[]'::jsonb)`
        : `'predecessors', '[]'::jsonb, 'successors', '[]'::jsonb`;
    const rows = await this.sql.rows(
      `insert into deleted_item (roadmap_id, item_type, item_id, title, function_id, snapshot, deleted_at, deleted_by)
       select i.roadmap_id, ?, i.id, i.title, i.function_id,
              jsonb_build_object('row', to_jsonb(i), 'functionName', f.name, ${edges}), now(),
              (select a.id from account a where a.id = ?)
       from ${TABLE[itemType]} i join target_function f on f.id = i.function_id
       where i.id = ? returning id`,
      [itemType, actorId, itemId],
      tx,
    );
    return rows.length === 1;
  }

  /** Deletes, in one statement, every entry older than TRASH_DAYS days (run at each deletion); returns how many. */
  async purge(tx?: EntityManager): Promise<number> {
    const rows = await this.sql.rows(`delete from deleted_item t where not (${KEPT}) returning t.id`, [], tx);
    return rows.length;
  }

  /** A roadmap's restorable entries, newest first, with their function's name (the one kept when it no longer exists). */
  list(roadmapId: string): Promise<TrashRow[]> {
    return this.sql.rows<TrashRow>(
      `select t.item_type, t.item_id, t.title, t.function_id, coalesce(f.name, t.snapshot->>'functionName', '') as function_name,
              f.id is not null as function_exists, ${isoInstant('t.deleted_at')} as deleted_at,
              ${isoInstant(`(t.deleted_at + make_interval(days => ${TRASH_DAYS}))`)} as expires_at, t.deleted_by
       from deleted_item t left join target_function f on f.id = t.function_id and f.roadmap_id = t.roadmap_id
       where t.roadmap_id = ? and ${KEPT}
       order by t.deleted_at desc, t.id desc`,
      [roadmapId],
    );
  }

  /** The roadmap of a restorable entry (no lock: a restore takes the roadmap's locks first, then the entry's). */
  async roadmapOf(itemType: ItemType, itemId: string): Promise<string | undefined> {
    const row = await this.sql.one<{ roadmap_id: string }>(
      `select t.roadmap_id from deleted_item t where t.item_type = ? and t.item_id = ? and ${KEPT}`,
      [itemType, itemId],
    );
    return row?.roadmap_id;
  }

  /** A restorable entry, its row locked until `tx` ends (two restores of one item take turns; the second finds nothing). */
  take(itemType: ItemType, itemId: string, tx: EntityManager): Promise<TrashEntryRow | undefined> {
    return this.sql.one<TrashEntryRow>(
      `select t.id, t.roadmap_id, t.item_type, t.item_id, t.title, t.function_id, t.snapshot
       from deleted_item t where t.item_type = ? and t.item_id = ? and ${KEPT} for update`,
      [itemType, itemId],
      tx,
    );
  }

  /** Puts the item's row back as `row` says (column names as keys; the columns it lacks are null): same id. */
  async reinsert(itemType: ItemType, row: Record<string, unknown>, tx: EntityManager): Promise<void> {
    const table = TABLE[itemType];
    await this.sql.rows(`insert into ${table} select * from jsonb_populate_record(null::${table}, ?::jsonb)`, [JSON.stringify(row)], tx);
  }

  /** Ends an entry (its item is restored). */
  async remove(entryId: string, tx: EntityManager): Promise<void> {
    await this.sql.rows('delete from deleted_item where id = ?', [entryId], tx);
  }

  /** Which of `ids` are accounts (an owner deleted since the snapshot is left out). */
  async accounts(ids: string[], tx: EntityManager): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.sql.rows<{ id: string }>('select id from account where id in (?)', [ids], tx);
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The actions of the roadmap among `ids` that still exist, with their titles, locked until `tx`
   * ends: `share` for the predecessors (none is deleted before the commit), `update` for the
   * successors (each gets a history line and a new version), in id order (no deadlock).
   */
  actions(roadmapId: string, ids: string[], lock: 'share' | 'update', tx: EntityManager): Promise<Array<{ id: string; title: string }>> {
    if (!ids.length) return Promise.resolve([]);
    return this.sql.rows(
      `select a.id, a.title from action a where a.roadmap_id = ? and a.id in (?) order by a.id for ${lock === 'share' ? 'share' : 'update'}`,
      [roadmapId, ids],
      tx,
    );
  }

  /** The roadmap's dependency edges, [predecessor, successor]. */
  async edges(roadmapId: string, tx: EntityManager): Promise<Array<[string, string]>> {
    const rows = await this.sql.rows<{ p: string; s: string }>(
      `select d.predecessor_id as p, d.successor_id as s from action_dependency d join action a on a.id = d.successor_id where a.roadmap_id = ?`,
      [roadmapId],
      tx,
    );
    return rows.map((e) => [e.p, e.s]);
  }

  async addEdge(predecessorId: string, successorId: string, tx: EntityManager): Promise<void> {
    await this.sql.rows('insert into action_dependency (predecessor_id, successor_id) values (?, ?)', [predecessorId, successorId], tx);
  }
}
