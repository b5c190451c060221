import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CreateIndicatorDto } from '@jalons/contract';
import type { IndicatorView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { uuid } from '../../infra/http/params';
import { Access, Allow } from '../auth';
import { IndicatorsReader } from './indicators.reader';
import { IndicatorsService } from './indicators.service';

/** A roadmap's indicators, all of them or one function's; created under their function (docs/indicators.md). */
@ApiTags('indicators')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class RoadmapIndicatorsController {
  constructor(
    private readonly read: IndicatorsReader,
    private readonly indicators: IndicatorsService,
  ) {}

  @Get(':id/indicators')
  @ApiOperation({
    summary: 'Les indicateurs des fonctions (dans l’ordre des fonctions, puis par nom), avec leurs mesures et leur état du jour',
  })
  @ApiNotFoundResponse({ description: 'Feuille de route inconnue' })
  list(@Param('id', uuid('id')) id: string): Promise<IndicatorView[]> {
    return this.read.list(id, todayInParis());
  }

  @Get(':id/functions/:functionId/indicators')
  @ApiOperation({ summary: 'Les indicateurs d’une fonction, avec leurs mesures et leur état du jour' })
  @ApiNotFoundResponse({ description: 'Feuille de route inconnue, ou fonction qui n’en est pas' })
  ofFunction(@Param('id', uuid('id')) id: string, @Param('functionId', uuid('functionId')) functionId: string): Promise<IndicatorView[]> {
    return this.read.list(id, todayInParis(), functionId);
  }

  @Post(':id/functions/:functionId/indicators')
  @Allow(Access.indicatorWriter)
  @ApiOperation({ summary: 'Définir un indicateur de la fonction : valeur de départ, cible, sens de progression' })
  @ApiCreatedResponse({ description: 'L’indicateur créé' })
  @ApiNotFoundResponse({ description: 'Feuille de route inconnue, ou fonction qui n’en est pas' })
  @ApiUnprocessableEntityResponse({ description: 'Une règle de l’indicateur est enfreinte (champ désigné)' })
  create(
    @Param('id', uuid('id')) id: string,
    @Param('functionId', uuid('functionId')) functionId: string,
    @Body() dto: CreateIndicatorDto,
  ): Promise<IndicatorView> {
    return this.indicators.create(id, functionId, dto, todayInParis());
  }
}
