import { Body, Controller, Delete, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CreateMeasurementDto, IndicatorDeleteQueryDto, UpdateIndicatorDto } from '@jalons/contract';
import type { IndicatorView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { uuid } from '../../infra/http/params';
import { Access, ActorId, Allow } from '../auth';
import { IndicatorsService } from './indicators.service';

/** An indicator and its measurements, written by the project lead or the owner of its function (docs/indicators.md). */
@ApiTags('indicators')
@Controller()
@Allow(Access.indicatorWriter)
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Patch('indicators/:id')
  @ApiOperation({ summary: 'Modifier un indicateur (avec la version lue)' })
  @ApiNotFoundResponse({ description: 'Indicateur inconnu' })
  @ApiConflictResponse({ description: 'L’indicateur a changé depuis la lecture (currentVersion)' })
  @ApiUnprocessableEntityResponse({ description: 'Une règle de l’indicateur est enfreinte (champ désigné)' })
  update(@Param('id', uuid('id')) id: string, @Body() dto: UpdateIndicatorDto): Promise<IndicatorView> {
    return this.indicators.update(id, dto, todayInParis());
  }

  @Delete('indicators/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprimer un indicateur et ses mesures (avec ?version=, refusé s’il a changé depuis)' })
  @ApiNoContentResponse({ description: 'Supprimé' })
  @ApiNotFoundResponse({ description: 'Indicateur inconnu' })
  @ApiConflictResponse({ description: 'L’indicateur a changé depuis la lecture' })
  remove(@Param('id', uuid('id')) id: string, @Query() q: IndicatorDeleteQueryDto): Promise<void> {
    return this.indicators.remove(id, q.version);
  }

  @Post('indicators/:id/measurements')
  @ApiOperation({ summary: 'Saisir une mesure (une par jour, de la date de départ à aujourd’hui) ; répond l’indicateur à jour' })
  @ApiCreatedResponse({ description: 'L’indicateur avec sa nouvelle mesure' })
  @ApiNotFoundResponse({ description: 'Indicateur inconnu' })
  @ApiConflictResponse({ description: 'Une mesure existe déjà ce jour-là' })
  @ApiUnprocessableEntityResponse({ description: 'Date avant la valeur de départ' })
  measure(@Param('id', uuid('id')) id: string, @Body() dto: CreateMeasurementDto, @ActorId() actor: string | null): Promise<IndicatorView> {
    return this.indicators.measure(id, dto, actor, todayInParis());
  }

  @Delete('measurements/:id')
  @Allow(Access.measurementWriter)
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprimer une mesure' })
  @ApiNoContentResponse({ description: 'Supprimée' })
  @ApiNotFoundResponse({ description: 'Mesure inconnue' })
  removeMeasurement(@Param('id', uuid('id')) id: string): Promise<void> {
    return this.indicators.removeMeasurement(id);
  }
}
