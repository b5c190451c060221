import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicRoadmapSummaryView, PublicRoadmapView } from '@jalons/contract';
import { todayInParis } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { Access, Allow } from '../auth';
import { BaselineQueries } from '../baselines';
import { IndicatorsReader } from '../indicators';
import { MilestonesReader } from '../milestones';
import { RoadmapReader } from '../roadmaps';
import { publicRoadmapView } from './public-view';
import type { PublicPlans } from './public-view';
import { PublicQueries } from './public.queries';

/**
 * The public page of a roadmap, for citizens, when its project lead turns it on: the headline,
 * phases with their purpose, functions, milestones, indicators and slips against the latest baseline. Built field by field from the internal views so
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
    private readonly indicators: IndicatorsReader,
    private readonly baselines: BaselineQueries,
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
    const [roadmap, functions, milestones, indicators, plans] = await Promise.all([
      this.roadmaps.roadmap(id, at),
      this.roadmaps.functions(id, at),
      this.milestones.list(id, at),
      this.indicators.list(id, at),
      this.plans(id),
    ]);
    return publicRoadmapView({ roadmap, functions, milestones, indicators, plans });
  }

  /** The latest baseline with its items and today's plan; null when the roadmap has none. */
  private async plans(id: string): Promise<PublicPlans | null> {
    const [baseline] = await this.baselines.list(id);
    if (!baseline) return null;
    const [frozen, current] = await Promise.all([this.baselines.items(baseline.id), this.baselines.current(id)]);
    return { baseline, frozen, current };
  }
}
