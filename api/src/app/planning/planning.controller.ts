import { Body, Controller, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CarryOverDto, DryRunQueryDto, UpdateFunctionDto, UpdatePhasesDto } from '@jalons/contract';
import type { CarryOverView, FunctionWithRollUpView, PhasePlanView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { uuid } from '../../infra/http/params';
import { Access, ActorId, Allow } from '../auth';
import { CarryOverService } from './carry-over.service';
import { FunctionsService } from './functions.service';
import { PhasesService } from './phases.service';

/** The project lead's planning: functions, phase dates, closing a mandate and carrying items over (ADR 0013). */
@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.lead)
export class PlanningController {
  constructor(
    private readonly functions: FunctionsService,
    private readonly phases: PhasesService,
    private readonly carryOver: CarryOverService,
  ) {}

  @Patch(':id/functions/:functionId')
  @ApiOperation({
    summary: 'Modifier une fonction : description, référent·e, couleur, volets de la fonction centrale (avec la version lue)',
  })
  updateFunction(
    @Param('id', uuid('id')) id: string,
    @Param('functionId', uuid('functionId')) functionId: string,
    @Body() dto: UpdateFunctionDto,
  ): Promise<FunctionWithRollUpView> {
    return this.functions.update(id, functionId, dto, todayInParis());
  }

  @Put(':id/phases')
  @ApiOperation({ summary: 'Replanifier les dates des phases (dryRun=true par défaut : les éléments qui changeraient de phase)' })
  updatePhases(
    @Param('id', uuid('id')) id: string,
    @Query() q: DryRunQueryDto,
    @Body() dto: UpdatePhasesDto,
    @ActorId() actor: string | null,
  ): Promise<PhasePlanView> {
    return this.phases.plan(id, dto, q.dryRun === false, actor);
  }

  @Post(':id/carry-over')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reprendre des actions et jalons non terminés dans la feuille de route du mandat suivant, et clore celui-ci' })
  carry(
    @Param('id', uuid('id')) id: string,
    @Query() q: DryRunQueryDto,
    @Body() dto: CarryOverDto,
    @ActorId() actor: string | null,
  ): Promise<CarryOverView> {
    return this.carryOver.carry(id, dto, q.dryRun === false, actor);
  }
}
