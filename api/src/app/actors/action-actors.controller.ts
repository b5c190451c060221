import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActionTargetsDto } from '@jalons/contract';
import type { TargetActorView } from '@jalons/contract';

import { uuid } from '../../infra/http/params';
import { Access, Allow } from '../auth';
import { ActorsReader } from './actors.reader';
import { ActorsService } from './actors.service';

/** The actors an action targets (« Désigner un référent données dans chaque direction » names the directions). */
@ApiTags('actions')
@Controller('actions')
export class ActionActorsController {
  constructor(
    private readonly read: ActorsReader,
    private readonly actors: ActorsService,
  ) {}

  @Get(':id/actors')
  @Allow(Access.signedIn)
  @ApiOperation({ summary: 'Les acteurs que vise une action, par nom, avec leur référent·e données' })
  list(@Param('id', uuid('id')) id: string): Promise<TargetActorView[]> {
    return this.read.actionActors(id);
  }

  @Put(':id/actors')
  @Allow(Access.actionWriter)
  @ApiOperation({ summary: 'Remplacer les acteurs que vise une action (tous du registre de sa feuille de route)' })
  set(@Param('id', uuid('id')) id: string, @Body() dto: ActionTargetsDto): Promise<TargetActorView[]> {
    return this.actors.setActionActors(id, dto);
  }
}
