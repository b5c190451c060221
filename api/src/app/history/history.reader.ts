import { Injectable } from '@nestjs/common';
import type { HistoryEntryView, PersonView, RecentChangeView } from '@jalons/contract';

import { PersonsReader, personIn } from '../accounts';
import { RoadmapReader } from '../roadmaps';
import { HistoryQueries } from './history.queries';
import type { HistoryRow } from './history.queries';

function historyView(r: HistoryRow, persons: ReadonlyMap<string, PersonView>): HistoryEntryView {
  return {
    id: r.id,
    itemType: r.item_type,
    itemId: r.item_id,
    actor: personIn(persons, r.actor_id),
    at: r.at,
    field: r.field,
    from: r.from_value,
    to: r.to_value,
    comment: r.comment,
    reason: r.reason,
    decision:
      r.decision_id && r.decision_date && r.decision_kind
        ? { id: r.decision_id, date: r.decision_date, kind: r.decision_kind, text: r.decision_text ?? '' }
        : null,
  };
}

/** Who changed what, when and why: an item's history and a roadmap's latest changes. */
@Injectable()
export class HistoryReader {
  constructor(
    private readonly queries: HistoryQueries,
    private readonly persons: PersonsReader,
    private readonly roadmaps: RoadmapReader,
  ) {}

  /** The roadmap's latest changes, newest first, each with its item's title. */
  async recentChanges(roadmapId: string, limit: number): Promise<RecentChangeView[]> {
    await this.roadmaps.row(roadmapId);
    const rows = await this.queries.recent(roadmapId, limit);
    const persons = await this.persons.byIds(rows.map((r) => r.actor_id));
    return rows.map((r) => ({ ...historyView(r, persons), itemTitle: r.item_title }));
  }

  async ofItem(itemType: 'action' | 'milestone', itemId: string): Promise<HistoryEntryView[]> {
    const rows = await this.queries.ofItem(itemType, itemId);
    const persons = await this.persons.byIds(rows.map((r) => r.actor_id));
    return rows.map((r) => historyView(r, persons));
  }
}
