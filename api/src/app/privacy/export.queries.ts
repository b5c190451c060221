import { Injectable } from '@nestjs/common';
import type {
  PersonalAccountData,
  PersonalBaselineData,
  PersonalCalendarFeedData,
  PersonalDecisionData,
  PersonalEmailData,
  PersonalEvidenceData,
  PersonalHistoryData,
  PersonalMeasurementData,
  PersonalMeetingData,
  PersonalNotificationData,
  PersonalOwnedItemData,
  PersonalSessionData,
} from '@jalons/contract';

import { isoInstant, Sql } from '../../infra/database/sql';

/**
 * What one account's export reads (`GET /api/account/data`): every table that names an account
 * (`grep -rn 'references "account"' api/src/migrations`), each shaped straight into the contract's
 * parts. Secrets are never selected: no password hash, no token, no token hash, no anti-CSRF token.
 */
@Injectable()
export class ExportQueries {
  constructor(private readonly sql: Sql) {}

  account(id: string): Promise<PersonalAccountData | undefined> {
    return this.sql.one<PersonalAccountData>(
      `select id, name, email, role, ${isoInstant('created_at')} as "createdAt", ${isoInstant('last_login_at')} as "lastLoginAt",
              digest, monthly_summary as "monthlySummary"
         from account where id = ?`,
      [id],
    );
  }

  sessions(id: string): Promise<PersonalSessionData[]> {
    return this.sql.rows<PersonalSessionData>(
      `select ${isoInstant('created_at')} as "createdAt", ${isoInstant('last_seen_at')} as "lastSeenAt", ${isoInstant('expires_at')} as "expiresAt"
         from session where account_id = ? order by created_at`,
      [id],
    );
  }

  calendarFeeds(id: string): Promise<PersonalCalendarFeedData[]> {
    return this.sql.rows<PersonalCalendarFeedData>(
      `select scope, label, ${isoInstant('created_at')} as "createdAt", ${isoInstant('revoked_at')} as "revokedAt"
         from calendar_feed where account_id = ? order by created_at`,
      [id],
    );
  }

  notifications(id: string): Promise<PersonalNotificationData[]> {
    return this.sql.rows<PersonalNotificationData>(
      `select r.slug as roadmap, n.item_type as "itemType", n.title, n.rule, to_char(n.due_date, 'YYYY-MM-DD') as "dueDate",
              ${isoInstant('n.created_at')} as "createdAt", ${isoInstant('n.read_at')} as "readAt"
         from notification n join roadmap r on r.id = n.roadmap_id
        where n.account_id = ? order by n.created_at, n.id`,
      [id],
    );
  }

  emails(id: string): Promise<PersonalEmailData[]> {
    return this.sql.rows<PersonalEmailData>(
      `select kind, subject, status, ${isoInstant('created_at')} as "createdAt", ${isoInstant('sent_at')} as "sentAt"
         from outbox where account_id = ? order by created_at, id`,
      [id],
    );
  }

  /** The lines they wrote; the item's title from the item, or from the Corbeille when it was deleted. */
  history(id: string): Promise<PersonalHistoryData[]> {
    return this.sql.rows<PersonalHistoryData>(
      `select ${isoInstant('h.at')} as at, r.slug as roadmap, h.item_type as "itemType",
              coalesce(a.title, m.title, (select d.title from deleted_item d where d.item_id = h.item_id order by d.deleted_at desc limit 1)) as "itemTitle",
              h.field, h.from_value as "from", h.to_value as "to", h.comment, h.reason
         from change_history h join roadmap r on r.id = h.roadmap_id
         left join action a on h.item_type = 'action' and a.id = h.item_id
         left join milestone m on h.item_type = 'milestone' and m.id = h.item_id
        where h.actor_id = ? order by h.at, h.id`,
      [id],
    );
  }

  ownedFunctions(id: string): Promise<PersonalOwnedItemData[]> {
    return this.sql.rows<PersonalOwnedItemData>(
      `select r.slug as roadmap, f.name as title from target_function f join roadmap r on r.id = f.roadmap_id
        where f.owner_id = ? order by r.slug, f.position`,
      [id],
    );
  }

  ownedActions(id: string): Promise<PersonalOwnedItemData[]> {
    return this.sql.rows<PersonalOwnedItemData>(
      `select r.slug as roadmap, a.title from action a join roadmap r on r.id = a.roadmap_id where a.owner_id = ? order by r.slug, a.due_date, a.id`,
      [id],
    );
  }

  ownedMilestones(id: string): Promise<PersonalOwnedItemData[]> {
    return this.sql.rows<PersonalOwnedItemData>(
      `select r.slug as roadmap, m.title from milestone m join roadmap r on r.id = m.roadmap_id
        where m.owner_id = ? order by r.slug, m.milestone_date, m.id`,
      [id],
    );
  }

  async measurements(id: string): Promise<PersonalMeasurementData[]> {
    const rows = await this.sql.rows<Omit<PersonalMeasurementData, 'value'> & { value: string }>(
      `select r.slug as roadmap, i.name as indicator, to_char(x.measured_on, 'YYYY-MM-DD') as "measuredOn", x.value::text as value,
              x.comment, x.source_url as "sourceUrl", ${isoInstant('x.created_at')} as "createdAt"
         from measurement x join indicator i on i.id = x.indicator_id
         join target_function f on f.id = i.function_id join roadmap r on r.id = f.roadmap_id
        where x.recorded_by = ? order by x.measured_on, x.id`,
      [id],
    );
    return rows.map((r) => ({ ...r, value: Number(r.value) }));
  }

  evidence(id: string): Promise<PersonalEvidenceData[]> {
    return this.sql.rows<PersonalEvidenceData>(
      `select title, url, kind, ${isoInstant('added_at')} as "addedAt" from evidence where added_by = ? order by added_at, id`,
      [id],
    );
  }

  baselines(id: string): Promise<PersonalBaselineData[]> {
    return this.sql.rows<PersonalBaselineData>(
      `select r.slug as roadmap, b.number, b.label, ${isoInstant('b.created_at')} as "createdAt"
         from baseline b join roadmap r on r.id = b.roadmap_id where b.created_by = ? order by b.created_at, b.id`,
      [id],
    );
  }

  meetings(id: string): Promise<PersonalMeetingData[]> {
    return this.sql.rows<PersonalMeetingData>(
      `select r.slug as roadmap, g.name as instance, to_char(m.date, 'YYYY-MM-DD') as date, m.title
         from meeting_attendee t join meeting m on m.id = t.meeting_id
         join governance_instance g on g.id = m.instance_id join roadmap r on r.id = m.roadmap_id
        where t.account_id = ? order by m.date, m.id`,
      [id],
    );
  }

  decisions(id: string): Promise<PersonalDecisionData[]> {
    return this.sql.rows<PersonalDecisionData>(
      `select r.slug as roadmap, to_char(d.date, 'YYYY-MM-DD') as date, d.kind, d.text
         from decision d join roadmap r on r.id = d.roadmap_id where d.created_by = ? order by d.date, d.id`,
      [id],
    );
  }
}
