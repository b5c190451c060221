import { Injectable } from '@nestjs/common';
import type { DecisionKind } from '@jalons/domain';

import { isoInstant, Sql } from '../../infra/database/sql';

export interface HistoryRow {
  id: string;
  item_type: 'action' | 'milestone';
  item_id: string;
  actor_id: string | null;
  at: string;
  field: string;
  from_value: string | null;
  to_value: string | null;
  comment: string | null;
  reason: string | null;
  decision_id: string | null;
  decision_date: string | null;
  decision_kind: DecisionKind | null;
  decision_text: string | null;
}

const HISTORY_COLUMNS = `h.id, h.item_type, h.item_id, h.actor_id, ${isoInstant('h.at')} as at, h.field, h.from_value, h.to_value, h.comment, h.reason,
  dc.id as decision_id, dc.date::text as decision_date, dc.kind as decision_kind, dc.text as decision_text`;

/** The decision a line cites (ADR 0019): none once it is deleted (the line keeps its id, the join finds nothing). */
const DECISION_JOIN = 'left join decision dc on dc.id = h.decision_id';

/** Run by every write in its transaction: the chronogram cache and the concurrent writers of a roadmap key on it. */
export const BUMP_REVISION = 'update roadmap set revision = revision + 1 where id = ?';

/**
 * Many history lines in one statement (an import, ADR 0012): parameters the roadmap, the actor, the
 * instant, the comment, then the lines as a JSON array of `{ item_type, item_id, field, from_value, to_value }`.
 */
export const INSERT_CHANGE_LINES = `insert into change_history (id, roadmap_id, item_type, item_id, actor_id, at, field, from_value, to_value, comment)
  select gen_random_uuid(), ?, x.item_type, x.item_id, ?, ?, x.field, x.from_value, x.to_value, ?
    from jsonb_to_recordset(?::jsonb) as x(item_type text, item_id uuid, field text, from_value text, to_value text)`;

/** The change history (`change_history`): one line per changed field of an action or a milestone. */
@Injectable()
export class HistoryQueries {
  constructor(private readonly sql: Sql) {}

  /** The roadmap's latest lines, newest first, each with its item's title (a deleted item's, from its deletion line). */
  recent(roadmapId: string, limit: number): Promise<Array<HistoryRow & { item_title: string | null }>> {
    return this.sql.rows(
      `select ${HISTORY_COLUMNS},
              coalesce(a.title, m.title,
                       (select d.from_value from change_history d where d.item_id = h.item_id and d.field = 'deleted' limit 1)) as item_title
       from change_history h
       left join action a on h.item_type = 'action' and a.id = h.item_id
       left join milestone m on h.item_type = 'milestone' and m.id = h.item_id
       ${DECISION_JOIN}
       where h.roadmap_id = ? order by h.at desc, h.id desc limit ?`,
      [roadmapId, limit],
    );
  }

  /** One item's lines, oldest first. */
  ofItem(itemType: 'action' | 'milestone', itemId: string): Promise<HistoryRow[]> {
    return this.sql.rows<HistoryRow>(
      `select ${HISTORY_COLUMNS} from change_history h ${DECISION_JOIN} where h.item_type = ? and h.item_id = ? order by h.at, h.id`,
      [itemType, itemId],
    );
  }
}
