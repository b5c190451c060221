import { Injectable } from '@nestjs/common';
import { addDays, toDayNumber } from '@jalons/domain';
import type { IsoDate } from '@jalons/domain';
import type { MyItemsView, MyRoadmapItemsView } from '@jalons/contract';

import { MyItemsQueries } from './my-items.queries';
import type { MyItemRow } from './my-items.queries';

/** « Mes échéances » as the page reads them: grouped by roadmap, each item judged late or not on the reference day. */
@Injectable()
export class MyItemsReader {
  constructor(private readonly queries: MyItemsQueries) {}

  async of(accountId: string, at: IsoDate, within?: number): Promise<MyItemsView> {
    const rows = await this.queries.open(accountId, within === undefined ? undefined : addDays(at, within));
    const roadmaps = new Map<string, MyRoadmapItemsView>();
    for (const r of rows) {
      let group = roadmaps.get(r.roadmap_id);
      if (!group) {
        group = roadmapOf(r);
        roadmaps.set(r.roadmap_id, group);
      }
      group.items.push({
        kind: r.kind,
        id: r.id,
        title: r.title,
        functionId: r.function_id,
        functionName: r.function_name,
        start: r.start_date,
        due: r.due,
        status: r.status,
        progress: r.progress,
        achievedOn: r.achieved_on,
        late: toDayNumber(r.due) < toDayNumber(at),
        version: r.version,
      });
    }
    return { at, within: within ?? null, roadmaps: [...roadmaps.values()] };
  }
}

function roadmapOf(r: MyItemRow): MyRoadmapItemsView {
  return {
    id: r.roadmap_id,
    slug: r.slug,
    territory: r.territory,
    mandateLabel: r.mandate_label,
    start: r.roadmap_start,
    end: r.roadmap_end,
    items: [],
  };
}
