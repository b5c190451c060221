import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { CreateIndicatorDto, CreateMeasurementDto, IndicatorView, UpdateIndicatorDto } from '@jalons/contract';
import { checkBaselineBeforeMeasurements, checkIndicatorLine, checkMeasurementDay, formatFrDate } from '@jalons/domain';
import type { IsoDate, RuleViolation } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { RoadmapReader } from '../roadmaps';
import { IndicatorQueries } from './indicators.queries';
import type { IndicatorValues, LockedIndicatorRow } from './indicators.queries';
import { IndicatorsReader } from './indicators.reader';

function refuse(broken: RuleViolation[]): void {
  if (broken.length) throw ApiException.rule(broken);
}

/**
 * A value as the database keeps it (`numeric(18,4)`: 4 decimals). The line's rules are checked on
 * these, the values written: checked on the values sent, a target that differs from its baseline only
 * beyond the 4th decimal passed them and then broke the table's check (a 500).
 */
const kept = (value: number): number => Number(value.toFixed(4)) || 0;

/** The domain's line of the values a write would leave. */
const lineOf = (v: IndicatorValues) => ({
  direction: v.direction,
  baselineOn: v.baseline_on,
  baselineValue: v.baseline_value,
  targetOn: v.target_on,
  targetValue: v.target_value,
});

/**
 * Writes of indicators and measurements (docs/indicators.md). One transaction each: the indicator's
 * row is locked, then its version (PATCH, and DELETE when given) and the domain's rules are checked
 * against what is stored, then one statement writes. Refusals roll everything back.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: IndicatorQueries,
    private readonly read: IndicatorsReader,
    private readonly roadmaps: RoadmapReader,
  ) {}

  private async locked(tx: EntityManager, id: string, version?: number): Promise<LockedIndicatorRow> {
    const row = await this.queries.lock(id, tx);
    if (!row) throw ApiException.notFound('L’indicateur', id);
    if (version !== undefined && row.version !== version) throw ApiException.conflict(row.version, 'Cet indicateur');
    return row;
  }

  async create(roadmapId: string, functionId: string, dto: CreateIndicatorDto, today: IsoDate): Promise<IndicatorView> {
    await this.roadmaps.row(roadmapId);
    if (!(await this.queries.functionInRoadmap(roadmapId, functionId))) throw ApiException.notFound('La fonction', functionId);
    const values: IndicatorValues = {
      name: dto.name,
      unit: dto.unit,
      direction: dto.direction,
      baseline_on: dto.baselineOn,
      baseline_value: kept(dto.baselineValue),
      target_on: dto.targetOn,
      target_value: kept(dto.targetValue),
    };
    refuse(checkIndicatorLine(lineOf(values)));
    const id = await this.queries.insert(functionId, values);
    return this.read.one(id, today);
  }

  /** Only the fields sent change; the line they make with the others is checked whole, and the baseline date against the first measurement. */
  async update(id: string, dto: UpdateIndicatorDto, today: IsoDate): Promise<IndicatorView> {
    await this.em.transactional(async (tx) => {
      const row = await this.locked(tx, id, dto.version);
      const values: IndicatorValues = {
        name: dto.name ?? row.name,
        unit: dto.unit ?? row.unit,
        direction: dto.direction ?? row.direction,
        baseline_on: dto.baselineOn ?? row.baseline_on,
        baseline_value: kept(dto.baselineValue ?? row.baseline_value),
        target_on: dto.targetOn ?? row.target_on,
        target_value: kept(dto.targetValue ?? row.target_value),
      };
      refuse([...checkIndicatorLine(lineOf(values)), ...checkBaselineBeforeMeasurements(values.baseline_on, row.first_measured_on)]);
      // the row is locked and its version checked: the guard in the statement is a safeguard
      if (!(await this.queries.update(id, dto.version, values, tx))) throw ApiException.conflict(row.version, 'Cet indicateur');
    });
    return this.read.one(id, today);
  }

  /** Deletes the indicator with its measurements; with `version`, only if it is still the one read. */
  async remove(id: string, version?: number): Promise<void> {
    await this.em.transactional(async (tx) => {
      await this.locked(tx, id, version);
      await this.queries.remove(id, tx);
    });
  }

  /** One measurement per day, from the baseline date to today; the indicator as it now is. */
  async measure(id: string, dto: CreateMeasurementDto, recordedBy: string | null, today: IsoDate): Promise<IndicatorView> {
    await this.em.transactional(async (tx) => {
      const row = await this.locked(tx, id);
      refuse(checkMeasurementDay(dto.on, row.baseline_on, today));
      const created = await this.queries.insertMeasurement(
        id,
        {
          measured_on: dto.on,
          value: dto.value,
          comment: dto.comment ? dto.comment : null,
          source_url: dto.sourceUrl ?? null,
          recorded_by: recordedBy,
        },
        tx,
      );
      if (!created) {
        throw new ApiException({
          statusCode: HttpStatus.CONFLICT,
          error: 'measurement_exists',
          message: `Cet indicateur a déjà une mesure le ${formatFrDate(dto.on)} : supprimez-la d’abord ou choisissez un autre jour.`,
          errors: [{ field: 'on', message: 'Une mesure existe déjà ce jour-là.' }],
        });
      }
    });
    return this.read.one(id, today);
  }

  async removeMeasurement(id: string): Promise<void> {
    if (!(await this.queries.removeMeasurement(id))) throw ApiException.notFound('La mesure', id);
  }
}
