import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ChronogramQueryDto } from '@jalons/contract';

import { uuid } from '../../infra/http/params';
import { referenceDay } from '../../infra/http/today';
import { seesEmails } from '../accounts';
import type { AuthenticatedRequest } from '../auth';
import { Access, Allow } from '../auth';
import { ChronogramReader } from './chronogram.reader';

@ApiTags('roadmaps')
@Controller('roadmaps')
@Allow(Access.signedIn)
export class ChronogramController {
  constructor(private readonly chronograms: ChronogramReader) {}

  @Get(':id/chronogram')
  @ApiOperation({
    summary:
      'Tout ce qu’il faut à un Gantt, pour la feuille de route ou une de ses fonctions (avec ?baseline= : les dates de cette référence)',
  })
  @ApiOkResponse({
    description:
      'ChronogramWire (libs/shared/contract/src/lib/chronogram-wire.ts, ADR 0034): the ChronogramView with its actions and milestones ' +
      'as tables ({ columns, rows }) and without dependencies (the actions’ predecessorIds); chronogramOf() rebuilds the view. ' +
      'With a weak ETag: If-None-Match gives a 304 while the roadmap is unchanged',
  })
  async chronogram(
    @Param('id', uuid('id')) id: string,
    @Query() q: ChronogramQueryDto,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const emails = seesEmails(req.account!.role);
    const { body, etag } = await this.chronograms.json(id, referenceDay(q.at), q.functionId, emails, q.baseline);
    // its own ETag, from the roadmap's revision (infra/http/etag.ts leaves it); no-store as every signed-in read (issue #16):
    // the web app keeps the body in memory and revalidates it with this ETag (ADR 0030)
    res.setHeader('ETag', etag);
    // the bytes themselves (wire-bytes.ts): express answers 304 itself when If-None-Match matches
    res.type('application/json').send(body);
  }
}
