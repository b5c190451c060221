import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateEvidenceDto } from '@jalons/contract';
import type { EvidenceView } from '@jalons/contract';

import { uuid } from '../../infra/http/params';
import { Access, ActorId, Allow } from '../auth';
import { EvidenceService } from './evidence.service';

/** Proof links on actions, milestones and decisions (docs/evidence.md): written by the item's writers, a decision's by the lead (ADR 0008). */
@ApiTags('evidence')
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get('actions/:id/evidence')
  @Allow(Access.signedIn)
  @ApiOperation({ summary: 'Les preuves et documents d’une action, les plus récents d’abord' })
  @ApiNotFoundResponse({ description: 'Action inconnue' })
  ofAction(@Param('id', uuid('id')) id: string): Promise<EvidenceView[]> {
    return this.evidence.list('action', id);
  }

  @Post('actions/:id/evidence')
  @Allow(Access.actionWriter)
  @ApiOperation({ summary: 'Ajouter une preuve à une action (délibération, document, page web, jeu de données)' })
  @ApiCreatedResponse({ description: 'La preuve ajoutée' })
  @ApiNotFoundResponse({ description: 'Action inconnue' })
  addToAction(@Param('id', uuid('id')) id: string, @Body() dto: CreateEvidenceDto, @ActorId() actor: string | null): Promise<EvidenceView> {
    return this.evidence.add('action', id, dto, actor);
  }

  @Get('milestones/:id/evidence')
  @Allow(Access.signedIn)
  @ApiOperation({ summary: 'Les preuves et documents d’un jalon, les plus récents d’abord' })
  @ApiNotFoundResponse({ description: 'Jalon inconnu' })
  ofMilestone(@Param('id', uuid('id')) id: string): Promise<EvidenceView[]> {
    return this.evidence.list('milestone', id);
  }

  @Post('milestones/:id/evidence')
  @Allow(Access.milestoneWriter)
  @ApiOperation({ summary: 'Ajouter une preuve à un jalon (délibération, document, page web, jeu de données)' })
  @ApiCreatedResponse({ description: 'La preuve ajoutée' })
  @ApiNotFoundResponse({ description: 'Jalon inconnu' })
  addToMilestone(
    @Param('id', uuid('id')) id: string,
    @Body() dto: CreateEvidenceDto,
    @ActorId() actor: string | null,
  ): Promise<EvidenceView> {
    return this.evidence.add('milestone', id, dto, actor);
  }

  @Get('decisions/:id/evidence')
  @Allow(Access.signedIn)
  @ApiOperation({ summary: 'Les preuves et documents d’une décision (la délibération…), les plus récents d’abord' })
  @ApiNotFoundResponse({ description: 'Décision inconnue' })
  ofDecision(@Param('id', uuid('id')) id: string): Promise<EvidenceView[]> {
    return this.evidence.list('decision', id);
  }

  @Post('decisions/:id/evidence')
  @Allow(Access.lead)
  @ApiOperation({ summary: 'Ajouter une preuve à une décision (délibération, document, page web, jeu de données)' })
  @ApiCreatedResponse({ description: 'La preuve ajoutée' })
  @ApiNotFoundResponse({ description: 'Décision inconnue' })
  addToDecision(
    @Param('id', uuid('id')) id: string,
    @Body() dto: CreateEvidenceDto,
    @ActorId() actor: string | null,
  ): Promise<EvidenceView> {
    return this.evidence.add('decision', id, dto, actor);
  }

  @Delete('evidence/:id')
  @HttpCode(204)
  @Allow(Access.evidenceWriter)
  @ApiOperation({ summary: 'Supprimer une preuve' })
  @ApiNoContentResponse({ description: 'Supprimée' })
  @ApiNotFoundResponse({ description: 'Preuve inconnue' })
  remove(@Param('id', uuid('id')) id: string): Promise<void> {
    return this.evidence.remove(id);
  }
}
