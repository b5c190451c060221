import type { LinkedItemView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { CurrentRoadmap } from '../data/current-roadmap';
import { GovernanceService } from '../data/governance.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';
import { DECISION_KIND_TEXTS, inOrderTaken } from './governance-labels';
import { linkedItemPath } from './linkable-items';

/**
 * The relevé de décisions of a meeting (`/r/<slug>/reunions/:meetingId/releve`), to print and sign:
 * the roadmap, the meeting's title, instance, date and attendees, then its decisions numbered, each
 * with its kind and the actions and milestones it concerns. Printed on A4 portrait, without the
 * application's header nor the page's buttons (releve-page.scss, not encapsulated: it hides the shell).
 */
@Component({
  selector: 'jl-releve-page',
  imports: [RouterLink, FrDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  templateUrl: './releve-page.html',
  styleUrl: './releve-page.scss',
})
export class RelevePage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly governance = inject(GovernanceService);
  private readonly current = inject(CurrentRoadmap);

  /** the roadmap's id, resolved from /r/<slug> */
  readonly roadmap = input.required<string>();
  readonly meetingId = input.required<string>();

  protected readonly summary = this.current.roadmap;
  protected readonly slug = computed(() => this.summary()?.slug ?? '');
  protected readonly meeting = loadable(this.meetingId, (id) => this.governance.meeting(id));
  protected readonly kindTexts = DECISION_KIND_TEXTS;
  /** the decisions numbered in the order they were taken */
  protected readonly ordered = inOrderTaken;

  protected meetingPath(id: string): Array<string | number> {
    return roadmapPath(this.slug(), 'reunions', id);
  }

  protected itemPath(item: LinkedItemView): Array<string | number> {
    return linkedItemPath(this.slug(), item);
  }

  protected print(): void {
    window.print();
  }
}
