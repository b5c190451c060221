import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MonthlySummaryDto } from '@jalons/contract';
import type { MonthlySummaryView } from '@jalons/contract';

import type { AuthenticatedRequest } from '../auth';
import { Access, Allow } from '../auth';
import { SummaryQueries } from './summaries.queries';

/** The signed-in person's choice of the monthly summary by e-mail (Mon compte). */
@ApiTags('summaries')
@Controller('account/summary')
@Allow(Access.signedIn)
export class SummariesController {
  constructor(private readonly queries: SummaryQueries) {}

  @Get()
  @ApiOperation({ summary: 'Mon point mensuel par courriel : reçu ou non (par défaut : oui pour les élus)' })
  async get(@Req() req: AuthenticatedRequest): Promise<MonthlySummaryView> {
    return { enabled: await this.queries.enabled(req.account!.id) };
  }

  @Put()
  @ApiOperation({ summary: 'Recevoir ou non le point mensuel de chaque feuille de route ouverte, le premier lundi du mois' })
  async put(@Body() dto: MonthlySummaryDto, @Req() req: AuthenticatedRequest): Promise<MonthlySummaryView> {
    await this.queries.setEnabled(req.account!.id, dto.enabled);
    return { enabled: dto.enabled };
  }
}
