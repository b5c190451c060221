import { Injectable } from '@nestjs/common';
import type { EvidenceKind } from '@jalons/contract';

import { isoInstant, Sql } from '../../infra/database/sql';

type Tx = Parameters<Sql['rows']>[2];

/** The kinds of item a link can prove: one nullable column each. */
export type EvidenceItemType = 'action' | 'milestone' | 'decision';

/** A link with its item and who added it (name only). */
export interface EvidenceRow {
  id: string;
  action_id: string | null;
  milestone_id: string | null;
  decision_id: string | null;
  title: string;
  url: string;
  kind: EvidenceKind;
  added_by_id: string | null;
  added_by_name: string | null;
  added_at: string;
}

/** What a new link records. */
export interface EvidenceValues {
  title: string;
  url: string;
  kind: EvidenceKind;
  addedBy: string | null;
}

/** The item's column in `evidence`: chosen from a closed list, never from the request's text. */
const COLUMN: Record<EvidenceItemType, string> = { action: 'action_id', milestone: 'milestone_id', decision: 'decision_id' };

const COLUMNS = `e.id, e.action_id, e.milestone_id, e.decision_id, e.title, e.url, e.kind, a.id as added_by_id, a.name as added_by_name,
  ${isoInstant('e.added_at')} as added_at`;

/**
 * The links proving actions, milestones and decisions (`evidence`; SQL only, ADR 0012 and docs/evidence.md).
 * A link is added with its item's row share-locked, so that the item cannot be deleted between the
 * check and the insert (its links go with it, by the foreign key's cascade).
 */
@Injectable()
export class EvidenceQueries {
  constructor(private readonly sql: Sql) {}

  /** An item's links, newest first. */
  ofItem(itemType: EvidenceItemType, itemId: string): Promise<EvidenceRow[]> {
    return this.sql.rows<EvidenceRow>(
      `select ${COLUMNS} from evidence e left join account a on a.id = e.added_by
        where e.${COLUMN[itemType]} = ? order by e.added_at desc, e.id`,
      [itemId],
    );
  }

  /** One link, or undefined. */
  one(id: string, tx?: Tx): Promise<EvidenceRow | undefined> {
    return this.sql.one<EvidenceRow>(`select ${COLUMNS} from evidence e left join account a on a.id = e.added_by where e.id = ?`, [id], tx);
  }

  /** Whether the item exists; in a transaction, its row stays share-locked until the end. */
  async itemExists(itemType: EvidenceItemType, itemId: string, tx?: Tx): Promise<boolean> {
    const table = itemType; // the item's table has the type's name (a closed list)
    return !!(await this.sql.one(`select 1 from ${table} where id = ?${tx ? ' for share' : ''}`, [itemId], tx));
  }

  /** A new link of the item; its id. */
  async insert(itemType: EvidenceItemType, itemId: string, v: EvidenceValues, tx: Tx): Promise<string> {
    const [row] = await this.sql.rows<{ id: string }>(
      `insert into evidence (${COLUMN[itemType]}, title, url, kind, added_by) values (?, ?, ?, ?, ?) returning id`,
      [itemId, v.title, v.url, v.kind, v.addedBy],
      tx,
    );
    return row.id;
  }

  /** Deletes a link; whether there was one. */
  async remove(id: string): Promise<boolean> {
    return (await this.sql.rows<{ id: string }>('delete from evidence where id = ? returning id', [id])).length > 0;
  }
}
