import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AtQueryDto, RoadmapSettingsDto } from '@jalons/contract';
import type { FunctionWithRollUpView, RoadmapDetailView, RoadmapSummaryView } from '@jalons/contract';

import { uuid } from '../../infra/http/params';
import { referenceDay } from '../../infra/http/today';
import { Access, Allow } from '../auth';
import { RoadmapReader } from './roadmap.reader';
import { RoadmapSettingsService } from './settings.service';

@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class RoadmapsController {
  constructor(
    private readonly read: RoadmapReader,
    private readonly settings: RoadmapSettingsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Les feuilles de route de l’instance' })
  list(): Promise<RoadmapSummaryView[]> {
    return this.read.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Une feuille de route, ses phases et leurs indicateurs (avancement, santé du calendrier)' })
  get(@Param('id', uuid('id')) id: string, @Query() q: AtQueryDto): Promise<RoadmapDetailView> {
    return this.read.roadmap(id, referenceDay(q.at));
  }

  @Patch(':id/settings')
  @Allow(Access.lead)
  @ApiOperation({ summary: 'Réglages de la feuille de route (page publique), avec la version lue' })
  updateSettings(@Param('id', uuid('id')) id: string, @Body() dto: RoadmapSettingsDto): Promise<RoadmapSummaryView> {
    return this.settings.update(id, dto);
  }

  @Get(':id/functions')
  @ApiOperation({ summary: 'Les fonctions cibles avec leurs indicateurs, au total et par phase' })
  functions(@Param('id', uuid('id')) id: string, @Query() q: AtQueryDto): Promise<FunctionWithRollUpView[]> {
    return this.read.functions(id, referenceDay(q.at));
  }

  @Get(':id/functions/:functionId')
  @ApiOperation({ summary: 'Une fonction cible avec ses indicateurs' })
  async function(
    @Param('id', uuid('id')) id: string,
    @Param('functionId', uuid('functionId')) functionId: string,
    @Query() q: AtQueryDto,
  ): Promise<FunctionWithRollUpView> {
    const [fn] = await this.read.functions(id, referenceDay(q.at), functionId);
    return fn;
  }
}
