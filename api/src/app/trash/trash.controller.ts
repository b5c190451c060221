import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TrashEntryView } from '@jalons/contract';

import { uuid } from '../../infra/http/params';
import { Access, Allow } from '../auth';
import type { AuthenticatedRequest } from '../auth';
import { TrashReader } from './trash.reader';

/** A roadmap's Corbeille. The restores are the items' own routes (POST /api/actions|milestones/:id/restore). */
@ApiTags('roadmaps')
@Controller('roadmaps')
export class TrashController {
  constructor(private readonly read: TrashReader) {}

  @Get(':id/trash')
  @Allow(Access.author)
  @ApiOperation({ summary: 'La corbeille : les actions et jalons supprimés depuis moins de 90 jours, les plus récents d’abord' })
  list(@Param('id', uuid('id')) id: string, @Req() req: AuthenticatedRequest): Promise<TrashEntryView[]> {
    return this.read.list(id, req.account ?? null);
  }
}
