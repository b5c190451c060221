import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationsQueryDto, PreferencesDto } from '@jalons/contract';
import type { MeView, NotificationsView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { uuid } from '../../infra/http/params';
import type { AuthenticatedRequest } from '../auth';
import { Access, Allow, meView } from '../auth';
import { NotificationQueries } from './notifications.queries';

/** The signed-in person's reminders (the bell) and e-mail preference. */
@ApiTags('notifications')
@Controller()
@Allow(Access.signedIn)
export class NotificationsController {
  constructor(private readonly notifications: NotificationQueries) {}

  @Get('notifications')
  @ApiOperation({ summary: 'Mes rappels, les non lus d’abord, et leur nombre' })
  async list(@Req() req: AuthenticatedRequest, @Query() q: NotificationsQueryDto): Promise<NotificationsView> {
    const me = req.account!.id;
    const [items, unread] = await Promise.all([this.notifications.ofAccount(me, q.limit ?? 50), this.notifications.unreadCount(me)]);
    return { unread, items };
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marquer un rappel comme lu' })
  async read(@Param('id', uuid('id')) id: string, @Req() req: AuthenticatedRequest): Promise<void> {
    if (!(await this.notifications.markRead(id, req.account!.id))) throw ApiException.notFound('Le rappel', id);
  }

  @Post('notifications/read-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marquer tous mes rappels comme lus' })
  async readAll(@Req() req: AuthenticatedRequest): Promise<void> {
    await this.notifications.markAllRead(req.account!.id);
  }

  @Put('auth/preferences')
  @ApiOperation({ summary: 'Mes préférences de courriel : récapitulatif quotidien, hebdomadaire ou aucun' })
  async preferences(@Body() dto: PreferencesDto, @Req() req: AuthenticatedRequest): Promise<MeView> {
    await this.notifications.setDigest(req.account!.id, dto.digest);
    return meView({ ...req.account!, digest: dto.digest });
  }
}
