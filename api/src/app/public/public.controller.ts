import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PublicRoadmapSummaryView, PublicRoadmapView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { Access, Allow } from '../auth/policies';
import { RoadmapReadModel } from './read-model';

/**
 * The public page of a roadmap, for citizens, when its project lead turns it on: phases,
 * functions, progress, health and milestones. Built field by field from the internal views so
 * that nothing personal (names, e-mails, comments, history) can slip in with a new field.
 */
@ApiTags('public')
@Controller('public/roadmaps')
@Allow(Access.public)
export class PublicRoadmapsController {
  constructor(
    private readonly em: EntityManager,
    private readonly read: RoadmapReadModel,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Les feuilles de route dont la page publique est ouverte' })
  list(): Promise<PublicRoadmapSummaryView[]> {
    return this.em
      .getConnection()
      .execute<
        PublicRoadmapSummaryView[]
      >('select slug, territory, mandate_label as "mandateLabel" from roadmap where public_page order by start_date desc, territory');
  }

  @Get(':slug')
  @ApiOperation({ summary: 'La page publique d’une feuille de route (sans données personnelles)' })
  async get(@Param('slug') slug: string): Promise<PublicRoadmapView> {
    const [row] = await this.em
      .getConnection()
      .execute<Array<{ id: string }>>('select id from roadmap where slug = ? and public_page', [String(slug).slice(0, 100)]);
    // the same answer for a roadmap that exists with its page off as for one that does not
    if (!row) throw new ApiException({ statusCode: 404, error: 'not_found', message: 'Aucune page publique à cette adresse.' });
    const at = todayInParis();
    const [r, functions, milestones] = await Promise.all([
      this.read.roadmap(row.id, at),
      this.read.functions(row.id, at),
      this.read.milestones(row.id, at),
    ]);
    const phaseCode = new Map(r.phases.map((p) => [p.id, p.code]));
    const fnCode = new Map(functions.map((f) => [f.id, f.code]));
    return {
      slug: r.slug,
      territory: r.territory,
      mandateLabel: r.mandateLabel,
      at: r.at,
      electionDates: r.electionDates,
      nextElectionDate: r.nextElectionDate,
      start: r.start,
      end: r.end,
      currentPhaseCode: r.currentPhaseId ? (phaseCode.get(r.currentPhaseId) ?? null) : null,
      rollUp: r.rollUp,
      phases: r.phases.map((p) => ({
        code: p.code,
        name: p.name,
        description: p.description,
        start: p.start,
        end: p.end,
        rollUp: p.rollUp,
      })),
      functions: functions.map((f) => ({
        code: f.code,
        name: f.name,
        description: f.description,
        central: f.central,
        color: f.color,
        rollUp: f.rollUp,
      })),
      milestones: milestones.map((m) => ({
        title: m.title,
        functionCode: fnCode.get(m.functionId) ?? '',
        date: m.date,
        achievedOn: m.achievedOn,
        state: m.state,
      })),
    };
  }
}
