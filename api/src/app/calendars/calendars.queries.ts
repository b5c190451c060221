import { Injectable } from '@nestjs/common';
import type { CalendarFeedView, CalendarScope } from '@jalons/contract';

import { isoInstant, Sql } from '../../infra/database/sql';

/** A feed as its owner lists it (the secret address is given once, at creation, by the service). */
export type CalendarFeedRow = Omit<CalendarFeedView, 'url'>;

/** What a live feed's token opens. */
export interface FeedTargetRow {
  scope: CalendarScope;
  target_id: string;
  label: string;
}

/** An action's due date or a milestone's date, as one all-day event of a feed. */
export interface EventRow {
  kind: 'action' | 'milestone';
  id: string;
  title: string;
  day: string;
  status: string | null;
  progress: number | null;
  achieved_on: string | null;
  function_name: string;
  territory: string;
  /** the roadmap's address, for the link to the item (/r/<slug>/…) */
  roadmap_slug: string;
  /** the last change of what the event says (the item, its function's name, the roadmap's territory): its DTSTAMP */
  revised_at: string;
}

const FEED_COLUMNS = `id, scope, target_id as "targetId", label,
  ${isoInstant('created_at')} as "createdAt",
  ${isoInstant('revoked_at')} as "revokedAt"`;

/** What names the target of a feed, by scope (the target's id is the parameter). */
const LABEL_OF: Record<CalendarScope, string> = {
  person: `select 'Échéances de ' || name as label from account where id = ?`,
  function: `select f.name || ' — ' || r.territory as label from target_function f join roadmap r on r.id = f.roadmap_id where f.id = ?`,
  roadmap: `select r.territory || ' — ' || r.mandate_label as label from roadmap r where r.id = ?`,
};

/** Which events a feed follows, by scope: `x` is an event with its roadmap, function and owner (the item's, else its function's). */
const FOLLOWED_BY: Record<CalendarScope, string> = {
  roadmap: 'x.roadmap_id = ?',
  function: 'x.function_id = ?',
  person: 'x.owner_id = ?',
};

/** Calendar feeds (`calendar_feed`) behind secret addresses, and the dated items they publish. */
@Injectable()
export class CalendarsQueries {
  constructor(private readonly sql: Sql) {}

  /** Stores a new feed (its token as the hash) and returns it as listed. */
  async insert(feed: {
    tokenHash: string;
    accountId: string;
    scope: CalendarScope;
    targetId: string;
    label: string;
  }): Promise<CalendarFeedRow> {
    const [row] = await this.sql.rows<CalendarFeedRow>(
      `with f as (insert into calendar_feed (id, token_hash, account_id, scope, target_id, label, created_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, now()) returning *)
       select ${FEED_COLUMNS} from f`,
      [feed.tokenHash, feed.accountId, feed.scope, feed.targetId, feed.label],
    );
    return row;
  }

  /** How a feed of this scope on this target is named; undefined when there is no such target. */
  async targetLabel(scope: CalendarScope, targetId: string): Promise<string | undefined> {
    return (await this.sql.one<{ label: string }>(LABEL_OF[scope], [targetId]))?.label;
  }

  /** The account's feeds: live ones first, newest first. */
  ofAccount(accountId: string): Promise<CalendarFeedRow[]> {
    return this.sql.rows<CalendarFeedRow>(
      `select ${FEED_COLUMNS} from calendar_feed where account_id = ? order by revoked_at is not null, created_at desc`,
      [accountId],
    );
  }

  /** Revokes the feed when it is the account's or `anyAccount` (an administrator); false when no feed was there to revoke. */
  async revoke(id: string, accountId: string, anyAccount: boolean): Promise<boolean> {
    const rows = await this.sql.rows<{ id: string }>(
      `update calendar_feed set revoked_at = coalesce(revoked_at, now()) where id = ? and (account_id = ? or ?) returning id`,
      [id, accountId, anyAccount],
    );
    return rows.length > 0;
  }

  /** The live feed with this token hash: not revoked, and its account active (a deactivated account's addresses stop working with it). */
  byToken(tokenHash: string): Promise<FeedTargetRow | undefined> {
    return this.sql.one<FeedTargetRow>(
      'select f.scope, f.target_id, f.label from calendar_feed f join account a on a.id = f.account_id and a.active where f.token_hash = ? and f.revoked_at is null',
      [tokenHash],
    );
  }

  /** The events a feed publishes: actions' due dates (abandoned ones left out) and milestones' dates, by day then title. */
  events(scope: CalendarScope, targetId: string): Promise<EventRow[]> {
    return this.sql.rows<EventRow>(
      `select x.* from (
         select 'action' as kind, a.id, a.title, a.due_date::text as day, a.status, a.progress, null as achieved_on, f.name as function_name, r.territory, r.slug as roadmap_slug,
                ${isoInstant('greatest(a.updated_at, f.updated_at, r.updated_at)')} as revised_at,
                a.roadmap_id, a.function_id, coalesce(a.owner_id, f.owner_id) as owner_id
           from action a join target_function f on f.id = a.function_id join roadmap r on r.id = a.roadmap_id
          where a.status <> 'abandonnee'
         union all
         select 'milestone', m.id, m.title, m.milestone_date::text, null, null, m.achieved_on::text, f.name, r.territory, r.slug,
                ${isoInstant('greatest(m.updated_at, f.updated_at, r.updated_at)')},
                m.roadmap_id, m.function_id, coalesce(m.owner_id, f.owner_id)
           from milestone m join target_function f on f.id = m.function_id join roadmap r on r.id = m.roadmap_id
       ) x where ${FOLLOWED_BY[scope]} order by x.day, x.title`,
      [targetId],
    );
  }
}
