import { Injectable } from '@nestjs/common';
import type { IsoDate, LinkedItemType } from '@jalons/domain';

import { Sql } from '../../infra/database/sql';

type Tx = Parameters<Sql['rows']>[2];

/** A meeting as a list shows it: its instance, its day, its title, how many decisions it took. */
export interface MeetingSummaryRow {
  id: string;
  roadmap_id: string;
  instance_id: string;
  instance_name: string;
  date: IsoDate;
  title: string | null;
  decisions: number;
}

export interface MeetingRow extends MeetingSummaryRow {
  minutes: string | null;
  version: number;
}

export interface AttendeeRow {
  account_id: string | null;
  name: string;
}

/** An agenda item with the action or milestone it is about (its type null when none, or once that item is deleted). */
export interface AgendaRow {
  id: string;
  label: string;
  item_type: LinkedItemType | null;
  item_id: string | null;
  item_title: string | null;
  function_id: string | null;
}

/** What a meeting's row holds besides its lists. */
export interface MeetingValues {
  instanceId: string;
  date: IsoDate;
  title: string | null;
  minutes: string | null;
}

export interface AttendeeValues {
  accountId: string | null;
  name: string;
}

export interface AgendaValues {
  label: string;
  itemType: LinkedItemType | null;
  itemId: string | null;
}

const SUMMARY_SELECT = `select m.id, m.roadmap_id, m.instance_id, i.name as instance_name, m.date::text as date, m.title,
    (select count(*)::int from decision d where d.meeting_id = m.id) as decisions
  from meeting m join governance_instance i on i.id = m.instance_id`;

/**
 * Meetings, their attendees and agenda (`meeting`, `meeting_attendee`, `agenda_item`; SQL only,
 * ADR 0012 and 0019). A meeting's lists are rewritten whole when sent; its row's version is checked
 * and moved on in the one UPDATE.
 */
@Injectable()
export class MeetingQueries {
  constructor(private readonly sql: Sql) {}

  /** A roadmap's meetings, newest first. */
  list(roadmapId: string): Promise<MeetingSummaryRow[]> {
    return this.sql.rows<MeetingSummaryRow>(`${SUMMARY_SELECT} where m.roadmap_id = ? order by m.date desc, m.created_at desc, m.id`, [
      roadmapId,
    ]);
  }

  /** The first meeting on or after `at` (`strict`: after), else undefined. */
  firstFrom(roadmapId: string, at: IsoDate, strict: boolean): Promise<MeetingSummaryRow | undefined> {
    return this.sql.one<MeetingSummaryRow>(
      `${SUMMARY_SELECT} where m.roadmap_id = ? and m.date ${strict ? '>' : '>='} ?::date order by m.date, m.created_at, m.id limit 1`,
      [roadmapId, at],
    );
  }

  /** The last meeting on or before `at`, else undefined. */
  lastUntil(roadmapId: string, at: IsoDate): Promise<MeetingSummaryRow | undefined> {
    return this.sql.one<MeetingSummaryRow>(
      `${SUMMARY_SELECT} where m.roadmap_id = ? and m.date <= ?::date order by m.date desc, m.created_at desc, m.id limit 1`,
      [roadmapId, at],
    );
  }

  /** One meeting; in a transaction with `lock`, its row stays locked until the end. */
  one(id: string, tx?: Tx, lock = false): Promise<MeetingRow | undefined> {
    return this.sql.one<MeetingRow>(
      `select s.*, m.minutes, m.version from (${SUMMARY_SELECT} where m.id = ?) s join meeting m on m.id = s.id${lock ? ' for update of m' : ''}`,
      [id],
      tx,
    );
  }

  /** Attendees in their order; an account's name as it is now (the copy once the account is gone). */
  attendees(meetingId: string): Promise<AttendeeRow[]> {
    return this.sql.rows<AttendeeRow>(
      `select t.account_id, coalesce(a.name, t.name) as name
         from meeting_attendee t left join account a on a.id = t.account_id
        where t.meeting_id = ? order by t.position`,
      [meetingId],
    );
  }

