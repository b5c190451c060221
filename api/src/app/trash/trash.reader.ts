import { Injectable } from '@nestjs/common';
import { canWriteItemsOf } from '@jalons/domain';
import type { Principal } from '@jalons/domain';
import type { TrashEntryView } from '@jalons/contract';

import { PersonsReader } from '../accounts';
import { RoadmapReader } from '../roadmaps';
import { TrashQueries } from './trash.queries';

/** The Corbeille as its page reads it: what was deleted, when, by whom, and whether the caller may restore it. */
@Injectable()
export class TrashReader {
  constructor(
    private readonly queries: TrashQueries,
    private readonly persons: PersonsReader,
    private readonly roadmaps: RoadmapReader,
  ) {}

  async list(roadmapId: string, who: Principal | null): Promise<TrashEntryView[]> {
    await this.roadmaps.row(roadmapId); // 404 for an unknown roadmap
    const rows = await this.queries.list(roadmapId);
    const persons = await this.persons.byIds(rows.map((r) => r.deleted_by));
    return rows.map((r) => {
      const by = r.deleted_by ? persons.get(r.deleted_by) : undefined;
      return {
        itemType: r.item_type,
        id: r.item_id,
        title: r.title,
        functionId: r.function_id,
        functionName: r.function_name,
        functionExists: r.function_exists,
        deletedAt: r.deleted_at,
        expiresAt: r.expires_at,
        deletedBy: by ? { id: by.id, name: by.name } : null,
        canRestore: canWriteItemsOf(who, r.function_id),
      };
    });
  }
}
