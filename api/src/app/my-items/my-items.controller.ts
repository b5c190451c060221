import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MyItemsQueryDto } from '@jalons/contract';
import type { MyItemsView } from '@jalons/contract';

import { referenceDay } from '../../infra/http/today';
import type { AuthenticatedRequest } from '../auth';
import { Access, Allow } from '../auth';
import { MyItemsReader } from './my-items.reader';

@ApiTags('me')
@Controller('me')
@Allow(Access.signedIn)
export class MyItemsController {
  constructor(private readonly read: MyItemsReader) {}

  @Get('items')
  @ApiOperation({
    summary: 'Mes échéances : mes actions et jalons ouverts, par feuille de route, les retards d’abord (?within=N : dus sous N jours)',
  })
  items(@Query() q: MyItemsQueryDto, @Req() req: AuthenticatedRequest): Promise<MyItemsView> {
    return this.read.of(req.account!.id, referenceDay(q.at), q.within);
  }
}
