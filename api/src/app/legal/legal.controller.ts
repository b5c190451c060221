import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicInstanceView } from '@jalons/contract';
import { ACCESSIBILITY_AUDIT_DATE, ACCESSIBILITY_STATEMENT_PATH, ACCESSIBILITY_STATUS } from '@jalons/domain';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { Access, Allow } from '../auth';

/**
 * The facts the legal pages show (« Mentions légales », « Données personnelles », « Déclaration
 * d'accessibilité »): who publishes this instance, how long personal traces are kept, the accessibility
 * status. Copied field by field from the settings, so that no other setting can slip out.
 */
@ApiTags('public')
@Controller('public/instance')
@Allow(Access.public)
export class LegalController {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl' | 'legal' | 'retention'>) {}

  @Get()
  @ApiOperation({ summary: 'L’éditeur de cette instance, les durées de conservation et l’état d’accessibilité' })
  instance(): PublicInstanceView {
    const { legal, retention, publicUrl } = this.config;
    return {
      name: 'Jalons',
      publicUrl,
      legal: {
        editor: legal.editor,
        address: legal.address,
        contactEmail: legal.contactEmail,
        publicationDirector: legal.publicationDirector,
        host: legal.host,
        dpoContact: legal.dpoContact,
      },
      retention: {
        sessionsDays: retention.sessionsDays,
        tokensDays: retention.tokensDays,
        outboxDays: retention.outboxDays,
        notificationsDays: retention.notificationsDays,
      },
      accessibility: { status: ACCESSIBILITY_STATUS, auditDate: ACCESSIBILITY_AUDIT_DATE, statementPath: ACCESSIBILITY_STATEMENT_PATH },
    };
  }
}
