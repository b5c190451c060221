import type { ActorDetailView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { of } from 'rxjs';

import { ActorsService } from '../data/actors.service';
import { AuthService } from '../data/auth.service';
import { CurrentRoadmap } from '../data/current-roadmap';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';
import { ActorAssessments } from './actor-assessments';
import { ActorForm } from './actor-form';
import { DATA_TYPE_LABELS, GROUP_LABELS, KIND_LABELS, NEED_LABELS } from './actor-labels';
import { AssessmentForm } from './assessment-form';
import { DeleteActor } from './delete-actor';
import { GroupBadge } from './group-badge';

/** What the actor's page is told when it opens on an actor just created (router state). */
interface ActorCreatedState {
  createdActor: true;
}

/**
 * An actor of the diagnostic (`/r/<slug>/acteurs/:actorId`, or `/nouveau` to add one): its record, its history of
 * assessments, the actions that target it. The project lead edits it, adds or deletes assessments and deletes it;
 * everyone else reads.
 */
@Component({
  selector: 'jl-actor-page',
  imports: [RouterLink, FrDatePipe, GroupBadge, ActorForm, ActorAssessments, AssessmentForm, DeleteActor, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './actor-page.html',
  styles: `
    /* on a phone, each fact under its name: the badge and the reason keep the screen's width */
    @media (max-width: 36rem) {
      .facts {
        grid-template-columns: minmax(0, 1fr);
        gap: 0;
      }
      .facts dd {
        margin-bottom: 0.5rem;
      }
    }
    .facts dd {
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
  `,
})
export class ActorPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly actors = inject(ActorsService);
  private readonly current = inject(CurrentRoadmap);
  private readonly router = inject(Router);

  /** the roadmap's id (resolved from the URL's slug) */
  readonly roadmap = input.required<string>();
  /** the actor's id (route parameter); absent on /nouveau */
  readonly actorId = input<string>();

  protected readonly page = loadable(this.actorId, (id) => (id ? this.actors.get(id) : of(null)));
  protected readonly actor = computed<ActorDetailView | null>(() => this.page.value() ?? null);
  protected readonly slug = computed(() => this.current.roadmap()?.slug ?? null);
  /** the project lead keeps the register */
  protected readonly canWrite = inject(AuthService).canManageRoadmap;
  /** opened on the actor just created */
  protected readonly created = !!(this.router.currentNavigation()?.extras.state as ActorCreatedState | undefined)?.createdActor;

  protected readonly kindLabels = KIND_LABELS;
  protected readonly groupLabels = GROUP_LABELS;

  protected link(...segments: string[]): Array<string | number> {
    const slug = this.slug();
    return slug ? roadmapPath(slug, ...segments) : ['/'];
  }

  protected needs(a: ActorDetailView): string {
    const t = this.i18n.translate();
    return a.needs.map((n) => t(NEED_LABELS[n])).join(', ');
  }

  protected dataTypes(a: ActorDetailView): string {
    const t = this.i18n.translate();
    return a.dataTypes.map((d) => t(DATA_TYPE_LABELS[d])).join(', ');
  }

  /** saved: a new actor opens on its own page; an edited one is loaded again */
  protected saved(view: ActorDetailView): void {
    if (this.actorId()) {
      this.page.reload();
      return;
    }
    const state: ActorCreatedState = { createdActor: true };
    void this.router.navigate(this.link('acteurs', view.id), { state, replaceUrl: true });
  }

  protected reload(): void {
    this.page.reload();
  }
}
