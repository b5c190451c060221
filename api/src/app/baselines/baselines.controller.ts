import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CreateBaselineDto } from '@jalons/contract';
import type { BaselineSlipsView, BaselineView } from '@jalons/contract';

import { uuid } from '../../infra/http/params';
import { Access, ActorId, Allow } from '../auth';
import { BaselinesService } from './baselines.service';

/** A roadmap's baselines: listed for every reader, frozen by the lead (ADR 0017). */
@ApiTags('baselines')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class RoadmapBaselinesController {
  constructor(private readonly baselines: BaselinesService) {}

  @Get(':id/baselines')
  @ApiOperation({ summary: 'Les références (plans figés) de la feuille de route, la plus récente d’abord' })
  @ApiNotFoundResponse({ description: 'Feuille de route inconnue' })
  list(@Param('id', uuid('id')) id: string): Promise<BaselineView[]> {
    return this.baselines.list(id);
  }

  @Post(':id/baselines')
  @Allow(Access.lead)
  @ApiOperation({ summary: 'Figer le plan actuel comme nouvelle référence numérotée (libellé, décision qui l’a approuvé)' })
  @ApiCreatedResponse({ description: 'La référence créée, avec le nombre d’actions et de jalons figés' })
  @ApiNotFoundResponse({ description: 'Feuille de route inconnue' })
  create(@Param('id', uuid('id')) id: string, @Body() dto: CreateBaselineDto, @ActorId() actor: string | null): Promise<BaselineView> {
    return this.baselines.create(id, dto, actor);
  }
}

/** One baseline: the slips against it; deleting the latest (a baseline never changes). */
@ApiTags('baselines')
@Controller('baselines')
@Allow(Access.signedIn)
export class BaselinesController {
  constructor(private readonly baselines: BaselinesService) {}

  @Get(':id/slips')
  @ApiOperation({
    summary:
      'Le glissement de chaque action et jalon par rapport à la référence (en jours ; « nouveau », « supprimé »), par fonction et par phase',
  })
  @ApiNotFoundResponse({ description: 'Référence inconnue' })
  slips(@Param('id', uuid('id')) id: string): Promise<BaselineSlipsView> {
    return this.baselines.slips(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow(Access.lead)
  @ApiOperation({ summary: 'Supprimer la dernière référence de la feuille de route (les précédentes restent)' })
  @ApiNoContentResponse({ description: 'Supprimée' })
  @ApiNotFoundResponse({ description: 'Référence inconnue' })
  @ApiUnprocessableEntityResponse({ description: 'Ce n’est pas la dernière référence de la feuille de route' })
  remove(@Param('id', uuid('id')) id: string): Promise<void> {
    return this.baselines.remove(id);
  }
}
