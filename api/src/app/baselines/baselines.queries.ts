import { Injectable } from '@nestjs/common';
import type { BaselineItemType, IsoDate } from '@jalons/domain';

import { isoInstant, Sql } from '../../infra/database/sql';

type Tx = Parameters<Sql['rows']>[2];

/** A baseline with who made it and how many items it froze. */
export interface BaselineRow {
  id: string;
  roadmap_id: string;
  number: number;
  label: string;
  decision: string | null;
  decision_id: string | null;
  created_at: string;
  created_by_id: string | null;
  created_by_name: string | null;
  actions: number;
  milestones: number;
  latest: boolean;
}

/** An item as planned, in a baseline or today (`start` null for a milestone, `due` a milestone's date). */
export interface PlannedItemRow {
  item_type: BaselineItemType;
  item_id: string;
  function_id: string;
  phase_id: string | null;
  title: string;
  start: IsoDate | null;
  due: IsoDate;
}

/** A function or a phase of the roadmap, in its order. */
export interface NamedRow {
  id: string;
  name: string;
}

const BASELINE_SELECT = `select b.id, b.roadmap_id, b.number, b.label, b.decision, b.decision_id,
    ${isoInstant('b.created_at')} as created_at,
    a.id as created_by_id, a.name as created_by_name,
    (select count(*)::int from baseline_item i where i.baseline_id = b.id and i.item_type = 'action') as actions,
    (select count(*)::int from baseline_item i where i.baseline_id = b.id and i.item_type = 'milestone') as milestones,
    b.number = (select max(l.number) from baseline l where l.roadmap_id = b.roadmap_id) as latest
  from baseline b left join account a on a.id = b.created_by`;

/**
 * Baselines and their items (`baseline`, `baseline_item`; SQL only, ADR 0012 and 0017). Making or
 * deleting one takes the roadmap's baseline lock first, so numbers are given one at a time and the
 * latest cannot change under a deletion.
 */
@Injectable()
export class BaselineQueries {
  constructor(private readonly sql: Sql) {}

  async roadmapExists(roadmapId: string): Promise<boolean> {
    return !!(await this.sql.one<{ id: string }>('select id from roadmap where id = ?', [roadmapId]));
  }

  /** A roadmap's baselines, the newest first. */
  list(roadmapId: string): Promise<BaselineRow[]> {
    return this.sql.rows<BaselineRow>(`${BASELINE_SELECT} where b.roadmap_id = ? order by b.number desc`, [roadmapId]);
  }

  one(id: string, tx?: Tx): Promise<BaselineRow | undefined> {
    return this.sql.one<BaselineRow>(`${BASELINE_SELECT} where b.id = ?`, [id], tx);
  }

  /** One maker or deleter of a roadmap's baselines at a time, until the transaction ends. */
  async lock(roadmapId: string, tx: Tx): Promise<void> {
    await this.sql.rows('select pg_advisory_xact_lock(hashtext(?))', [`jalons:baseline:${roadmapId}`], tx);
  }

  /**
   * Freezes the roadmap's plan in one statement: the baseline numbered after the roadmap's last (citing
   * a decision of the roadmap, checked by the caller), and a copy of every action's and milestone's
   * dates, function, phase and title. Its id.
   */
  async create(
    roadmapId: string,
    label: string,
    decision: string | null,
    createdBy: string | null,
    tx: Tx,
    decisionId: string | null = null,
  ): Promise<string> {
    const [row] = await this.sql.rows<{ id: string }>(
      `with b as (
         insert into baseline (roadmap_id, number, label, decision, created_by, decision_id)
         select r.id, coalesce((select max(number) from baseline where roadmap_id = r.id), 0) + 1, ?, ?, ?, ?
           from roadmap r where r.id = ?
         returning id, roadmap_id
       ), items as (
         insert into baseline_item (baseline_id, item_type, item_id, function_id, phase_id, title, start, due)
         select b.id, 'action', a.id, a.function_id, a.phase_id, a.title, a.start_date, a.due_date
           from b join action a on a.roadmap_id = b.roadmap_id
         union all
         select b.id, 'milestone', m.id, m.function_id, m.phase_id, m.title, null, m.milestone_date
           from b join milestone m on m.roadmap_id = b.roadmap_id
         returning 1
       )
       select b.id, (select count(*) from items) as items from b`,
      [label, decision, createdBy, decisionId, roadmapId],
      tx,
    );
    return row.id;
  }

  async remove(id: string, tx: Tx): Promise<void> {
    await this.sql.rows('delete from baseline where id = ?', [id], tx);
  }

  /** The items a baseline froze, in the functions' order then by date. */
  items(baselineId: string): Promise<PlannedItemRow[]> {
    return this.sql.rows<PlannedItemRow>(
      `select i.item_type, i.item_id, i.function_id, i.phase_id, i.title, i.start::text as start, i.due::text as due
         from baseline_item i join baseline b on b.id = i.baseline_id
         left join target_function f on f.id = i.function_id
        where i.baseline_id = ?
        order by f.position nulls last, i.due, i.item_type, i.title, i.item_id`,
      [baselineId],
    );
  }

  /** The roadmap's actions and milestones as planned today, in the functions' order then by date. */
  current(roadmapId: string): Promise<PlannedItemRow[]> {
    return this.sql.rows<PlannedItemRow>(
      `select t.* from (
         select 'action' as item_type, a.id as item_id, a.function_id, a.phase_id, a.title,
                a.start_date::text as start, a.due_date::text as due
           from action a where a.roadmap_id = ?
         union all
         select 'milestone', m.id, m.function_id, m.phase_id, m.title, null, m.milestone_date::text
           from milestone m where m.roadmap_id = ?
       ) t join target_function f on f.id = t.function_id
       order by f.position, t.due, t.item_type, t.title, t.item_id`,
      [roadmapId, roadmapId],
    );
  }

  functions(roadmapId: string): Promise<NamedRow[]> {
    return this.sql.rows<NamedRow>('select id, name from target_function where roadmap_id = ? order by position, id', [roadmapId]);
  }

  phases(roadmapId: string): Promise<NamedRow[]> {
    return this.sql.rows<NamedRow>('select id, name from phase where roadmap_id = ? order by position, id', [roadmapId]);
  }

  /** Whether the item is in its roadmap's latest baseline (re-planning it then asks for a reason). */
  async inLatest(itemType: BaselineItemType, itemId: string, tx?: Tx): Promise<boolean> {
    const row = await this.sql.one<{ covered: boolean }>(
      `select exists (
         select 1 from baseline_item i join baseline b on b.id = i.baseline_id
          where i.item_type = ? and i.item_id = ?
            and b.number = (select max(l.number) from baseline l where l.roadmap_id = b.roadmap_id)
       ) as covered`,
      [itemType, itemId],
      tx,
    );
    return !!row?.covered;
  }
}
