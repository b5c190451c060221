import type { RoadmapSummaryView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthService } from '../data/auth.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { RoadmapsService } from '../data/roadmaps.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';

/**
 * The instance's roadmaps: territory, mandate, the span of their phases, the election, the project
 * lead and whether the public page is on; each opens at /r/<slug>. The project lead starts a new one.
 */
@Component({
  selector: 'jl-roadmaps-page',
  imports: [RouterLink, TranslatePipe, FrDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './roadmaps-page.html',
  styleUrl: './roadmaps-page.scss',
})
export class RoadmapsPage {
  protected readonly lang = inject(I18n).lang;
  protected readonly canCreate = inject(AuthService).canManageRoadmap;
  protected readonly current = inject(CurrentRoadmap).roadmap;
  private readonly roadmaps = inject(RoadmapsService);

  /** read afresh on each visit (someone else may have created one) */
  protected readonly list = loadable(() => this.roadmaps.list());

  protected link(r: RoadmapSummaryView): Array<string | number> {
    return roadmapPath(r.slug);
  }
}
