import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { RoadmapSettingsDto, RoadmapSummaryView } from '@jalons/contract';
import { parseEmbedOrigins } from '@jalons/domain';
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

/** The sites allowed to frame the widget, as stored (lower-cased, without repeats); 422 naming embedOrigins otherwise. */
function checkedOrigins(value: unknown): string[] {
  const parsed = parseEmbedOrigins(value);
  if ('error' in parsed) throw ApiException.rule([{ field: 'embedOrigins', message: parsed.error }]);
  return parsed.origins;
}

/** A roadmap's settings, changed by its project lead (the public page, the sites that may frame its widget, the reminder rules). */
@Injectable()
export class RoadmapSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: RoadmapQueries,
    private readonly read: RoadmapReader,
  ) {}

  async update(id: string, dto: RoadmapSettingsDto): Promise<RoadmapSummaryView> {
    const embedOrigins = dto.embedOrigins === undefined ? null : checkedOrigins(dto.embedOrigins);
    await this.em.transactional(async (tx) => {
      const version = await this.queries.lockVersion(id, tx);
      if (version === undefined) throw ApiException.notFound('La feuille de route', id);
      if (version !== dto.version) throw ApiException.conflict(version, 'Cette feuille de route');
      const rules = dto.reminders ? normaliseRules(dto.reminders) : null;
      await this.queries.updateSettings(id, dto.publicPage ?? null, rules, tx, embedOrigins);
    });
    return this.read.summary(id);
  }
}
