import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { RoadmapSettingsDto, RoadmapSummaryView } from '@jalons/contract';
import type { ReminderRules } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { RoadmapReadModel } from './read-model';

/** Days before sorted, without repeats; only the known keys are stored. */
function normaliseRules(r: ReminderRules): ReminderRules {
  return {
    before: [...new Set(r.before)].sort((a, b) => b - a),
    onDueDate: r.onDueDate,
    overdueEveryDays: r.overdueEveryDays,
    escalateAfterDays: r.escalateAfterDays,
    milestones: r.milestones,
  };
}

/** A roadmap's settings, changed by its project lead (the public page today; reminder rules next). */
@Injectable()
export class RoadmapSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly read: RoadmapReadModel,
  ) {}

  async update(id: string, dto: RoadmapSettingsDto): Promise<RoadmapSummaryView> {
    await this.em.transactional(async (tx) => {
      const [row] = await tx.execute<Array<{ version: number }>>('select version from roadmap where id = ? for update', [id]);
      if (!row) throw ApiException.notFound('La feuille de route', id);
      if (row.version !== dto.version) throw ApiException.conflict(row.version, 'Cette feuille de route');
      // the revision too: cached chronograms carry the roadmap's summary
      await tx.execute(
        'update roadmap set public_page = coalesce(?, public_page), reminder_rules = coalesce(?::jsonb, reminder_rules), version = version + 1, revision = revision + 1, updated_at = now() where id = ?',
        [dto.publicPage ?? null, dto.reminders ? JSON.stringify(normaliseRules(dto.reminders)) : null, id],
      );
    });
    return (await this.read.listRoadmaps()).find((r) => r.id === id)!;
  }
}
