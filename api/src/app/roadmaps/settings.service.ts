import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { RoadmapSettingsDto, RoadmapSummaryView } from '@jalons/contract';
import type { ReminderRules } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { RoadmapReader } from './roadmap.reader';
import { RoadmapQueries } from './roadmaps.queries';

/** Days before sorted, without repeats; only the known keys are stored. */
function normaliseRules(r: ReminderRules): ReminderRules {
  return {
    before: [...new Set(r.before)].sort((a, b) => b - a),
    onDueDate: r.onDueDate,
    overdueEveryDays: r.overdueEveryDays,
    escalateAfterDays: r.escalateAfterDays,
    milestones: r.milestones,
    indicatorStaleDays: r.indicatorStaleDays,
  };
}

/** A roadmap's settings, changed by its project lead (the public page, the reminder rules). */
@Injectable()
export class RoadmapSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: RoadmapQueries,
    private readonly read: RoadmapReader,
  ) {}

  async update(id: string, dto: RoadmapSettingsDto): Promise<RoadmapSummaryView> {
    await this.em.transactional(async (tx) => {
      const version = await this.queries.lockVersion(id, tx);
      if (version === undefined) throw ApiException.notFound('La feuille de route', id);
      if (version !== dto.version) throw ApiException.conflict(version, 'Cette feuille de route');
      await this.queries.updateSettings(id, dto.publicPage ?? null, dto.reminders ? normaliseRules(dto.reminders) : null, tx);
    });
    return this.read.summary(id);
  }
}
