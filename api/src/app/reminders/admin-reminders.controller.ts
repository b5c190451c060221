import { Body, Controller, Get, HttpCode, Inject, Logger, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RunRemindersDto, TestMailDto } from '@jalons/contract';
import type { RemindersStatusView, RunReportView } from '@jalons/contract';
import { formatFrDate, todayInParis } from '@jalons/domain';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { ApiException } from '../../infra/http/errors';
import { uuid } from '../../infra/http/params';
import { MailService, linkMail } from '../../infra/mail/mail.service';
import type { AuthenticatedRequest } from '../auth';
import { Access, Allow } from '../auth';
import { OutboxQueries } from './outbox.queries';
import { OutboxService } from './outbox.service';
import { ReminderQueries } from './reminders.queries';
import { RemindersService } from './reminders.service';

/** The administrator's view of the reminder job and of the e-mails. */
@ApiTags('admin')
@Controller('admin')
@Allow(Access.admin)
export class AdminRemindersController {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly reminders: RemindersService,
    private readonly outbox: OutboxService,
    private readonly runs: ReminderQueries,
    private readonly messages: OutboxQueries,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'remindersEnabled' | 'remindersCron' | 'publicUrl'>,
  ) {}

  @Get('reminders')
  @ApiOperation({ summary: 'Les dernières exécutions du rappel et l’état des envois' })
  async status(): Promise<RemindersStatusView> {
    const [runs, counts, problems, backlog] = await Promise.all([
      this.runs.recentRuns(20),
      this.messages.countsByStatus(),
      this.messages.problems(50),
      this.messages.backlog(),
    ]);
    const count = (s: keyof typeof counts) => counts[s] ?? 0;
    return {
      enabled: this.config.remindersEnabled,
      cron: this.config.remindersCron,
      smtpConfigured: this.mail.configured,
      runs,
      counts: { pending: count('pending'), sending: count('sending'), sent: count('sent'), failed: count('failed') },
      problems,
      backlog,
    };
  }

  @Post('reminders/run')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Lancer le rappel maintenant (pour aujourd’hui ou un jour passé) ; ce qui a déjà été envoyé ne l’est pas deux fois',
  })
  run(@Body() dto: RunRemindersDto): Promise<RunReportView> {
    const today = todayInParis();
    // a day to come is run on that day (the CLI's --dry-run shows it beforehand); see ADR 0009
    if (dto.date && dto.date > today) {
      throw ApiException.rule([
        {
          field: 'date',
          message: `Le rappel ne se lance pas pour un jour à venir : choisissez aujourd’hui (${formatFrDate(today)}) ou un jour passé ; celui du ${formatFrDate(dto.date)} pourra l’être à partir de ce jour-là.`,
        },
      ]);
    }
    return this.reminders.run(dto.date ?? today, 'admin');
  }

  @Post('outbox/:id/retry')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remettre un courriel en échec dans la file d’envoi' })
  async retry(@Param('id', uuid('id')) id: string): Promise<void> {
    if (!(await this.outbox.retry(id))) throw ApiException.notFound('Le courriel en échec', id);
    this.outbox.deliverDue().catch((e) => this.logger.error(`sending after a retry failed: ${(e as Error).message}`));
  }

  @Post('test-mail')
  @HttpCode(200)
  @ApiOperation({ summary: 'Envoyer un courriel d’essai (à soi par défaut)' })
  async testMail(@Body() dto: TestMailDto, @Req() req: AuthenticatedRequest): Promise<{ sent: boolean; to: string; error: string | null }> {
    const to = dto.to ?? req.account!.email;
    try {
      await this.mail.deliver(
        linkMail(
          to,
          'Jalons : courriel d’essai',
          ['Ce courriel d’essai confirme que Jalons peut envoyer des rappels.'],
          { label: 'Ouvrir Jalons', url: this.config.publicUrl },
          `Envoyé à la demande de ${req.account!.name}.`,
        ),
        `<test-${Date.now()}@jalons>`,
      );
      return { sent: true, to, error: null };
    } catch (e) {
      return { sent: false, to, error: (e as Error).message };
    }
  }
}
