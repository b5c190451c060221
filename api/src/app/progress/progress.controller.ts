import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SCurveQueryDto } from '@jalons/contract';
import type { SCurveView } from '@jalons/contract';

import { uuid } from '../../infra/http/params';
import { Access, Allow } from '../auth';
import { ProgressReader } from './progress.reader';

@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class ProgressController {
  constructor(private readonly progress: ProgressReader) {}

  @Get(':id/s-curve')
  @ApiOperation({
    summary:
      'La courbe en S : avancement prévu (dates du plan, ou d’une référence avec ?baseline=) et réalisé (rejoué depuis l’historique), fin de chaque mois et aujourd’hui — feuille de route, phase ou fonction',
  })
  sCurve(@Param('id', uuid('id')) id: string, @Query() q: SCurveQueryDto): Promise<SCurveView> {
    return this.progress.sCurve(id, { scope: q.scope, scopeId: q.scopeId, baselineId: q.baseline });
  }
}
