import { Injectable } from '@nestjs/common';
import type { DecisionKind, IsoDate, LinkedItemType } from '@jalons/domain';

import { and, isoInstant, Sql, when } from '../../infra/database/sql';
import type { SqlFragment } from '../../infra/database/sql';

type Tx = Parameters<Sql['rows']>[2];

/** A decision with its meeting's day and instance, and who recorded it. */
export interface DecisionRow {
  id: string;
  roadmap_id: string;
  meeting_id: string | null;
  meeting_date: IsoDate | null;
  instance_name: string | null;
  date: IsoDate;
  kind: DecisionKind;
  text: string;
  created_at: string;
  created_by_id: string | null;
  created_by_name: string | null;
}

/** An action or milestone a decision is about. */
export interface DecisionItemRow {
  decision_id: string;
  item_type: LinkedItemType;
  item_id: string;
  title: string;
  function_id: string;
}

/** An action or milestone found in a roadmap. */
export interface ItemRef {
  type: LinkedItemType;
  id: string;
}

export interface DecisionFilter {
  since?: IsoDate;
  until?: IsoDate;
  /** strictly after (the report's « since the last meeting ») */
  after?: IsoDate | null;
  itemId?: string;
  meetingId?: string;
}

export interface DecisionValues {
  meetingId: string | null;
  date: IsoDate;
  kind: DecisionKind;
  text: string;
}

const DECISION_SELECT = `select d.id, d.roadmap_id, d.meeting_id, m.date::text as meeting_date, i.name as instance_name,
    d.date::text as date, d.kind, d.text, ${isoInstant('d.created_at')} as created_at,
    a.id as created_by_id, a.name as created_by_name
  from decision d
  left join meeting m on m.id = d.meeting_id
  left join governance_instance i on i.id = m.instance_id
  left join account a on a.id = d.created_by`;

/**
 * Decisions and the items they are about (`decision`, `decision_item`; SQL only, ADR 0012 and 0019);
 * and the checks that an item, a meeting or an instance named by a request is of the roadmap —
 * in a transaction, share-locked so that it cannot be deleted before the write commits.
 */
@Injectable()
export class DecisionQueries {
  constructor(private readonly sql: Sql) {}

  /** A roadmap's decisions, newest first (by day, then by when they were recorded). */
  list(roadmapId: string, f: DecisionFilter = {}): Promise<DecisionRow[]> {
    const filters: SqlFragment[] = [
      { text: 'd.roadmap_id = ?', params: [roadmapId] },
      ...when(f.since, 'd.date >= ?::date'),
      ...when(f.until, 'd.date <= ?::date'),
      ...when(f.after, 'd.date > ?::date'),
      ...when(f.meetingId, 'd.meeting_id = ?'),
      ...(f.itemId
        ? [
            {
              text: 'exists (select 1 from decision_item x where x.decision_id = d.id and (x.action_id = ? or x.milestone_id = ?))',
              params: [f.itemId, f.itemId],
            },
          ]
        : []),
    ];
    const where = and(filters);
    return this.sql.rows<DecisionRow>(`${DECISION_SELECT} where ${where.text} order by d.date desc, d.created_at desc, d.id`, where.params);
  }

  one(id: string, tx?: Tx, lock = false): Promise<DecisionRow | undefined> {
    return this.sql.one<DecisionRow>(`${DECISION_SELECT} where d.id = ?${lock ? ' for update of d' : ''}`, [id], tx);
  }

  /** The items of the decisions given, in each decision's order of functions then titles. */
  items(decisionIds: readonly string[]): Promise<DecisionItemRow[]> {
    if (!decisionIds.length) return Promise.resolve([]);
    return this.sql.rows<DecisionItemRow>(
      `select x.decision_id, case when a.id is not null then 'action' else 'milestone' end as item_type,
              coalesce(a.id, s.id) as item_id, coalesce(a.title, s.title) as title, coalesce(a.function_id, s.function_id) as function_id
         from decision_item x
         left join action a on a.id = x.action_id
         left join milestone s on s.id = x.milestone_id
         join target_function f on f.id = coalesce(a.function_id, s.function_id)
        where x.decision_id in (?)
        order by f.position, coalesce(a.due_date, s.milestone_date), title, item_id`,
      [[...decisionIds]],
    );
  }

  async insert(roadmapId: string, v: DecisionValues, createdBy: string | null, tx: Tx): Promise<string> {
    const [row] = await this.sql.rows<{ id: string }>(
      'insert into decision (roadmap_id, meeting_id, date, kind, text, created_by) values (?, ?, ?, ?, ?, ?) returning id',
      [roadmapId, v.meetingId, v.date, v.kind, v.text, createdBy],
      tx,
    );
    return row.id;
  }

  async update(id: string, v: DecisionValues, tx: Tx): Promise<void> {
    await this.sql.rows(
      'update decision set meeting_id = ?, date = ?, kind = ?, text = ? where id = ?',
      [v.meetingId, v.date, v.kind, v.text, id],
      tx,
    );
  }

  /** Adds the items to the decision (those already linked are left as they are). */
  async addItems(decisionId: string, items: readonly ItemRef[], tx: Tx): Promise<void> {
    if (!items.length) return;
    const rows = items.map((i) => ({ action_id: i.type === 'action' ? i.id : null, milestone_id: i.type === 'milestone' ? i.id : null }));
    await this.sql.rows(
      `insert into decision_item (decision_id, action_id, milestone_id)
       select ?, x.action_id, x.milestone_id from jsonb_to_recordset(?::jsonb) as x(action_id uuid, milestone_id uuid)
       on conflict do nothing`,
      [decisionId, JSON.stringify(rows)],
      tx,
    );
  }

  async clearItems(decisionId: string, tx: Tx): Promise<void> {
    await this.sql.rows('delete from decision_item where decision_id = ?', [decisionId], tx);
  }

  async remove(id: string, tx?: Tx): Promise<boolean> {
    return (await this.sql.rows<{ id: string }>('delete from decision where id = ? returning id', [id], tx)).length > 0;
  }

  /** Which of `refs` are actions or milestones of the roadmap, share-locked until the transaction ends. */
  async itemsOf(roadmapId: string, refs: readonly ItemRef[], tx: Tx): Promise<ItemRef[]> {
    const ids = (type: LinkedItemType) => refs.filter((r) => r.type === type).map((r) => r.id);
    const [actions, milestones] = [ids('action'), ids('milestone')];
    const found: ItemRef[] = [];
    if (actions.length) {
      const rows = await this.sql.rows<{ id: string }>(
        'select id from action where roadmap_id = ? and id in (?) for share',
        [roadmapId, actions],
        tx,
      );
      found.push(...rows.map((r) => ({ type: 'action' as const, id: r.id })));
    }
    if (milestones.length) {
      const rows = await this.sql.rows<{ id: string }>(
        'select id from milestone where roadmap_id = ? and id in (?) for share',
        [roadmapId, milestones],
        tx,
      );
      found.push(...rows.map((r) => ({ type: 'milestone' as const, id: r.id })));
    }
    return found;
  }

  /** Whether the row of `table` with this id is of the roadmap (share-locked in a transaction until it ends). */
  async isOf(table: 'meeting' | 'governance_instance' | 'decision', id: string, roadmapId: string, tx?: Tx): Promise<boolean> {
    return !!(await this.sql.one(`select 1 from ${table} where id = ? and roadmap_id = ?${tx ? ' for share' : ''}`, [id, roadmapId], tx));
  }
}
