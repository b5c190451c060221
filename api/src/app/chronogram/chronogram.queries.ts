import { Injectable } from '@nestjs/common';
import type { ChronogramActionView, ChronogramMilestoneView, PersonView } from '@jalons/contract';
import type { MilestoneState } from '@jalons/domain';

import { Sql } from '../../infra/database/sql';
import { ACTION_ORDER, predecessorIdsColumn } from '../actions';
import { MILESTONE_ORDER } from '../milestones';
import { provenanceColumn } from '../roadmaps';

/** A chronogram milestone before its state is computed for the reference day. */
export type ChronogramMilestoneRow = Omit<ChronogramMilestoneView, 'state'> & { state?: MilestoneState };

/**
 * The chronogram's rows, read with the contract's (camelCase) names so that the rows are the views
 * themselves: the Gantt's one call must stay close to the raw query's time (ADR 0004).
 */
@Injectable()
export class ChronogramQueries {
  constructor(private readonly sql: Sql) {}

  /** The bars: the roadmap's actions, or one function's. */
  bars(roadmapId: string, functionId?: string): Promise<ChronogramActionView[]> {
    const one = functionId ? ' and a.function_id = ?' : '';
    return this.sql.rows<ChronogramActionView>(
      `select a.id, a.function_id as "functionId", a.phase_id as "phaseId", a.title, a.volet, a.start_date as start,
              a.due_date as due, a.status, a.progress, a.owner_id as "ownerId", ${predecessorIdsColumn('"predecessorIds"')}, a.version,
              ${provenanceColumn('a')}
       from action a join target_function f on f.id = a.function_id
       where a.roadmap_id = ?${one} order by ${ACTION_ORDER}`,
      functionId ? [roadmapId, functionId] : [roadmapId],
    );
  }

  /** Every milestone of the roadmap (the roll-ups count them all). */
  milestones(roadmapId: string): Promise<ChronogramMilestoneRow[]> {
    return this.sql.rows<ChronogramMilestoneRow>(
      `select m.id, m.function_id as "functionId", m.phase_id as "phaseId", m.title, m.milestone_date as date,
              m.achieved_on as "achievedOn", m.owner_id as "ownerId", m.version, ${provenanceColumn('m')}
       from milestone m join target_function f on f.id = m.function_id
       where m.roadmap_id = ? order by ${MILESTONE_ORDER}`,
      [roadmapId],
    );
  }

  /** Everyone a chronogram names: the project lead, the shown functions' owners, the shown actions' and milestones' owners. */
  persons(roadmapId: string, functionId?: string): Promise<PersonView[]> {
    const actions = functionId
      ? 'select owner_id from action where roadmap_id = ? and function_id = ?'
      : 'select owner_id from action where roadmap_id = ?';
    const milestones = functionId
      ? 'select owner_id from milestone where roadmap_id = ? and function_id = ?'
      : 'select owner_id from milestone where roadmap_id = ?';
    const functions = functionId
      ? 'select owner_id from target_function where roadmap_id = ? and id = ?'
      : 'select owner_id from target_function where roadmap_id = ?';
    const scope = functionId ? [roadmapId, functionId] : [roadmapId];
    return this.sql.rows<PersonView>(
      `select p.id, p.name, p.email from account p
       where p.id in (${actions} union ${milestones} union ${functions} union select project_lead_id from roadmap where id = ?)
       order by p.name`,
      [...scope, ...scope, ...scope, roadmapId],
    );
  }
}
