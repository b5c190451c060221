import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AtQueryDto, UpdateMilestoneDto, VersionQueryDto } from '@jalons/contract';
import type { HistoryEntryView, MilestoneView, RestoredView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { uuid } from '../../infra/http/params';
import { referenceDay } from '../../infra/http/today';
import { Access, ActorId, Allow } from '../auth';
import { HistoryReader } from '../history';
import { TrashService } from '../trash';
import { MilestonesReader } from './milestones.reader';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@Controller('milestones')
@Allow(Access.milestoneWriter)
export class MilestonesController {
  constructor(
    private readonly read: MilestonesReader,
    private readonly changes: HistoryReader,
    private readonly milestones: MilestonesService,
    private readonly trash: TrashService,
  ) {}

  @Get(':id')
  @Allow(Access.signedIn)
  get(@Param('id', uuid('id')) id: string, @Query() q: AtQueryDto): Promise<MilestoneView> {
    return this.read.one(id, referenceDay(q.at));
  }

  @Get(':id/history')
  @Allow(Access.signedIn)
  @ApiOperation({ summary: 'L’historique d’un jalon' })
  async history(@Param('id', uuid('id')) id: string): Promise<HistoryEntryView[]> {
    const entries = await this.changes.ofItem('milestone', id);
    if (!entries.length) await this.read.one(id, todayInParis());
    return entries;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Modifier un jalon ou le marquer atteint (avec la version lue)' })
  update(@Param('id', uuid('id')) id: string, @Body() dto: UpdateMilestoneDto, @ActorId() actor: string | null): Promise<MilestoneView> {
    const today = todayInParis();
    return this.milestones.update(id, dto, today, today, actor);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Allow(Access.milestoneRestorer)
  @ApiOperation({ summary: 'Restaurer un jalon de la corbeille : même identifiant, historique' })
  async restore(@Param('id', uuid('id')) id: string, @ActorId() actor: string | null): Promise<RestoredView<MilestoneView>> {
    const skippedDependencies = await this.trash.restore('milestone', id, actor);
    return { item: await this.read.one(id, todayInParis()), skippedDependencies };
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', uuid('id')) id: string, @Query() q: VersionQueryDto, @ActorId() actor: string | null): Promise<void> {
    return this.milestones.remove(id, q.version, actor);
  }
}
