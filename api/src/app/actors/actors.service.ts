import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ACTOR_NEEDS, DATA_TYPES, FIGURE_LABELS, FIGURE_UNITS, isFigureCode, isFigureTargetValue } from '@jalons/domain';
import type { FigureCode, IsoDate } from '@jalons/domain';
import type {
  ActionTargetsDto,
  ActorDetailView,
  AssessmentView,
  CreateActorDto,
  CreateAssessmentDto,
  FigureTargetDto,
  FigureView,
  TargetActorView,
  UpdateActorDto,
} from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { RoadmapReader } from '../roadmaps';
import { ActorsQueries } from './actors.queries';
import type { ActorRow, ActorValues } from './actors.queries';
import { ActorsReader } from './actors.reader';

function nameTaken(name: string): ApiException {
  return new ApiException({
    statusCode: HttpStatus.CONFLICT,
    error: 'actor_name_taken',
    message: `Un acteur s’appelle déjà « ${name} » dans cette feuille de route : choisissez un autre nom.`,
    errors: [{ field: 'name', message: 'Ce nom est déjà pris dans cette feuille de route.' }],
  });
}

/** PostgreSQL's unique_violation (plain SQL errors reach us as the driver raises them). */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}

/** A list of codes in the domain's order, each once. */
const ordered = <T extends string>(all: readonly T[], picked: readonly T[]): T[] => all.filter((c) => picked.includes(c));

/** The columns a create writes, from the DTO and the defaults. */
function createValues(dto: CreateActorDto): ActorValues {
  return {
    name: dto.name,
    kind: dto.kind,
    referent: dto.referent ?? null,
    met_on: dto.metOn ?? null,
    workshop: dto.workshop ?? false,
    needs: ordered(ACTOR_NEEDS, dto.needs ?? []),
    data_types: ordered(DATA_TYPES, dto.dataTypes ?? []),
    personal_data: dto.personalData ?? false,
    sensitive_data: dto.sensitiveData ?? false,
    group_override: dto.groupOverride?.group ?? null,
    group_override_reason: dto.groupOverride?.reason ?? null,
  };
}

/** The columns a change writes: the fields sent that differ from the row. */
function changedValues(row: ActorRow, dto: UpdateActorDto): Partial<ActorValues> {
  const asked: Partial<ActorValues> = {
    name: dto.name,
    kind: dto.kind,
    referent: dto.referent,
    met_on: dto.metOn,
    workshop: dto.workshop,
    needs: dto.needs && ordered(ACTOR_NEEDS, dto.needs),
    data_types: dto.dataTypes && ordered(DATA_TYPES, dto.dataTypes),
    personal_data: dto.personalData,
    sensitive_data: dto.sensitiveData,
  };
  if (dto.groupOverride !== undefined) {
    asked.group_override = dto.groupOverride?.group ?? null;
    asked.group_override_reason = dto.groupOverride?.reason ?? null;
  }
  const changes: Partial<ActorValues> = {};
  for (const [key, value] of Object.entries(asked) as [keyof ActorValues, unknown][]) {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(row[key])) Object.assign(changes, { [key]: value });
  }
  return changes;
}

