import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { GovernanceService } from '../data/governance.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';

/**
 * « Prochaine réunion » on the overview: the roadmap's first meeting from today on (its date,
 * instance and title, linked to its page), or that none is planned; a link to « Gouvernance ».
 */
@Component({
  selector: 'jl-next-meeting',
  imports: [RouterLink, FrDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .next-meeting {
      border-left: 4px solid var(--jl-accent);
    }
    .next-meeting p {
      margin: 0.25rem 0;
      overflow-wrap: anywhere;
    }
  `,
  template: `
    <section class="card next-meeting" aria-labelledby="titre-prochaine-reunion" data-testid="next-meeting-card">
      <h2 id="titre-prochaine-reunion">{{ 'Prochaine réunion' | t: lang() }}</h2>
      @if (next.value(); as m) {
        <p>
          <a [routerLink]="meetingLink(m.id)"
            ><strong>{{ m.date | jlDate }}</strong> · {{ m.instance.name }}
            @if (m.title) {
              — {{ m.title }}
            }
          </a>
        </p>
      } @else if (next.loading()) {
        <p>…</p>
      } @else if (next.error(); as message) {
        <p>{{ 'Impossible de charger la prochaine réunion : {message}' | t: lang() : { message } }}</p>
      } @else {
        <p>{{ 'Aucune réunion prévue.' | t: lang() }}</p>
      }
      <p>
        <a [routerLink]="governanceLink()">{{ 'Toute la gouvernance' | t: lang() }}</a>
      </p>
    </section>
  `,
})
export class NextMeeting {
  protected readonly lang = inject(I18n).lang;
  private readonly governance = inject(GovernanceService);

  readonly roadmapId = input.required<string>();
  readonly slug = input.required<string>();

  protected readonly next = loadable(this.roadmapId, (id) => this.governance.nextMeeting(id));
  protected readonly governanceLink = computed(() => roadmapPath(this.slug(), 'gouvernance'));

  protected meetingLink(id: string): Array<string | number> {
    return roadmapPath(this.slug(), 'reunions', id);
  }
}
