import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateCalendarDto } from '@jalons/contract';
import type { CalendarFeedView } from '@jalons/contract';
import type { Response } from 'express';

import { ApiException } from '../../infra/http/errors';
import { uuid } from '../../infra/http/params';
import type { AuthenticatedRequest } from '../auth';
import { Access, Allow } from '../auth';
import { CalendarsService } from './calendars.service';

@ApiTags('calendars')
@Controller('calendars')
@Allow(Access.signedIn)
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get()
  @ApiOperation({ summary: 'Mes calendriers abonnables' })
  list(@Req() req: AuthenticatedRequest): Promise<CalendarFeedView[]> {
    return this.calendars.list(req.account!);
  }

  @Post()
  @ApiOperation({ summary: 'Créer une adresse de calendrier (iCalendar) secrète : mes échéances, une fonction ou une feuille de route' })
  create(@Body() dto: CreateCalendarDto, @Req() req: AuthenticatedRequest): Promise<CalendarFeedView> {
    return this.calendars.create(dto, req.account!);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Révoquer une adresse de calendrier (elle répond 404 ensuite)' })
  revoke(@Param('id', uuid('id')) id: string, @Req() req: AuthenticatedRequest): Promise<void> {
    return this.calendars.revoke(id, req.account!);
  }

  @Get('feeds/:file')
  @Allow(Access.public)
  @ApiOperation({ summary: 'Le calendrier (text/calendar) derrière une adresse secrète' })
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const token = String(file).replace(/\.ics$/, '');
    const body = /^[\w-]{20,100}$/.test(token) ? await this.calendars.feed(token) : null;
    if (body === null)
      throw new ApiException({
        statusCode: 404,
        error: 'not_found',
        message: 'Aucun calendrier à cette adresse (elle a pu être révoquée).',
      });
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.send(body);
  }
}
