import { Injectable } from '@nestjs/common';

import { Sql } from '../../infra/database/sql';

type Tx = Parameters<Sql['rows']>[2];

export interface InstanceRow {
  id: string;
  roadmap_id: string;
  name: string;
  description: string | null;
  meetings: number;
}

const INSTANCE_SELECT = `select i.id, i.roadmap_id, i.name, i.description,
    (select count(*)::int from meeting m where m.instance_id = i.id) as meetings
  from governance_instance i`;

/**
 * A roadmap's instances (`governance_instance`; SQL only, ADR 0012 and 0019). The name is unique per
 * roadmap whatever its case: an insert or update that would repeat one raises PostgreSQL's
 * unique_violation, which the service answers with a 409.
 */
@Injectable()
export class InstanceQueries {
  constructor(private readonly sql: Sql) {}

  async roadmapExists(roadmapId: string, tx?: Tx): Promise<boolean> {
    return !!(await this.sql.one('select 1 from roadmap where id = ?', [roadmapId], tx));
  }

  /** A roadmap's instances in the order of their names. */
  list(roadmapId: string): Promise<InstanceRow[]> {
    return this.sql.rows<InstanceRow>(`${INSTANCE_SELECT} where i.roadmap_id = ? order by lower(i.name), i.id`, [roadmapId]);
  }

  /** One instance; in a transaction with `lock`, its row stays locked (no meeting can be added to it) until the end. */
  one(id: string, tx?: Tx, lock = false): Promise<InstanceRow | undefined> {
    return this.sql.one<InstanceRow>(`${INSTANCE_SELECT} where i.id = ?${lock ? ' for update of i' : ''}`, [id], tx);
  }

  async insert(roadmapId: string, name: string, description: string | null, tx?: Tx): Promise<string> {
    const [row] = await this.sql.rows<{ id: string }>(
      'insert into governance_instance (roadmap_id, name, description) values (?, ?, ?) returning id',
      [roadmapId, name, description],
      tx,
    );
    return row.id;
  }

  /** Changes the name and/or the description (undefined: unchanged); whether there was such an instance. */
  async update(id: string, name: string | undefined, description: string | null | undefined, tx?: Tx): Promise<boolean> {
    const rows = await this.sql.rows<{ id: string }>(
      `update governance_instance set name = coalesce(?, name), description = case when ? then ? else description end
        where id = ? returning id`,
      [name ?? null, description !== undefined, description ?? null, id],
      tx,
    );
    return rows.length > 0;
  }

  async remove(id: string, tx?: Tx): Promise<void> {
    await this.sql.rows('delete from governance_instance where id = ?', [id], tx);
  }
}
