import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecentChangesQueryDto } from '@jalons/contract';
import type { RecentChangeView } from '@jalons/contract';

import { uuid } from '../../infra/http/params';
import { Access, Allow } from '../auth';
import { HistoryReader } from './history.reader';

@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class HistoryController {
  constructor(private readonly history: HistoryReader) {}

  @Get(':id/changes')
  @ApiOperation({ summary: 'Les dernières modifications de la feuille de route (les plus récentes d’abord)' })
  changes(@Param('id', uuid('id')) id: string, @Query() q: RecentChangesQueryDto): Promise<RecentChangeView[]> {
    return this.history.recentChanges(id, q.limit ?? 20);
  }
}
