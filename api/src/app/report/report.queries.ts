import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@jalons/domain';

import { Sql } from '../../infra/database/sql';

/** The latest comment on an item by a day. */
export interface LastCommentRow {
  item_id: string;
  comment: string;
  on: IsoDate;
  by: string | null;
}

/** An action marked done within the report's window, with the day it was. */
export interface AchievedActionRow {
  id: string;
  achieved_on: IsoDate;
}

/** The end of a calendar day in Paris, as an instant: `h.at < endOfDay(?)` keeps the lines written by then. */
const END_OF_DAY = `((?::date + 1)::timestamp at time zone 'Europe/Paris')`;

/** The kit's note on the creation line of a seeded item (« Créée depuis le kit (spld) »): no one's comment. */
const KIT_NOTE = 'Créé% depuis le kit (%)';

/**
 * What the council report reads of the history that the history feature's reader does not give:
 * the latest comment of many items at once, and the actions marked done within a window.
 */
@Injectable()
export class ReportQueries {
  constructor(private readonly sql: Sql) {}

  /** For each item, the latest comment written by the end of `until` (Paris), with its day and its author's name. */
  lastComments(itemIds: readonly string[], until: IsoDate): Promise<LastCommentRow[]> {
    if (!itemIds.length) return Promise.resolve([]);
    return this.sql.rows<LastCommentRow>(
      `select distinct on (h.item_id) h.item_id, h.comment,
              to_char(h.at at time zone 'Europe/Paris', 'YYYY-MM-DD') as "on", a.name as by
         from change_history h left join account a on a.id = h.actor_id
        where h.item_id in (?) and h.comment is not null and btrim(h.comment) <> '' and h.comment not like ?
          and h.at < ${END_OF_DAY}
        order by h.item_id, h.at desc, h.id desc`,
      [itemIds, KIT_NOTE, until],
    );
  }

  /**
   * The roadmap's actions whose status became « terminée » between the start of `from` and the end
   * of `until` (Paris days, both included), each with the latest such day. A creation line is not
   * counted: a seeded or imported item created done was done before it was written down.
   */
  actionsDone(roadmapId: string, from: IsoDate, until: IsoDate): Promise<AchievedActionRow[]> {
    return this.sql.rows<AchievedActionRow>(
      `select h.item_id as id, max(to_char(h.at at time zone 'Europe/Paris', 'YYYY-MM-DD')) as achieved_on
         from change_history h
        where h.roadmap_id = ? and h.item_type = 'action'
          and h.field = 'status' and h.to_value = 'terminee'
          and h.at >= ((?::date)::timestamp at time zone 'Europe/Paris') and h.at < ${END_OF_DAY}
        group by h.item_id`,
      [roadmapId, from, until],
    );
  }
}
