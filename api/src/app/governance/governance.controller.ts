import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { todayInParis } from '@jalons/domain';
import {
  CreateDecisionDto,
  CreateInstanceDto,
  CreateMeetingDto,
  DecisionsQueryDto,
  NextMeetingQueryDto,
  UpdateDecisionDto,
  UpdateInstanceDto,
  UpdateMeetingDto,
} from '@jalons/contract';
import type { DecisionView, InstanceView, MeetingSummaryView, MeetingView } from '@jalons/contract';
import type { Response } from 'express';

import { uuid } from '../../infra/http/params';
import { Access, ActorId, Allow } from '../auth';
import { GovernanceQueries } from './governance.queries';
import { GovernanceService } from './governance.service';

const UNKNOWN_ROADMAP = { description: 'Feuille de route inconnue' };
const UNKNOWN_REFERENCE = { description: 'Une instance, une réunion, un compte ou un élément nommé n’est pas de cette feuille de route' };

/** A roadmap's instances, meetings and decisions: read by everyone signed in, written by the lead (ADR 0019). */
@ApiTags('governance')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class RoadmapGovernanceController {
  constructor(
    private readonly governance: GovernanceService,
    private readonly read: GovernanceQueries,
  ) {}

  @Get(':id/instances')
  @ApiOperation({ summary: 'Les instances de gouvernance de la feuille de route (comité de pilotage…), avec leur nombre de réunions' })
  @ApiNotFoundResponse(UNKNOWN_ROADMAP)
  instances(@Param('id', uuid('id')) id: string): Promise<InstanceView[]> {
    return this.governance.listInstances(id);
  }

  @Post(':id/instances')
  @Allow(Access.lead)
  @ApiOperation({ summary: 'Créer une instance (nom unique dans la feuille de route)' })
  @ApiCreatedResponse({ description: 'L’instance créée' })
  @ApiNotFoundResponse(UNKNOWN_ROADMAP)
  @ApiConflictResponse({ description: 'Une instance porte déjà ce nom' })
  createInstance(@Param('id', uuid('id')) id: string, @Body() dto: CreateInstanceDto): Promise<InstanceView> {
    return this.governance.createInstance(id, dto);
  }

  @Get(':id/meetings')
  @ApiOperation({ summary: 'Les réunions de la feuille de route, la plus récente d’abord' })
  @ApiNotFoundResponse(UNKNOWN_ROADMAP)
  async meetings(@Param('id', uuid('id')) id: string): Promise<MeetingSummaryView[]> {
    await this.governance.roadmap(id);
    return this.read.meetingList(id);
  }

  @Get(':id/meetings/next')
  @ApiOperation({ summary: 'La première réunion à la date donnée ou après (par défaut aujourd’hui), ou null' })
  @ApiOkResponse({ description: 'La réunion, ou null quand aucune n’est prévue' })
  @ApiNotFoundResponse(UNKNOWN_ROADMAP)
  async nextMeeting(@Param('id', uuid('id')) id: string, @Query() q: NextMeetingQueryDto, @Res() res: Response): Promise<void> {
    await this.governance.roadmap(id);
    const next: MeetingSummaryView | null = await this.read.meetingOnOrAfter(id, q.at ?? todayInParis());
    res.json(next); // `null` written as JSON (Nest would send an empty body)
  }

  @Post(':id/meetings')
  @Allow(Access.lead)
  @ApiOperation({ summary: 'Créer une réunion : instance, date, participants (comptes ou noms libres), ordre du jour, compte rendu' })
  @ApiCreatedResponse({ description: 'La réunion créée' })
  @ApiNotFoundResponse(UNKNOWN_ROADMAP)
  @ApiUnprocessableEntityResponse(UNKNOWN_REFERENCE)
  createMeeting(@Param('id', uuid('id')) id: string, @Body() dto: CreateMeetingDto, @ActorId() actor: string | null): Promise<MeetingView> {
    return this.governance.createMeeting(id, dto, actor);
  }

  @Get(':id/decisions')
  @ApiOperation({ summary: 'Les décisions de la feuille de route, la plus récente d’abord (filtres : depuis, jusqu’au, élément lié)' })
  @ApiNotFoundResponse(UNKNOWN_ROADMAP)
  decisions(@Param('id', uuid('id')) id: string, @Query() q: DecisionsQueryDto): Promise<DecisionView[]> {
    return this.governance.listDecisions(id, q);
  }

  @Post(':id/decisions')
  @Allow(Access.lead)
  @ApiOperation({
    summary: 'Enregistrer une décision (validation, replanification, arbitrage, budget), sa réunion et les éléments concernés',
  })
  @ApiCreatedResponse({ description: 'La décision enregistrée' })
  @ApiNotFoundResponse(UNKNOWN_ROADMAP)
  @ApiUnprocessableEntityResponse(UNKNOWN_REFERENCE)
  createDecision(
    @Param('id', uuid('id')) id: string,
    @Body() dto: CreateDecisionDto,
    @ActorId() actor: string | null,
  ): Promise<DecisionView> {
    return this.governance.createDecision(id, dto, actor);
  }
}

