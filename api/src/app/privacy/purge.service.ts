import { Inject, Injectable } from '@nestjs/common';
import { todayInParis } from '@jalons/domain';

import { APP_CONFIG } from '../../infra/config/config';
import type { AppConfig } from '../../infra/config/config';
import { PrivacyQueries, RETENTION_RULES } from './privacy.queries';
import type { PurgedTable } from './privacy.queries';

/** What a purge deleted (or, dry, would delete), per table. */
export interface PurgeReport {
  day: string;
  dryRun: boolean;
  counts: Record<PurgedTable, number>;
}

/**
 * The retention periods the privacy notice states, enforced (issue 13, ADR 0027): ended sessions,
 * spent one-time links, e-mails sent or given up, old reminders, and sign-in counters whose window ended.
 * Runs daily on the reminders' tick (PurgeScheduler) and as `npm run purge [-- --dry-run]`; running
 * it twice deletes nothing more.
 */
@Injectable()
export class PurgeService {
  constructor(
    private readonly queries: PrivacyQueries,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'retention' | 'sessionIdleMinutes' | 'loginWindowMinutes'>,
  ) {}

  async run(day: string = todayInParis(), options: { dryRun?: boolean } = {}): Promise<PurgeReport> {
    const dryRun = options.dryRun ?? false;
    const r = this.config.retention;
    const rules: Array<[PurgedTable, ReturnType<(typeof RETENTION_RULES)[PurgedTable]>]> = [
      ['session', RETENTION_RULES.session(day, r.sessionsDays, this.config.sessionIdleMinutes)],
      ['account_token', RETENTION_RULES.account_token(day, r.tokensDays)],
      ['notification', RETENTION_RULES.notification(day, r.notificationsDays)],
      ['outbox', RETENTION_RULES.outbox(day, r.outboxDays)],
      ['login_throttle', RETENTION_RULES.login_throttle(this.config.loginWindowMinutes)],
    ];
    const counts = {} as Record<PurgedTable, number>;
    for (const [table, rule] of rules) counts[table] = await this.queries.purge(table, rule, dryRun);
    return { day, dryRun, counts };
  }
}
