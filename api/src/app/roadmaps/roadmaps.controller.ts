import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ActionFilterDto,
  AtQueryDto,
  ChronogramQueryDto,
  CreateActionDto,
  CreateMilestoneDto,
  ExportQueryDto,
  MilestoneFilterDto,
  RecentChangesQueryDto,
  RoadmapSettingsDto,
} from '@jalons/contract';
import type {
  ActionView,
  FunctionWithRollUpView,
  MilestoneView,
  RecentChangeView,
  RoadmapDetailView,
  RoadmapSummaryView,
} from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { uuid } from '../../infra/http/params';
import { referenceDay } from '../../infra/http/today';
import { ActionsService } from '../actions/actions.service';
import { ExportService } from '../export/export.service';
import { MilestonesService } from '../milestones/milestones.service';
import { RoadmapReadModel } from './read-model';
import { RoadmapSettingsService } from './settings.service';
import { Access, Allow } from '../auth/policies';
import { ActorId } from '../auth/current-account';

@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class RoadmapsController {
  constructor(
    private readonly read: RoadmapReadModel,
    private readonly actions: ActionsService,
    private readonly milestones: MilestonesService,
    private readonly exporter: ExportService,
    private readonly settings: RoadmapSettingsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Les feuilles de route de l’instance' })
  list(): Promise<RoadmapSummaryView[]> {
    return this.read.listRoadmaps();
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

  @Get(':id/actions')
  @ApiOperation({ summary: 'Les actions, filtrées par fonction, phase, statut, responsable, échéance' })
  async listActions(@Param('id', uuid('id')) id: string, @Query() q: ActionFilterDto): Promise<ActionView[]> {
    await this.read.roadmapRow(id);
    const { at, ...filter } = q;
    return this.read.actions(id, referenceDay(at), filter);
  }

  @Post(':id/actions')
  @Allow(Access.itemCreator)
  @ApiOperation({ summary: 'Créer une action (sa phase est celle qui contient sa date de début)' })
  createAction(@Param('id', uuid('id')) id: string, @Body() dto: CreateActionDto, @ActorId() actor: string | null): Promise<ActionView> {
    return this.actions.create(id, dto, todayInParis(), actor);
  }

  @Get(':id/milestones')
  @ApiOperation({ summary: 'Les jalons, filtrés par fonction, phase, atteinte, date' })
  async listMilestones(@Param('id', uuid('id')) id: string, @Query() q: MilestoneFilterDto): Promise<MilestoneView[]> {
    await this.read.roadmapRow(id);
    const { at, ...filter } = q;
    return this.read.milestones(id, referenceDay(at), filter);
  }

  @Post(':id/milestones')
  @Allow(Access.itemCreator)
  @ApiOperation({ summary: 'Créer un jalon (sa phase est celle qui contient sa date)' })
  createMilestone(
    @Param('id', uuid('id')) id: string,
    @Body() dto: CreateMilestoneDto,
    @ActorId() actor: string | null,
  ): Promise<MilestoneView> {
    const today = todayInParis();
    return this.milestones.create(id, dto, today, today, actor);
  }

  @Get(':id/changes')
  @ApiOperation({ summary: 'Les dernières modifications de la feuille de route (les plus récentes d’abord)' })
  changes(@Param('id', uuid('id')) id: string, @Query() q: RecentChangesQueryDto): Promise<RecentChangeView[]> {
    return this.read.recentChanges(id, q.limit ?? 20);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Exporter la feuille de route : tableur XLSX (synthèse, actions, jalons) ou CSV des actions' })
  async export(@Param('id', uuid('id')) id: string, @Query() q: ExportQueryDto, @Res() res: Response): Promise<void> {
    const file = await this.exporter.export(id, q.format, referenceDay(q.at));
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.send(file.body);
  }

  @Get(':id/chronogram')
  @ApiOperation({ summary: 'Tout ce qu’il faut à un Gantt, pour la feuille de route ou une de ses fonctions' })
  @ApiOkResponse({
    description: 'ChronogramView (libs/shared/contract), with a weak ETag: If-None-Match gives a 304 while the roadmap is unchanged',
  })
  async chronogram(@Param('id', uuid('id')) id: string, @Query() q: ChronogramQueryDto, @Res() res: Response): Promise<void> {
    const { json, etag } = await this.read.chronogramJson(id, referenceDay(q.at), q.functionId);
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('application/json').send(json); // express answers 304 itself when If-None-Match matches
  }
}