@ApiTags('governance')
@Controller('instances')
@Allow(Access.lead)
export class InstancesController {
  constructor(private readonly governance: GovernanceService) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Renommer une instance ou changer sa description' })
  @ApiNotFoundResponse({ description: 'Instance inconnue' })
  @ApiConflictResponse({ description: 'Une instance porte déjà ce nom' })
  update(@Param('id', uuid('id')) id: string, @Body() dto: UpdateInstanceDto): Promise<InstanceView> {
    return this.governance.updateInstance(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprimer une instance sans réunion' })
  @ApiNoContentResponse({ description: 'Supprimée' })
  @ApiNotFoundResponse({ description: 'Instance inconnue' })
  @ApiConflictResponse({ description: 'L’instance a des réunions' })
  remove(@Param('id', uuid('id')) id: string): Promise<void> {
    return this.governance.removeInstance(id);
  }
}

@ApiTags('governance')
@Controller('meetings')
@Allow(Access.signedIn)
export class MeetingsController {
  constructor(private readonly governance: GovernanceService) {}

  @Get(':id')
  @ApiOperation({ summary: 'Une réunion : participants, ordre du jour, compte rendu, décisions' })
  @ApiNotFoundResponse({ description: 'Réunion inconnue' })
  one(@Param('id', uuid('id')) id: string): Promise<MeetingView> {
    return this.governance.meetingView(id);
  }

  @Patch(':id')
  @Allow(Access.lead)
  @ApiOperation({ summary: 'Modifier une réunion (les listes envoyées remplacent les listes) avec la version lue' })
  @ApiNotFoundResponse({ description: 'Réunion inconnue' })
  @ApiConflictResponse({ description: 'La réunion a changé depuis la lecture (currentVersion)' })
  @ApiUnprocessableEntityResponse(UNKNOWN_REFERENCE)
  update(@Param('id', uuid('id')) id: string, @Body() dto: UpdateMeetingDto): Promise<MeetingView> {
    return this.governance.updateMeeting(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow(Access.lead)
  @ApiOperation({ summary: 'Supprimer une réunion (ses décisions restent, sans réunion)' })
  @ApiNoContentResponse({ description: 'Supprimée' })
  @ApiNotFoundResponse({ description: 'Réunion inconnue' })
  remove(@Param('id', uuid('id')) id: string): Promise<void> {
    return this.governance.removeMeeting(id);
  }
}

@ApiTags('governance')
@Controller('decisions')
@Allow(Access.lead)
export class DecisionsController {
  constructor(private readonly governance: GovernanceService) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Modifier une décision (meetingId null la détache de sa réunion ; items envoyés remplacent ses éléments)' })
  @ApiNotFoundResponse({ description: 'Décision inconnue' })
  @ApiUnprocessableEntityResponse(UNKNOWN_REFERENCE)
  update(@Param('id', uuid('id')) id: string, @Body() dto: UpdateDecisionDto): Promise<DecisionView> {
    return this.governance.updateDecision(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprimer une décision (les références qui la citaient gardent leur texte)' })
  @ApiNoContentResponse({ description: 'Supprimée' })
  @ApiNotFoundResponse({ description: 'Décision inconnue' })
  remove(@Param('id', uuid('id')) id: string): Promise<void> {
    return this.governance.removeDecision(id);
  }
}
