import { Injectable } from '@nestjs/common';
import type { IndicatorDirection, IsoDate } from '@jalons/domain';

import { and, Sql, when } from '../../infra/database/sql';

type Tx = Parameters<Sql['rows']>[2];

/** An indicator with its function and its roadmap's `indicatorStaleDays`. */
export interface IndicatorRow {
  id: string;
  function_id: string;
  function_name: string;
  roadmap_id: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline_on: IsoDate;
  baseline_value: number;
  target_on: IsoDate;
  target_value: number;
  version: number;
  /** the roadmap's rule (0 = off) */
  stale_days: number;
}

export interface MeasurementRow {
  id: string;
  indicator_id: string;
  measured_on: IsoDate;
  value: number;
  comment: string | null;
  source_url: string | null;
  recorded_by_id: string | null;
  recorded_by_name: string | null;
}

/** What a write sets of an indicator. */
export interface IndicatorValues {
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline_on: IsoDate;
  baseline_value: number;
  target_on: IsoDate;
  target_value: number;
}

/** What a write checks of an indicator, its row locked. */
export interface LockedIndicatorRow extends IndicatorValues {
  id: string;
  version: number;
  /** its earliest measurement's day (null when never measured) */
  first_measured_on: IsoDate | null;
}

/** The values a measurement records. */
export interface MeasurementValues {
  measured_on: IsoDate;
  value: number;
  comment: string | null;
  source_url: string | null;
  recorded_by: string | null;
}

const INDICATOR_COLUMNS = `i.id, i.function_id, f.name as function_name, f.roadmap_id, i.name, i.unit, i.direction,
  i.baseline_on::text as baseline_on, i.baseline_value::float8 as baseline_value, i.target_on::text as target_on,
  i.target_value::float8 as target_value, i.version,
  greatest(coalesce((r.reminder_rules->>'indicatorStaleDays')::int, 0), 0) as stale_days`;

const INDICATOR_FROM = 'indicator i join target_function f on f.id = i.function_id join roadmap r on r.id = f.roadmap_id';

/**
 * The indicators of the functions and their measurements (`indicator`, `measurement`; SQL only,
 * ADR 0012 and docs/indicators.md). Writes lock the indicator's row first, so the checks made on it
 * (its version, its baseline date against the measurements, one measurement a day) cannot be outrun.
 */
@Injectable()
export class IndicatorQueries {
  constructor(private readonly sql: Sql) {}

  /** A roadmap's indicators (of one function when given), in the functions' order, then by name. */
  list(roadmapId: string, functionId?: string): Promise<IndicatorRow[]> {
    const where = and([{ text: 'f.roadmap_id = ?', params: [roadmapId] }, ...when(functionId, 'i.function_id = ?')]);
    return this.sql.rows<IndicatorRow>(
      `select ${INDICATOR_COLUMNS} from ${INDICATOR_FROM} where ${where.text} order by f.position, lower(i.name), i.id`,
      where.params,
    );
  }

  /** One indicator, or undefined. */
  one(id: string): Promise<IndicatorRow | undefined> {
    return this.sql.one<IndicatorRow>(`select ${INDICATOR_COLUMNS} from ${INDICATOR_FROM} where i.id = ?`, [id]);
  }

  /** The measurements of these indicators, oldest first, with who recorded them (name only). */
  measurements(indicatorIds: readonly string[]): Promise<MeasurementRow[]> {
    if (!indicatorIds.length) return Promise.resolve([]);
    return this.sql.rows<MeasurementRow>(
      `select m.id, m.indicator_id, m.measured_on::text as measured_on, m.value::float8 as value, m.comment, m.source_url,
              a.id as recorded_by_id, a.name as recorded_by_name
         from measurement m left join account a on a.id = m.recorded_by
        where m.indicator_id in (?) order by m.indicator_id, m.measured_on`,
      [indicatorIds],
    );
  }

  /** Whether the function belongs to the roadmap. */
  async functionInRoadmap(roadmapId: string, functionId: string): Promise<boolean> {
    return !!(await this.sql.one('select 1 from target_function where id = ? and roadmap_id = ?', [functionId, roadmapId]));
  }

  /** A new indicator of the function; its id. */
  async insert(functionId: string, v: IndicatorValues, tx?: Tx): Promise<string> {
    const [row] = await this.sql.rows<{ id: string }>(
      `insert into indicator (function_id, name, unit, direction, baseline_on, baseline_value, target_on, target_value)
       values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [functionId, v.name, v.unit, v.direction, v.baseline_on, v.baseline_value, v.target_on, v.target_value],
      tx,
    );
    return row.id;
  }

  /** The indicator's row, locked until `tx` ends, with its first measurement's day; undefined when there is none. */
  lock(id: string, tx: Tx): Promise<LockedIndicatorRow | undefined> {
    return this.sql.one<LockedIndicatorRow>(
      `select i.id, i.version, i.name, i.unit, i.direction, i.baseline_on::text as baseline_on, i.baseline_value::float8 as baseline_value,
              i.target_on::text as target_on, i.target_value::float8 as target_value,
              (select min(m.measured_on)::text from measurement m where m.indicator_id = i.id) as first_measured_on
         from indicator i where i.id = ? for update of i`,
      [id],
      tx,
    );
  }

  /** Writes the indicator's values if its version is still `version` (then + 1); whether it did. */
  async update(id: string, version: number, v: IndicatorValues, tx: Tx): Promise<boolean> {
    const rows = await this.sql.rows<{ id: string }>(
      `update indicator set name = ?, unit = ?, direction = ?, baseline_on = ?, baseline_value = ?, target_on = ?, target_value = ?,
              version = version + 1, updated_at = now()
        where id = ? and version = ? returning id`,
      [v.name, v.unit, v.direction, v.baseline_on, v.baseline_value, v.target_on, v.target_value, id, version],
      tx,
    );
    return rows.length > 0;
  }

  /** Deletes the indicator and its measurements (cascade). */
  async remove(id: string, tx: Tx): Promise<void> {
    await this.sql.rows('delete from indicator where id = ?', [id], tx);
  }

  /** Records a measurement unless the indicator has one that day: its id, or null. */
  async insertMeasurement(indicatorId: string, v: MeasurementValues, tx: Tx): Promise<string | null> {
    const [row] = await this.sql.rows<{ id: string }>(
      `insert into measurement (indicator_id, measured_on, value, comment, source_url, recorded_by)
       values (?, ?, ?, ?, ?, ?) on conflict (indicator_id, measured_on) do nothing returning id`,
      [indicatorId, v.measured_on, v.value, v.comment, v.source_url, v.recorded_by],
      tx,
    );
    return row?.id ?? null;
  }

  /** Deletes a measurement; whether there was one. */
  async removeMeasurement(id: string): Promise<boolean> {
    return (await this.sql.rows('delete from measurement where id = ? returning id', [id])).length > 0;
  }
}
