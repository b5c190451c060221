import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { NotificationsQueryDto, PreferencesDto } from '@jalons/contract';
import type { MeView, NotificationsView, NotificationView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { uuid } from '../../infra/http/params';
import type { AuthenticatedRequest } from '../auth';
import { meView } from '../auth';
import { Access, Allow } from '../auth';

/** The signed-in person's reminders (the bell) and e-mail preference. */
@ApiTags('notifications')
@Controller()
@Allow(Access.signedIn)
export class NotificationsController {
  constructor(private readonly em: EntityManager) {}

  private get sql() {
    return this.em.getConnection();
  }

  @Get('notifications')
  @ApiOperation({ summary: 'Mes rappels, les non lus d’abord, et leur nombre' })
  async list(@Req() req: AuthenticatedRequest, @Query() q: NotificationsQueryDto): Promise<NotificationsView> {
    const me = req.account!.id;
    const [items, [{ unread }]] = await Promise.all([
      this.sql.execute<NotificationView[]>(
        `select id, roadmap_id as "roadmapId", item_type as "itemType", item_id as "itemId", rule, due_date::text as "dueDate", run_date::text as "runDate", title,
                to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
                to_char(read_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "readAt"
           from notification where account_id = ?
          order by read_at is not null, run_date desc, due_date, title limit ?`,
        [me, q.limit ?? 50],
      ),
      this.sql.execute<Array<{ unread: number }>>(
        'select count(*)::int as unread from notification where account_id = ? and read_at is null',
        [me],
      ),
    ]);
    return { unread, items };
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marquer un rappel comme lu' })
  async read(@Param('id', uuid('id')) id: string, @Req() req: AuthenticatedRequest): Promise<void> {
    const rows = await this.sql.execute<Array<{ id: string }>>(
      'update notification set read_at = coalesce(read_at, now()) where id = ? and account_id = ? returning id',
      [id, req.account!.id],
    );
    if (!rows.length) throw ApiException.notFound('Le rappel', id);
  }

  @Post('notifications/read-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marquer tous mes rappels comme lus' })
  async readAll(@Req() req: AuthenticatedRequest): Promise<void> {
    await this.sql.execute('update notification set read_at = now() where account_id = ? and read_at is null', [req.account!.id]);
  }

  @Put('auth/preferences')
  @ApiOperation({ summary: 'Mes préférences de courriel : récapitulatif quotidien, hebdomadaire ou aucun' })
  async preferences(@Body() dto: PreferencesDto, @Req() req: AuthenticatedRequest): Promise<MeView> {
    await this.sql.execute('update account set digest = ? where id = ?', [dto.digest, req.account!.id]);
    return meView({ ...req.account!, digest: dto.digest });
  }
}
