import type { DiagnosticView } from '@jalons/contract';
import type { ActorGroup, ActorKind, IsoDate } from '@jalons/domain';
import { ACTOR_GROUPS, ACTOR_KINDS, formatFrDate, isIsoDate, maxDate, minDate } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';

import { GROUP_LABELS, KIND_LABELS } from '../actors/actor-labels';
import { CurrentRoadmap } from '../data/current-roadmap';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { DataTable } from '../shared/data-table';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { loadable } from '../shared/loadable';
import { DiagnosticService } from './diagnostic.service';
import { MapPoint, mapPoints, shapePath } from './map-geometry';
import { positionText } from './map-text';
import { MaturityMap } from './maturity-map';

/** The groups as the thresholds the API sent place a score (the domain's rule, with those thresholds). */
function grouper(view: DiagnosticView): (maturity: number, ambition: number) => ActorGroup {
  const { matureFrom, ambitiousFrom } = view.thresholds;
  return (m, a) => (a < ambitiousFrom ? 'peu-impliques' : m >= matureFrom ? 'leaders' : 'median');
}

/**
 * « Maturité × ambition » (`/r/<slug>/diagnostic`, ADR 0016): the study's map of the actors, on a day chosen
 * with a date control (shared in the address, `?le=YYYY-MM-DD`), filtered by kind and group, with a table of
 * the same data under it, and « Imprimer » (the map and the table on paper, no controls).
 */
@Component({
  selector: 'jl-diagnostic-page',
  imports: [DataTable, FrDatePipe, MaturityMap, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './diagnostic-page.html',
  styleUrl: './diagnostic-page.scss',
})
export class DiagnosticPage {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly service = inject(DiagnosticService);
  private readonly current = inject(CurrentRoadmap);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** the roadmap's id (resolved from the URL's slug) */
  readonly roadmap = input.required<string>();
  /** ?le=YYYY-MM-DD: the day shown (today, Paris, when absent or not a date) */
  readonly le = input<string>();

  protected readonly kinds = ACTOR_KINDS;
  protected readonly groups = ACTOR_GROUPS;
  protected readonly kindLabels = KIND_LABELS;
  protected readonly groupLabels = GROUP_LABELS;
  protected readonly shapes = Object.fromEntries(ACTOR_KINDS.map((k) => [k, shapePath(k, 8)])) as Record<ActorKind, string>;

  private readonly query = computed(() => {
    const le = this.le();
    return { id: this.roadmap(), on: le && isIsoDate(le) ? le : null };
  });
  protected readonly diagnostic = loadable(this.query, (q) => this.service.diagnostic(q.id, q.on));

  /** every assessed actor's point, spread once for all (the filters hide, they do not move) */
  protected readonly points = computed<MapPoint[]>(() => {
    const view = this.diagnostic.value();
    return view ? mapPoints(view.actors, grouper(view)) : [];
  });

  protected readonly shownKinds = signal<ReadonlySet<ActorKind>>(new Set(ACTOR_KINDS));
  protected readonly shownGroups = signal<ReadonlySet<ActorGroup>>(new Set(ACTOR_GROUPS));
  protected readonly visible = computed(() =>
    this.points().filter((p) => this.shownKinds().has(p.kind) && this.shownGroups().has(p.group)),
  );
  protected readonly shown = computed<ReadonlySet<string>>(() => new Set(this.visible().map((p) => p.actor.id)));
  /** the actors of the kinds shown that had no assessment yet on the day */
  protected readonly unassessed = computed(() =>
    (this.diagnostic.value()?.actors ?? []).filter((a) => a.current === null && this.shownKinds().has(a.kind)),
  );

  protected readonly unassessedNames = computed(() =>
    this.unassessed()
      .map((a) => a.name)
      .join(', '),
  );

  /** the date control's bounds: the mandate, widened to the assessments made before or after it */
  protected readonly bounds = computed(() => {
    const roadmap = this.current.roadmap();
    const view = this.diagnostic.value();
    if (!roadmap) return null;
    return {
      min: view?.firstAssessmentOn ? minDate(roadmap.start, view.firstAssessmentOn) : roadmap.start,
      max: view?.lastAssessmentOn ? maxDate(roadmap.end, view.lastAssessmentOn) : roadmap.end,
    };
  });
  protected readonly dateError = signal<string | null>(null);

  /** what the map shows, said once it changes */
  protected readonly summary = computed(() => {
    const view = this.diagnostic.value();
    if (!view) return null;
    const visible = this.visible();
    const moved = visible.filter((p) => p.actor.moved).length;
    return this.i18n.t(
      'Au {date} : {n} acteur évalué affiché, dont {moved} déplacé depuis sa première évaluation.|Au {date} : {n} acteurs évalués affichés, dont {moved} déplacés depuis leur première évaluation.',
      {
        date: formatFrDate(view.on),
        n: visible.length,
        moved,
      },
    );
  });

  protected readonly slug = computed(() => this.current.roadmap()?.slug ?? null);

  /** the register (/r/<slug>/acteurs), or one actor's page in it */
  protected link(slug: string, actorId?: string): Array<string | number> {
    return actorId ? roadmapPath(slug, 'acteurs', actorId) : roadmapPath(slug, 'acteurs');
  }

  protected position(a: { maturity: number; ambition: number }): string {
    return positionText(a, this.i18n.translate());
  }

  protected toggleKind(kind: ActorKind, on: boolean): void {
    this.shownKinds.set(toggled(this.shownKinds(), kind, on));
  }

  protected toggleGroup(group: ActorGroup, on: boolean): void {
    this.shownGroups.set(toggled(this.shownGroups(), group, on));
  }

  /** The day typed or picked: shown when it is a day within the bounds, else said why not. */
  protected pickDay(value: string): void {
    const bounds = this.bounds();
    if (!isIsoDate(value)) {
      this.dateError.set(this.i18n.t('Saisissez une date complète (jj/mm/aaaa).'));
      return;
    }
    if (bounds && (value < bounds.min || value > bounds.max)) {
      this.dateError.set(
        this.i18n.t('Choisissez une date entre le {min} et le {max}.', { min: formatFrDate(bounds.min), max: formatFrDate(bounds.max) }),
      );
      return;
    }
    this.goTo(value);
  }

  /** Shows the positions on `day` (null: today), in the address so that it can be shared. */
  protected goTo(day: IsoDate | null): void {
    this.dateError.set(null);
    void this.router.navigate([], { relativeTo: this.route, queryParams: { le: day }, queryParamsHandling: 'merge' });
  }

  protected print(): void {
    window.print();
  }
}

function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): ReadonlySet<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}
