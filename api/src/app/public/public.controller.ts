import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicRoadmapSummaryView, PublicRoadmapView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { Access, Allow } from '../auth';
import { MilestonesReader } from '../milestones';
import { RoadmapReader } from '../roadmaps';
import { PublicQueries } from './public.queries';

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
    private readonly queries: PublicQueries,
    private readonly roadmaps: RoadmapReader,
    private readonly milestones: MilestonesReader,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Les feuilles de route dont la page publique est ouverte' })
  list(): Promise<PublicRoadmapSummaryView[]> {
    return this.queries.open();
  }

  @Get(':slug')
  @ApiOperation({ summary: 'La page publique d’une feuille de route (sans données personnelles)' })
  async get(@Param('slug') slug: string): Promise<PublicRoadmapView> {
    const id = await this.queries.openId(String(slug).slice(0, 100));
    // the same answer for a roadmap that exists with its page off as for one that does not
    if (!id) throw new ApiException({ statusCode: 404, error: 'not_found', message: 'Aucune page publique à cette adresse.' });
    const at = todayInParis();
    const [r, functions, milestones] = await Promise.all([
      this.roadmaps.roadmap(id, at),
      this.roadmaps.functions(id, at),
      this.milestones.list(id, at),
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
