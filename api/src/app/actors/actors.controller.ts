import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateAssessmentDto, UpdateActorDto } from '@jalons/contract';
import type { ActorDetailView, AssessmentView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { uuid } from '../../infra/http/params';
import { Access, Allow } from '../auth';
import { ActorsReader } from './actors.reader';
import { ActorsService } from './actors.service';

/** One actor of the register and its assessments. */
@ApiTags('diagnostic')
@Controller()
@Allow(Access.lead)
export class ActorsController {
  constructor(
    private readonly read: ActorsReader,
    private readonly actors: ActorsService,
  ) {}

  @Get('actors/:id')
  @Allow(Access.signedIn)
  @ApiOperation({ summary: 'Un acteur : ses évaluations (les plus anciennes d’abord) et les actions qui le visent' })
  get(@Param('id', uuid('id')) id: string): Promise<ActorDetailView> {
    return this.read.one(id, todayInParis());
  }

  @Patch('actors/:id')
  @ApiOperation({ summary: 'Modifier un acteur (avec la version lue ; seuls les champs envoyés changent)' })
  update(@Param('id', uuid('id')) id: string, @Body() dto: UpdateActorDto): Promise<ActorDetailView> {
    return this.actors.update(id, dto, todayInParis());
  }

  @Delete('actors/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprimer un acteur, ses évaluations et les liens des actions qui le visent' })
  remove(@Param('id', uuid('id')) id: string): Promise<void> {
    return this.actors.remove(id);
  }

  @Post('actors/:id/assessments')
  @ApiOperation({ summary: 'Évaluer un acteur : maturité et ambition de 1 à 5, par axe au besoin (une évaluation par jour)' })
  assess(@Param('id', uuid('id')) id: string, @Body() dto: CreateAssessmentDto): Promise<AssessmentView> {
    return this.actors.assess(id, dto, todayInParis());
  }

  @Delete('assessments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprimer une évaluation' })
  removeAssessment(@Param('id', uuid('id')) id: string): Promise<void> {
    return this.actors.removeAssessment(id);
  }
}
