import { Injectable } from '@nestjs/common';
import { CHRONOGRAM_ACTION_COLUMNS, CHRONOGRAM_GROUPED_BY } from '@jalons/contract';
import type { ChronogramActionView, ChronogramMilestoneView, ChronogramWire, PersonView } from '@jalons/contract';
import { tableOfRows } from '@jalons/domain';
import type { IsoDate, MilestoneState } from '@jalons/domain';

import { Sql } from '../../infra/database/sql';
import { ACTION_ORDER } from '../actions';
import { MILESTONE_ORDER } from '../milestones';
import { provenanceColumn } from '../roadmaps';

/**
 * The sums a roll-up is made of (domain `rollUp`), for the actions of one function in one phase,
 * abandoned ones left out: integers, so adding groups together gives the roll-up of their union.
 */
export interface RollUpSums {
  functionId: string;
  phaseId: string;
  count: number;
  done: number;
  blocked: number;
  overdue: number;
  /** Σ planned days (at least 1 each) */
  weight: number;
  /** Σ planned days × achieved progress (100 when finished, else 0–100) */
  achieved: number;
  /** Σ days expected done at the end of the day × 100 */
  expected: number;
}

/** An action's planned days, both ends included, at least 1 (domain `plannedDays`). */
const PLANNED_DAYS = 'greatest(1, due_date - start_date + 1)';

/** Each field of a bar as a select item on the action `a`, named as the contract names it (`ChronogramActionView`). */
const BAR_VALUES: Record<keyof ChronogramActionView, string> = {
  functionId: 'a.function_id as "functionId"',
  phaseId: 'a.phase_id as "phaseId"',
  id: 'a.id',
  title: 'a.title',
  volet: 'a.volet',
  start: 'a.start_date as start',
  due: 'a.due_date as due',
  status: 'a.status',
  progress: 'a.progress',
  ownerId: 'a.owner_id as "ownerId"',
  predecessorIds: `coalesce(string_to_array(p.ids, ','), '{}') as "predecessorIds"`,
  version: 'a.version',
  provenance: provenanceColumn('a'),
};

/** A bar's columns, as objects (`bars`). */
const BAR_COLUMNS = Object.values(BAR_VALUES).join(', ');

/** A bar as a row of the wire's table: its values in the columns' order, then its function and phase (`tableOfRows`). */
const BAR_ROW = [...CHRONOGRAM_ACTION_COLUMNS, ...CHRONOGRAM_GROUPED_BY]
  .map((c) => (c === 'predecessorIds' ? 'p.ids' : BAR_VALUES[c]))
  .join(', ');
/** Where a row has its predecessors: as `p.ids`, a comma list (uuids have no comma) or null, made a list in `barTable`. */
const PREDECESSORS = CHRONOGRAM_ACTION_COLUMNS.indexOf('predecessorIds');
const BAR_ROW_LENGTH = CHRONOGRAM_ACTION_COLUMNS.length + CHRONOGRAM_GROUPED_BY.length;

/**
 * The bars of the roadmap (of one function when `one`) with their predecessors (`p.ids`, sorted, a comma list; none: null),
 * parameters: the roadmap, then the function when `one`, twice. The predecessors are aggregated once for all
 * the bars and joined (a hash join), not read by a sub-query per bar: the bars query takes about half the time
 * in PostgreSQL at 2,500 bars (issue 14, ADR 0034 amended 2026-11-30); `predecessorIdsColumn` (actions) reads the same ids.
 */
function barsFrom(one: boolean): string {
  const only = one ? ' and s.function_id = ?' : '';
  return `action a join target_function f on f.id = a.function_id
          left join (select d.successor_id, string_agg(d.predecessor_id::text, ',' order by d.predecessor_id) as ids
                       from action_dependency d join action s on s.id = d.successor_id
                      where s.roadmap_id = ?${only} group by d.successor_id) p on p.successor_id = a.id
          where a.roadmap_id = ?${one ? ' and a.function_id = ?' : ''}`;
}

/** The bars as the wire's table, and the roadmap's revision in the snapshot they were read in (none without a bar). */
export interface BarTable {
  table: ChronogramWire['actions'];
  revision: number | undefined;
}

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
    const scope = functionId ? [roadmapId, functionId] : [roadmapId];
    return this.sql.rows<ChronogramActionView>(`select ${BAR_COLUMNS} from ${barsFrom(!!functionId)} order by ${ACTION_ORDER}`, [
      ...scope,
      ...scope,
    ]);
  }

  /**
   * The same bars as the wire's table (ADR 0034), read as rows of values rather than objects
   * (`Sql.arrays`): no object per bar, and the arrays are the table's rows — today's chronogram at 2,500
   * bars spends less time in the driver and the garbage collector (issue 14). With the roadmap's revision
   * as the statement saw it (one snapshot for the rows and the revision), undefined when there is no bar:
   * the reader may then start it before it reads the revision (ADR 0034 amended 2026-11-30).
   */
  async barTable(roadmapId: string, functionId?: string): Promise<BarTable> {
    const scope = functionId ? [roadmapId, functionId] : [roadmapId];
    const rows = await this.sql.arrays(
      `select ${BAR_ROW}, (select r.revision from roadmap r where r.id = ?) from ${barsFrom(!!functionId)} order by ${ACTION_ORDER}`,
      [roadmapId, ...scope, ...scope],
    );
    // the revision is after the grouping values: `tableOfRows` cuts every row to its columns
    const revision = rows.length ? (rows[0][BAR_ROW_LENGTH] as number) : undefined;
    // a comma list split here rather than an array literal parsed by the driver (pg-types' array parser, even for '{}'):
    // about 1.3 ms less at 2,500 bars, most of them without predecessor
    for (const row of rows) row[PREDECESSORS] = row[PREDECESSORS] === null ? [] : (row[PREDECESSORS] as string).split(',');
    return { table: tableOfRows(rows, CHRONOGRAM_GROUPED_BY, CHRONOGRAM_ACTION_COLUMNS), revision };
  }

  /** The roll-ups' sums by function and phase at the end of day `at` (the formulas of the domain's `rollUp`). */
  rollUpSums(roadmapId: string, at: IsoDate): Promise<RollUpSums[]> {
    return this.sql.rows<RollUpSums>(
      `select function_id as "functionId", phase_id as "phaseId", count(*)::int as count,
              (count(*) filter (where status = 'terminee'))::int as done,
              (count(*) filter (where status = 'bloquee'))::int as blocked,
              (count(*) filter (where status <> 'terminee' and due_date < ?::date))::int as overdue,
              sum(${PLANNED_DAYS})::float8 as weight,
              sum(${PLANNED_DAYS} * case when status = 'terminee' then 100 else least(100, greatest(0, progress)) end)::float8 as achieved,
              sum(case when ?::date < start_date then 0 when ?::date >= due_date then ${PLANNED_DAYS}
                       else ?::date - start_date + 1 end * 100)::float8 as expected
       from action where roadmap_id = ? and status <> 'abandonnee'
       group by function_id, phase_id`,
      [at, at, at, at, roadmapId],
    );
  }

  /** Every milestone of the roadmap (the roll-ups count them all). */
  milestones(roadmapId: string): Promise<ChronogramMilestoneRow[]> {
    return this.sql.rows<ChronogramMilestoneRow>(
      `select m.function_id as "functionId", m.phase_id as "phaseId", m.id, m.title, m.milestone_date as date,
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
