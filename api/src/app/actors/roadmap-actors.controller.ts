import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CreateActorDto, DiagnosticQueryDto, FigureTargetDto } from '@jalons/contract';
import type { ActorDetailView, ActorView, DiagnosticView, FigureView } from '@jalons/contract';
import { FIGURE_CODES, todayInParis } from '@jalons/domain';

import { uuid } from '../../infra/http/params';
import { Access, Allow } from '../auth';
import { ActorsReader } from './actors.reader';
import { ActorsService } from './actors.service';

/** A roadmap's register of actors, its maturity × ambition map and its figures (docs/diagnostic.md). */
@ApiTags('diagnostic')
@Controller('roadmaps')
@Allow(Access.lead)
export class RoadmapActorsController {
  constructor(
    private readonly read: ActorsReader,
    private readonly actors: ActorsService,
  ) {}

  @Get(':id/actors')
  @Allow(Access.signedIn)
  @ApiOperation({ summary: 'Le registre des acteurs (directions, opérateurs, partenaires, experts), par nom, avec leur groupe du jour' })
  list(@Param('id', uuid('id')) id: string): Promise<ActorView[]> {
    return this.read.list(id, todayInParis());
  }

  @Post(':id/actors')
  @ApiOperation({ summary: 'Ajouter un acteur au registre (409 quand le nom est déjà pris dans la feuille de route)' })
  create(@Param('id', uuid('id')) id: string, @Body() dto: CreateActorDto): Promise<ActorDetailView> {
    return this.actors.create(id, dto, todayInParis());
  }

  @Get(':id/diagnostic')
  @Allow(Access.signedIn)
  @ApiOperation({
    summary: 'La carte maturité × ambition et les chiffres de l’étude calculés depuis le registre, à une date (par défaut aujourd’hui)',
  })
  diagnostic(@Param('id', uuid('id')) id: string, @Query() q: DiagnosticQueryDto): Promise<DiagnosticView> {
    return this.read.diagnostic(id, q.on ?? todayInParis());
  }

  @Put(':id/diagnostic/targets/:code')
  @ApiParam({ name: 'code', enum: FIGURE_CODES })
  @ApiOperation({ summary: 'Fixer la cible d’un chiffre : une valeur et la date où l’atteindre (404 pour un code inconnu)' })
  setTarget(@Param('id', uuid('id')) id: string, @Param('code') code: string, @Body() dto: FigureTargetDto): Promise<FigureView> {
    return this.actors.setTarget(id, code, dto, todayInParis());
  }

  @Delete(':id/diagnostic/targets/:code')
  @HttpCode(204)
  @ApiParam({ name: 'code', enum: FIGURE_CODES })
  @ApiOperation({ summary: 'Retirer la cible d’un chiffre' })
  removeTarget(@Param('id', uuid('id')) id: string, @Param('code') code: string): Promise<void> {
    return this.actors.removeTarget(id, code);
  }
}