  agenda(meetingId: string): Promise<AgendaRow[]> {
    return this.sql.rows<AgendaRow>(
      `select g.id, g.label,
              case when a.id is not null then 'action' when s.id is not null then 'milestone' end as item_type,
              coalesce(a.id, s.id) as item_id, coalesce(a.title, s.title) as item_title, coalesce(a.function_id, s.function_id) as function_id
         from agenda_item g left join action a on a.id = g.action_id left join milestone s on s.id = g.milestone_id
        where g.meeting_id = ? order by g.position`,
      [meetingId],
    );
  }

  async insert(roadmapId: string, v: MeetingValues, createdBy: string | null, tx: Tx): Promise<string> {
    const [row] = await this.sql.rows<{ id: string }>(
      `insert into meeting (roadmap_id, instance_id, date, title, minutes, created_by) values (?, ?, ?, ?, ?, ?) returning id`,
      [roadmapId, v.instanceId, v.date, v.title, v.minutes, createdBy],
      tx,
    );
    return row.id;
  }

  /** Writes the row's values and moves its version on, if the version is still `version`; the new version, else undefined. */
  async update(id: string, version: number, v: MeetingValues, tx: Tx): Promise<number | undefined> {
    const row = await this.sql.one<{ version: number }>(
      `update meeting set instance_id = ?, date = ?, title = ?, minutes = ?, version = version + 1, updated_at = now()
        where id = ? and version = ? returning version`,
      [v.instanceId, v.date, v.title, v.minutes, id, version],
      tx,
    );
    return row?.version;
  }

  /** Replaces the meeting's attendees by `list`, in its order. */
  async replaceAttendees(meetingId: string, list: readonly AttendeeValues[], tx: Tx): Promise<void> {
    await this.sql.rows('delete from meeting_attendee where meeting_id = ?', [meetingId], tx);
    if (!list.length) return;
    await this.sql.rows(
      `insert into meeting_attendee (meeting_id, position, account_id, name)
       select ?, x.position, x.account_id, x.name
         from jsonb_to_recordset(?::jsonb) as x(position int, account_id uuid, name text)`,
      [meetingId, JSON.stringify(list.map((a, i) => ({ position: i + 1, account_id: a.accountId, name: a.name })))],
      tx,
    );
  }

  /** Replaces the meeting's agenda by `list`, in its order. */
  async replaceAgenda(meetingId: string, list: readonly AgendaValues[], tx: Tx): Promise<void> {
    await this.sql.rows('delete from agenda_item where meeting_id = ?', [meetingId], tx);
    if (!list.length) return;
    const rows = list.map((g, i) => ({
      position: i + 1,
      label: g.label,
      action_id: g.itemType === 'action' ? g.itemId : null,
      milestone_id: g.itemType === 'milestone' ? g.itemId : null,
    }));
    await this.sql.rows(
      `insert into agenda_item (meeting_id, position, label, action_id, milestone_id)
       select ?, x.position, x.label, x.action_id, x.milestone_id
         from jsonb_to_recordset(?::jsonb) as x(position int, label text, action_id uuid, milestone_id uuid)`,
      [meetingId, JSON.stringify(rows)],
      tx,
    );
  }

  /** Deletes a meeting (its decisions stay, without meeting); whether there was one. */
  async remove(id: string, tx?: Tx): Promise<boolean> {
    return (await this.sql.rows<{ id: string }>('delete from meeting where id = ? returning id', [id], tx)).length > 0;
  }

  /** The names of the accounts among `ids` (those that exist). */
  accountNames(ids: readonly string[], tx?: Tx): Promise<Array<{ id: string; name: string }>> {
    if (!ids.length) return Promise.resolve([]);
    return this.sql.rows<{ id: string; name: string }>('select id, name from account where id in (?)', [[...ids]], tx);
  }
}
