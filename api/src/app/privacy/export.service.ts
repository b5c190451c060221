import { Injectable } from '@nestjs/common';
import type { PersonalDataExport } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { ExportQueries } from './export.queries';

/** A person's own data, as `GET /api/account/data` gives it (the right of access, RGPD art. 15). */
@Injectable()
export class PersonalDataService {
  constructor(private readonly queries: ExportQueries) {}

  async exportOf(accountId: string): Promise<PersonalDataExport> {
    const q = this.queries;
    const account = await q.account(accountId);
    if (!account) throw ApiException.notFound('Le compte', accountId);
    const [sessions, calendarFeeds, notifications, emails, history] = await Promise.all([
      q.sessions(accountId),
      q.calendarFeeds(accountId),
      q.notifications(accountId),
      q.emails(accountId),
      q.history(accountId),
    ]);
    const [functions, actions, milestones, measurements, evidence, baselines, meetings, decisions] = await Promise.all([
      q.ownedFunctions(accountId),
      q.ownedActions(accountId),
      q.ownedMilestones(accountId),
      q.measurements(accountId),
      q.evidence(accountId),
      q.baselines(accountId),
      q.meetings(accountId),
      q.decisions(accountId),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      account,
      sessions,
      calendarFeeds,
      notifications,
      emails,
      history,
      owned: { functions, actions, milestones },
      measurements,
      evidence,
      baselines,
      meetings,
      decisions,
    };
  }
}
