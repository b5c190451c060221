import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddDependencyDto, AtQueryDto, UpdateActionDto, UpdateActionStatusDto, VersionQueryDto } from '@jalons/contract';
import type { ActionView, HistoryEntryView, RestoredView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { uuid } from '../../infra/http/params';
import { referenceDay } from '../../infra/http/today';
import { Access, ActorId, Allow } from '../auth';
import { HistoryReader } from '../history';
import { TrashService } from '../trash';
import { ActionsReader } from './actions.reader';
import { ActionsService } from './actions.service';

@ApiTags('actions')
@Controller('actions')
@Allow(Access.actionWriter)
export class ActionsController {
  constructor(
    private readonly read: ActionsReader,
    private readonly changes: HistoryReader,
    private readonly actions: ActionsService,
    private readonly trash: TrashService,
  ) {}

  @Get(':id')
  @Allow(Access.signedIn)
  get(@Param('id', uuid('id')) id: string, @Query() q: AtQueryDto): Promise<ActionView> {
    return this.read.one(id, referenceDay(q.at));
  }

  @Get(':id/history')
  @Allow(Access.signedIn)
  @ApiOperation({ summary: 'L’historique d’une action : qui, quand, quoi, pourquoi' })
  async history(@Param('id', uuid('id')) id: string): Promise<HistoryEntryView[]> {
    const entries = await this.changes.ofItem('action', id);
    if (!entries.length) await this.read.one(id, todayInParis()); // 404 when it never existed
    return entries;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Replanifier ou renommer une action (avec la version lue)' })
  update(@Param('id', uuid('id')) id: string, @Body() dto: UpdateActionDto, @ActorId() actor: string | null): Promise<ActionView> {
    return this.actions.update(id, dto, todayInParis(), actor);
  }

  @Put(':id/status')
  @ApiOperation({ summary: 'Mettre à jour statut, avancement et commentaire' })
  status(@Param('id', uuid('id')) id: string, @Body() dto: UpdateActionStatusDto, @ActorId() actor: string | null): Promise<ActionView> {
    return this.actions.updateStatus(id, dto, todayInParis(), actor);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', uuid('id')) id: string, @Query() q: VersionQueryDto, @ActorId() actor: string | null): Promise<void> {
    return this.actions.remove(id, q.version, actor);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Allow(Access.actionRestorer)
  @ApiOperation({ summary: 'Restaurer une action de la corbeille : même identifiant, historique et dépendances' })
  async restore(@Param('id', uuid('id')) id: string, @ActorId() actor: string | null): Promise<RestoredView<ActionView>> {
    const skippedDependencies = await this.trash.restore('action', id, actor);
    return { item: await this.read.one(id, todayInParis()), skippedDependencies };
  }

  @Post(':id/dependencies')
  @ApiOperation({ summary: 'Ajouter une action précédente (flèche du Gantt)' })
  addDependency(@Param('id', uuid('id')) id: string, @Body() dto: AddDependencyDto, @ActorId() actor: string | null): Promise<ActionView> {
    return this.actions.addDependency(id, dto, todayInParis(), actor);
  }

  @Delete(':id/dependencies/:predecessorId')
  removeDependency(
    @Param('id', uuid('id')) id: string,
    @Param('predecessorId', uuid('predecessorId')) predecessorId: string,
    @Query() q: VersionQueryDto,
    @ActorId() actor: string | null,
  ): Promise<ActionView> {
    return this.actions.removeDependency(id, predecessorId, q.version, todayInParis(), actor);
  }
}
