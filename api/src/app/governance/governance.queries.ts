import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@jalons/domain';
import type { AgendaItemView, DecisionView, InstanceView, LinkedItemView, MeetingSummaryView, MeetingView } from '@jalons/contract';

import { DecisionQueries } from './decisions.queries';
import type { DecisionFilter, DecisionItemRow, DecisionRow } from './decisions.queries';
import type { InstanceRow } from './instances.queries';
import { MeetingQueries } from './meetings.queries';
import type { AgendaRow, MeetingRow, MeetingSummaryRow } from './meetings.queries';

export const instanceView = (r: InstanceRow): InstanceView => ({
  id: r.id,
  roadmapId: r.roadmap_id,
  name: r.name,
  description: r.description,
  meetings: r.meetings,
});

export const meetingSummaryView = (r: MeetingSummaryRow): MeetingSummaryView => ({
  id: r.id,
  instance: { id: r.instance_id, name: r.instance_name },
  date: r.date,
  title: r.title,
  decisions: r.decisions,
});

const linked = (r: DecisionItemRow): LinkedItemView => ({ type: r.item_type, id: r.item_id, title: r.title, functionId: r.function_id });

const agendaView = (r: AgendaRow): AgendaItemView => ({
  id: r.id,
  label: r.label,
  item:
    r.item_type && r.item_id && r.item_title && r.function_id
      ? { type: r.item_type, id: r.item_id, title: r.item_title, functionId: r.function_id }
      : null,
});

function decisionView(r: DecisionRow, items: readonly DecisionItemRow[]): DecisionView {
  return {
    id: r.id,
    roadmapId: r.roadmap_id,
    meetingId: r.meeting_id,
    meeting: r.meeting_id && r.meeting_date ? { id: r.meeting_id, date: r.meeting_date, instanceName: r.instance_name ?? '' } : null,
    date: r.date,
    kind: r.kind,
    text: r.text,
    items: items.filter((i) => i.decision_id === r.id).map(linked),
    createdAt: r.created_at,
    createdBy: r.created_by_id ? { id: r.created_by_id, name: r.created_by_name ?? '' } : null,
  };
}

/**
 * Governance as other features read it (the council report, the monthly summaries) and as the
 * routes answer: decisions with their items, meetings with their lists (ADR 0019).
 */
@Injectable()
export class GovernanceQueries {
  constructor(
    private readonly meetings: MeetingQueries,
    private readonly decisionRows: DecisionQueries,
  ) {}

  /** A roadmap's decisions matching the filter, newest first, each with its items. */
  async decisions(roadmapId: string, filter: DecisionFilter = {}): Promise<DecisionView[]> {
    const rows = await this.decisionRows.list(roadmapId, filter);
    const items = await this.decisionRows.items(rows.map((r) => r.id));
    return rows.map((r) => decisionView(r, items));
  }

  /** One decision with its items, or undefined. */
  async decision(id: string): Promise<DecisionView | undefined> {
    const row = await this.decisionRows.one(id);
    return row && decisionView(row, await this.decisionRows.items([row.id]));
  }

  /** The decisions dated after `afterExclusive` (null: from the first) up to `untilInclusive`, newest first. */
  decisionsBetween(roadmapId: string, afterExclusive: IsoDate | null, untilInclusive: IsoDate): Promise<DecisionView[]> {
    return this.decisions(roadmapId, { after: afterExclusive, until: untilInclusive });
  }

  /** The last meeting held on or before `at`, or null. */
  async lastMeetingOnOrBefore(roadmapId: string, at: IsoDate): Promise<MeetingSummaryView | null> {
    const row = await this.meetings.lastUntil(roadmapId, at);
    return row ? meetingSummaryView(row) : null;
  }

  /** The first meeting strictly after `at`, or null. */
  async nextMeetingAfter(roadmapId: string, at: IsoDate): Promise<MeetingSummaryView | null> {
    const row = await this.meetings.firstFrom(roadmapId, at, true);
    return row ? meetingSummaryView(row) : null;
  }

  /** The first meeting on or after `at`, or null (the overview's « prochaine réunion »). */
  async meetingOnOrAfter(roadmapId: string, at: IsoDate): Promise<MeetingSummaryView | null> {
    const row = await this.meetings.firstFrom(roadmapId, at, false);
    return row ? meetingSummaryView(row) : null;
  }

  async meetingList(roadmapId: string): Promise<MeetingSummaryView[]> {
    return (await this.meetings.list(roadmapId)).map(meetingSummaryView);
  }

  /** One meeting with its attendees, agenda and decisions, or undefined. */
  async meeting(id: string): Promise<MeetingView | undefined> {
    const row: MeetingRow | undefined = await this.meetings.one(id);
    if (!row) return undefined;
    const [attendees, agenda, decisions] = await Promise.all([
      this.meetings.attendees(id),
      this.meetings.agenda(id),
      this.decisions(row.roadmap_id, { meetingId: id }),
    ]);
    return {
      id: row.id,
      roadmapId: row.roadmap_id,
      instance: { id: row.instance_id, name: row.instance_name },
      date: row.date,
      title: row.title,
      attendees: attendees.map((a) => ({ accountId: a.account_id, name: a.name })),
      agenda: agenda.map(agendaView),
      minutes: row.minutes,
      decisions,
      version: row.version,
    };
  }
}
