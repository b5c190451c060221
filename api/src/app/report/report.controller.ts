import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReportQueryDto } from '@jalons/contract';

import { uuid } from '../../infra/http/params';
import { Access, Allow } from '../auth';
import { ReportService } from './report.service';

@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  @Get(':id/report')
  @ApiOperation({ summary: 'Rapport au conseil à une date : PDF (A4 portrait ou A3 paysage) ou page web, en français ou en anglais' })
  async report(@Param('id', uuid('id')) id: string, @Query() q: ReportQueryDto, @Res() res: Response): Promise<void> {
    const file = await this.reports.render(id, {
      at: q.at,
      format: q.format,
      paper: q.paper,
      lang: q.lang,
      baselineId: q.baseline,
      since: q.since,
    });
    res.setHeader('Content-Type', file.contentType);
    // the PDF is downloaded; the web version opens in the browser (its name kept for « Enregistrer sous »)
    res.setHeader(
      'Content-Disposition',
      `${file.contentType === 'application/pdf' ? 'attachment' : 'inline'}; filename="${file.filename}"`,
    );
    res.send(file.body);
  }
}
