import { Injectable } from '@nestjs/common';
import type { IndicatorView, MeasurementView } from '@jalons/contract';
import { expectedValue, indicatorHealth, latestReading } from '@jalons/domain';
import type { IndicatorLine, IsoDate } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { RoadmapReader } from '../roadmaps';
import { IndicatorQueries } from './indicators.queries';
import type { IndicatorRow, MeasurementRow } from './indicators.queries';

/** The value expected on a day, to 4 decimals as the database keeps values. */
const round4 = (x: number) => Math.round(x * 10_000) / 10_000 || 0;

function measurementView(m: MeasurementRow): MeasurementView {
  return {
    id: m.id,
    indicatorId: m.indicator_id,
    on: m.measured_on,
    value: m.value,
    comment: m.comment,
    sourceUrl: m.source_url,
    recordedBy: m.recorded_by_id ? { id: m.recorded_by_id, name: m.recorded_by_name ?? '' } : null,
  };
}

/** An indicator's view on `day`: its measurements, the latest up to that day, the expected value and the health (domain). */
export function indicatorView(row: IndicatorRow, rows: readonly MeasurementRow[], day: IsoDate): IndicatorView {
  const line: IndicatorLine = {
    direction: row.direction,
    baselineOn: row.baseline_on,
    baselineValue: row.baseline_value,
    targetOn: row.target_on,
    targetValue: row.target_value,
  };
  const measurements = rows.map(measurementView);
  return {
    id: row.id,
    functionId: row.function_id,
    functionName: row.function_name,
    name: row.name,
    unit: row.unit,
    direction: row.direction,
    baseline: { on: row.baseline_on, value: row.baseline_value },
    target: { on: row.target_on, value: row.target_value },
    measurements,
    latest: latestReading(measurements, day),
    expected: round4(expectedValue(line, day)),
    health: indicatorHealth(line, measurements, day, row.stale_days),
    version: row.version,
  };
}

/** The indicators as the pages show them, read with plain SQL and judged by the domain. */
@Injectable()
export class IndicatorsReader {
  constructor(
    private readonly queries: IndicatorQueries,
    private readonly roadmaps: RoadmapReader,
  ) {}

  /** A roadmap's indicators (of one of its functions when given); 404 for an unknown roadmap or a function not in it. */
  async list(roadmapId: string, day: IsoDate, functionId?: string): Promise<IndicatorView[]> {
    await this.roadmaps.row(roadmapId);
    if (functionId !== undefined && !(await this.queries.functionInRoadmap(roadmapId, functionId))) {
      throw ApiException.notFound('La fonction', functionId);
    }
    return this.views(await this.queries.list(roadmapId, functionId), day);
  }

  /** One indicator; 404 when there is none. */
  async one(id: string, day: IsoDate): Promise<IndicatorView> {
    const row = await this.queries.one(id);
    if (!row) throw ApiException.notFound('L’indicateur', id);
    const [view] = await this.views([row], day);
    return view;
  }

  private async views(rows: readonly IndicatorRow[], day: IsoDate): Promise<IndicatorView[]> {
    const measurements = await this.queries.measurements(rows.map((r) => r.id));
    const byIndicator = new Map<string, MeasurementRow[]>();
    for (const m of measurements) byIndicator.set(m.indicator_id, [...(byIndicator.get(m.indicator_id) ?? []), m]);
    return rows.map((r) => indicatorView(r, byIndicator.get(r.id) ?? [], day));
  }
}
