import type { ActorView } from '@jalons/contract';
import type { ActorGroup, ActorKind } from '@jalons/domain';
import { ACTOR_GROUPS, ACTOR_KINDS } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { ActorsService } from '../data/actors.service';
import { AuthService } from '../data/auth.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { DataTable } from '../shared/data-table';
import { FORM_FIELD } from '../shared/form-field';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';
import { DATA_TYPE_LABELS, GROUP_LABELS, KIND_LABELS, NEED_LABELS } from './actor-labels';
import { ActorDeletedState } from './delete-actor';
import { GroupBadge } from './group-badge';

/** the group filter's value for the actors not assessed yet */
export const NOT_ASSESSED = 'non-evalue';
type GroupFilter = '' | ActorGroup | typeof NOT_ASSESSED;

/**
 * « Acteurs du diagnostic » (`/r/<slug>/acteurs`): the roadmap's register — each direction, operator, partner and
 * expert with its group, its data référent·e, when it was met, the workshop, its needs and the data it holds, its
 * latest maturity and ambition — filtered by kind and group. The lead adds actors; everyone else reads.
 */
@Component({
  selector: 'jl-actors-page',
  imports: [FormsModule, FORM_FIELD, RouterLink, DataTable, FrDatePipe, GroupBadge, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './actors-page.html',
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
    }
    .filters .field {
      margin-bottom: 0.5rem;
    }
    .score {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    td ul {
      margin: 0;
      padding-left: 1rem;
    }
  `,
})
export class ActorsPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly actors = inject(ActorsService);
  private readonly current = inject(CurrentRoadmap);
  private readonly auth = inject(AuthService);

  /** the roadmap's id (resolved from the URL's slug) */
  readonly roadmap = input.required<string>();

  protected readonly register = loadable(this.roadmap, (id) => this.actors.list(id));
  protected readonly slug = computed(() => this.current.roadmap()?.slug ?? null);
  /** the project lead keeps the register */
  protected readonly canWrite = this.auth.canManageRoadmap;

  protected readonly kinds = ACTOR_KINDS;
  protected readonly groups = ACTOR_GROUPS;
  protected readonly notAssessed = NOT_ASSESSED;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly groupLabels = GROUP_LABELS;
  protected readonly needLabels = NEED_LABELS;
  protected readonly dataTypeLabels = DATA_TYPE_LABELS;

  /** the actor just deleted, which the page confirms (router state) */
  protected readonly deleted = (inject(Router).currentNavigation()?.extras.state as ActorDeletedState | undefined)?.deletedActor ?? null;

  protected readonly kind = signal<'' | ActorKind>('');
  protected readonly group = signal<GroupFilter>('');

  protected readonly shown = computed(() => {
    const kind = this.kind();
    const group = this.group();
    return (this.register.value() ?? []).filter(
      (a) => (!kind || a.kind === kind) && (!group || (group === NOT_ASSESSED ? a.group === null : a.group === group)),
    );
  });

  protected link(...segments: string[]): Array<string | number> {
    const slug = this.slug();
    return slug ? roadmapPath(slug, ...segments) : ['/'];
  }

  protected needs(actor: ActorView): string {
    const t = this.i18n.translate();
    return actor.needs.map((n) => t(NEED_LABELS[n])).join(', ');
  }

  protected dataTypes(actor: ActorView): string {
    const t = this.i18n.translate();
    return actor.dataTypes.map((d) => t(DATA_TYPE_LABELS[d])).join(', ');
  }
}
