import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NewRoadmapDto } from '@jalons/contract';
import type { RoadmapPreviewView, RoadmapSummaryView } from '@jalons/contract';

import { Access, ActorId, Allow } from '../auth';
import { RoadmapSetupService } from './roadmap-setup.service';

@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.lead)
export class RoadmapSetupController {
  constructor(private readonly setup: RoadmapSetupService) {}

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Ce que créerait la feuille de route depuis le kit : phases, nombre d’actions et de jalons (rien n’est écrit)' })
  preview(@Body() dto: NewRoadmapDto): Promise<RoadmapPreviewView> {
    return this.setup.preview(dto);
  }

  @Post()
  @ApiOperation({ summary: 'Créer une feuille de route depuis le kit pour un territoire et un mandat' })
  create(@Body() dto: NewRoadmapDto, @ActorId() actor: string | null): Promise<RoadmapSummaryView> {
    return this.setup.create(dto, actor);
  }
}
