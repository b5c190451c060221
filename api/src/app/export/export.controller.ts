import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExportQueryDto } from '@jalons/contract';

import { uuid } from '../../infra/http/params';
import { referenceDay } from '../../infra/http/today';
import { Access, Allow } from '../auth';
import { ExportService } from './export.service';

@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class ExportController {
  constructor(private readonly exporter: ExportService) {}

  @Get(':id/export')
  @ApiOperation({ summary: 'Exporter la feuille de route : tableur XLSX (synthèse, actions, jalons) ou CSV des actions' })
  async export(@Param('id', uuid('id')) id: string, @Query() q: ExportQueryDto, @Res() res: Response): Promise<void> {
    const file = await this.exporter.export(id, q.format, referenceDay(q.at));
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.send(file.body);
  }
}
