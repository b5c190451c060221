import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateMilestoneDto, MilestoneFilterDto } from '@jalons/contract';
import type { MilestoneView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { uuid } from '../../infra/http/params';
import { referenceDay } from '../../infra/http/today';
import { Access, ActorId, Allow } from '../auth';
import { RoadmapReader } from '../roadmaps';
import { MilestonesReader } from './milestones.reader';
import { MilestonesService } from './milestones.service';

/** A roadmap's milestones: listed with filters, created. */
@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class RoadmapMilestonesController {
  constructor(
    private readonly roadmaps: RoadmapReader,
    private readonly read: MilestonesReader,
    private readonly milestones: MilestonesService,
  ) {}

  @Get(':id/milestones')
  @ApiOperation({ summary: 'Les jalons, filtrés par fonction, phase, atteinte, date' })
  async list(@Param('id', uuid('id')) id: string, @Query() q: MilestoneFilterDto): Promise<MilestoneView[]> {
    await this.roadmaps.row(id);
    const { at, ...filter } = q;
    return this.read.list(id, referenceDay(at), filter);
  }

  @Post(':id/milestones')
  @Allow(Access.itemCreator)
  @ApiOperation({ summary: 'Créer un jalon (sa phase est celle qui contient sa date)' })
  create(@Param('id', uuid('id')) id: string, @Body() dto: CreateMilestoneDto, @ActorId() actor: string | null): Promise<MilestoneView> {
    const today = todayInParis();
    return this.milestones.create(id, dto, today, today, actor);
  }
}
