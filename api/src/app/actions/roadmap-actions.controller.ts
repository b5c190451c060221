import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActionFilterDto, CreateActionDto } from '@jalons/contract';
import type { ActionView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { uuid } from '../../infra/http/params';
import { referenceDay } from '../../infra/http/today';
import { Access, ActorId, Allow } from '../auth';
import { RoadmapReader } from '../roadmaps';
import { ActionsReader } from './actions.reader';
import { ActionsService } from './actions.service';

/** A roadmap's actions: listed with filters, created. */
@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class RoadmapActionsController {
  constructor(
    private readonly roadmaps: RoadmapReader,
    private readonly read: ActionsReader,
    private readonly actions: ActionsService,
  ) {}

  @Get(':id/actions')
  @ApiOperation({ summary: 'Les actions, filtrées par fonction, phase, statut, responsable, échéance' })
  async list(@Param('id', uuid('id')) id: string, @Query() q: ActionFilterDto): Promise<ActionView[]> {
    await this.roadmaps.row(id);
    const { at, ...filter } = q;
    return this.read.list(id, referenceDay(at), filter);
  }

  @Post(':id/actions')
  @Allow(Access.itemCreator)
  @ApiOperation({ summary: 'Créer une action (sa phase est celle qui contient sa date de début)' })
  create(@Param('id', uuid('id')) id: string, @Body() dto: CreateActionDto, @ActorId() actor: string | null): Promise<ActionView> {
    return this.actions.create(id, dto, todayInParis(), actor);
  }
}