/** The register's writes (the project lead's), the figures' targets, and the actors an action targets. */
@Injectable()
export class ActorsService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: ActorsQueries,
    private readonly read: ActorsReader,
    private readonly roadmaps: RoadmapReader,
  ) {}

  async create(roadmapId: string, dto: CreateActorDto, today: IsoDate): Promise<ActorDetailView> {
    await this.roadmaps.row(roadmapId); // 404 for an unknown roadmap
    const id = await this.queries.insertActor(roadmapId, createValues(dto));
    if (!id) throw nameTaken(dto.name);
    return this.read.one(id, today);
  }

  /** Only the fields sent change; the version read must still be the actor's (409 otherwise). */
  async update(id: string, dto: UpdateActorDto, today: IsoDate): Promise<ActorDetailView> {
    const row = await this.queries.actor(id);
    if (!row) throw ApiException.notFound('L’acteur', id);
    if (row.version !== dto.version) throw ApiException.conflict(row.version, 'Cet acteur');
    const changes = changedValues(row, dto);
    if (Object.keys(changes).length) {
      let version: number | undefined;
      try {
        version = await this.queries.updateActor(id, dto.version, changes);
      } catch (e) {
        if (isUniqueViolation(e)) throw nameTaken(changes.name ?? row.name);
        throw e;
      }
      if (version === undefined) {
        const now = await this.queries.actor(id);
        if (!now) throw ApiException.notFound('L’acteur', id);
        throw ApiException.conflict(now.version, 'Cet acteur');
      }
    }
    return this.read.one(id, today);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.queries.deleteActor(id))) throw ApiException.notFound('L’acteur', id);
  }

  /** One assessment per actor and day (409 for a second one); not after today. */
  async assess(actorId: string, dto: CreateAssessmentDto, today: IsoDate): Promise<AssessmentView> {
    if (!(await this.queries.actor(actorId))) throw ApiException.notFound('L’acteur', actorId);
    if (dto.on > today) {
      throw ApiException.rule([
        { field: 'on', message: `Une évaluation se date au plus tard d’aujourd’hui (${today}) : elle dit où en est l’acteur.` },
      ]);
    }
    const id = await this.queries.insertAssessment(actorId, {
      assessed_on: dto.on,
      maturity: dto.maturity,
      ambition: dto.ambition,
      axes: { ...(dto.axes ?? {}) },
      assessed_by: dto.assessedBy,
      comment: dto.comment ? dto.comment : null,
    });
    if (!id) {
      throw new ApiException({
        statusCode: HttpStatus.CONFLICT,
        error: 'assessment_exists',
        message: `Cet acteur a déjà une évaluation le ${dto.on} : supprimez-la ou choisissez un autre jour.`,
        errors: [{ field: 'on', message: 'Une évaluation existe déjà ce jour-là.' }],
      });
    }
    return this.read.assessment(id);
  }

  async removeAssessment(id: string): Promise<void> {
    if (!(await this.queries.deleteAssessment(id))) throw ApiException.notFound('L’évaluation', id);
  }

  /** A figure's target: a percent from 0 to 100, or a whole count; 404 for a code that names no figure. */
  async setTarget(roadmapId: string, code: string, dto: FigureTargetDto, today: IsoDate): Promise<FigureView> {
    const figure = this.figureCode(code);
    await this.roadmaps.row(roadmapId);
    if (!isFigureTargetValue(figure, dto.value)) {
      const message =
        FIGURE_UNITS[figure] === 'percent'
          ? `La cible de « ${FIGURE_LABELS[figure]} » est un pourcentage de 0 à 100.`
          : `La cible de « ${FIGURE_LABELS[figure]} » est un nombre entier, 0 ou plus.`;
      throw ApiException.rule([{ field: 'value', message }]);
    }
    await this.queries.setTarget(roadmapId, figure, dto.value, dto.on);
    return this.read.figure(roadmapId, figure, today);
  }

  async removeTarget(roadmapId: string, code: string): Promise<void> {
    const figure = this.figureCode(code);
    await this.roadmaps.row(roadmapId);
    await this.queries.deleteTarget(roadmapId, figure);
  }

  /** Replaces the actors an action targets: all of them of the action's roadmap (422 otherwise). */
  async setActionActors(actionId: string, dto: ActionTargetsDto): Promise<TargetActorView[]> {
    const ids = [...new Set(dto.actorIds.map((x) => x.toLowerCase()))];
    await this.em.transactional(async (tx) => {
      const action = await this.queries.actionRoadmap(actionId, true, tx);
      if (!action) throw ApiException.notFound('L’action', actionId);
      const known = new Set(await this.queries.actorIdsIn(action.roadmap_id, ids, tx));
      const strangers = ids.filter((x) => !known.has(x));
      if (strangers.length) {
        throw ApiException.rule([
          {
            field: 'actorIds',
            message: `Ces acteurs ne sont pas ceux de la feuille de route de l’action : ${strangers.join(', ')}. Choisissez-les dans son registre.`,
          },
        ]);
      }
      await this.queries.replaceActionActors(actionId, ids, tx);
    });
    return this.read.actionActors(actionId);
  }

  private figureCode(code: string): FigureCode {
    if (!isFigureCode(code)) {
      throw new ApiException({
        statusCode: HttpStatus.NOT_FOUND,
        error: 'not_found',
        message: `Le chiffre « ${code} » n’existe pas : les chiffres sont ${Object.keys(FIGURE_LABELS).join(', ')}.`,
      });
    }
    return code;
  }
}
