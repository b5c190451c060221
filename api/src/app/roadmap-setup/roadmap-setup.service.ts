import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ROLE_LABELS } from '@jalons/domain';
import type { NewRoadmapDto, RoadmapPreviewView, RoadmapSummaryView } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import { RoadmapReader } from '../roadmaps';
import type { RoadmapPlan } from './instantiate';
import { planNewRoadmap } from './new-roadmap';
import { RoadmapSetupQueries } from './roadmap-setup.queries';
import { loadKit } from './seed-files';
import type { KitFile } from './seed-files';
import { writeRoadmap } from './write-roadmap';

/** Where the kit is read from (seeds/kit/incubation-kit.json under SEEDS_DIR). */
export const KIT_PATH = Symbol('jalons:kit-path');

/** 409: the address is another roadmap's. Nothing was written. */
function slugTaken(slug: string, holder: { territory: string; mandate_label: string } | undefined): ApiException {
  const which = holder ? `de la feuille de route « ${holder.territory} — ${holder.mandate_label} »` : 'd’une autre feuille de route';
  const message = `L’adresse « ${slug} » est déjà celle ${which}. Choisissez-en une autre.`;
  return new ApiException({ statusCode: HttpStatus.CONFLICT, error: 'slug_taken', message, errors: [{ field: 'slug', message }] });
}

/** New roadmaps from the kit: what one would be (preview), then the roadmap written, all or nothing. */
@Injectable()
export class RoadmapSetupService {
  private kit: KitFile | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly queries: RoadmapSetupQueries,
    private readonly roadmaps: RoadmapReader,
    @Inject(KIT_PATH) private readonly kitPath: string,
  ) {}

  /** The kit, read and checked once (a broken kit answers 500 and says why in the log). */
  private loadedKit(): KitFile {
    return (this.kit ??= loadKit(this.kitPath));
  }

  /** The plan, its dates checked (422 on the field) and its address free (409). */
  private async plan(dto: NewRoadmapDto): Promise<{ plan: RoadmapPlan; problems: string[] }> {
    const outcome = planNewRoadmap(this.loadedKit(), dto);
    if (!('plan' in outcome)) throw ApiException.rule(outcome.violations);
    const holder = await this.queries.slugHolder(outcome.plan.roadmap.slug);
    if (holder) throw slugTaken(outcome.plan.roadmap.slug, holder);
    return outcome;
  }

  async preview(dto: NewRoadmapDto): Promise<RoadmapPreviewView> {
    const { plan, problems } = await this.plan(dto);
    const r = plan.roadmap;
    return {
      slug: r.slug,
      territory: r.territory,
      mandateLabel: r.mandateLabel,
      electionDates: r.electionDates,
      nextElectionDate: r.nextElectionDate,
      start: r.start,
      end: r.end,
      phases: plan.phases.map((p) => ({ code: p.code, name: p.name, start: p.start, end: p.end })),
      counts: { functions: plan.functions.length, actions: plan.actions.length, milestones: plan.milestones.length },
      problems,
    };
  }

  /** Writes the roadmap in one transaction: kit items « à lancer », no owner, the lead's account, the caller in their history. */
  async create(dto: NewRoadmapDto, actorId: string | null): Promise<RoadmapSummaryView> {
    if (!actorId) throw ApiException.unauthenticated();
    const { plan, problems } = await this.plan(dto);
    if (problems.length) {
      throw ApiException.rule([
        {
          field: 'nextElection',
          message: `${problems.length} élément(s) du kit tomberaient hors du mandat (${problems.slice(0, 3).join(' ; ')}). Choisissez une prochaine élection plus lointaine.`,
        },
      ]);
    }
    const leadId = dto.projectLeadId ?? actorId;
    const lead = await this.queries.account(leadId);
    if (!lead || !lead.active || lead.role !== 'lead') {
      throw ApiException.rule([
        { field: 'projectLeadId', message: `Le ou la chef·fe de projet doit être un compte actif de rôle « ${ROLE_LABELS.lead} ».` },
      ]);
    }
    const outcome = await writeRoadmap(this.em, plan, { actorId, projectLeadId: leadId });
    if (!outcome.created) {
      // another request took the address between the check and the write (the writer serialises on it)
      throw slugTaken(plan.roadmap.slug, await this.queries.slugHolder(plan.roadmap.slug));
    }
    return this.roadmaps.summary(outcome.roadmapId);
  }
}
