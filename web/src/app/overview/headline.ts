import type { RoadmapDetailView } from '@jalons/contract';
import type { Headline as HeadlineFigures, IsoDate } from '@jalons/domain';
import { headline, isIsoDate } from '@jalons/domain';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';

import { I18n, Translate } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { InRoadmapPipe } from '../roadmap/in-roadmap.pipe';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { FORM_FIELD } from '../shared/form-field';
import { HealthBadge } from '../shared/health-badge';
import { HEALTH_LABELS } from '../shared/labels';
import { parisToday } from '../i18n/paris-day';

/** The headline of a roadmap's view: the overall roll-up and the current phase's, by the rule of ADR 0018. */
export function roadmapHeadline(roadmap: RoadmapDetailView): HeadlineFigures {
  const phase = roadmap.phases.find((p) => p.id === roadmap.currentPhaseId) ?? null;
  return headline({
    overall: roadmap.rollUp,
    currentPhase: phase ? { id: phase.id, name: phase.name, rollUp: phase.rollUp } : null,
  });
}

/** Which figure sets the headline, in words. */
export function headlineDriver(h: HeadlineFigures, t: Translate): string {
  const health = t(HEALTH_LABELS[h.health]);
  if (!h.currentPhase) return t('Appréciation retenue : {health}, la santé d’ensemble (aucune phase en cours ce jour-là).', { health });
  if (h.drivenBy === 'currentPhase') {
    return t('Appréciation retenue : {health}, celle de la phase en cours, moins bien placée que l’ensemble.', { health });
  }
  return t('Appréciation retenue : {health}, la santé d’ensemble (la phase en cours n’est pas moins bien placée).', { health });
}

/**
 * The overview's first card: the headline (« Santé d’ensemble : … · Phase en cours (Émergence) : … »,
 * and which of the two sets it), the day it is read at (« À la date du », `?at=` on the overview's
 * address: the whole page then shows that day, replayed from the history) and the way to the council
 * report.
 */
@Component({
  selector: 'jl-headline',
  imports: [FORM_FIELD, FrDatePipe, HealthBadge, InRoadmapPipe, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './headline.scss',
  template: `
    @let h = figures();
    <section class="card headline" aria-labelledby="titre-synthese" data-testid="headline" [attr.data-health]="h.health">
      <h2 id="titre-synthese">{{ 'En bref, au {date}' | t: lang() : { date: roadmap().at | jlDate } }}</h2>
      <p class="headline__line">
        <span class="headline__part" data-testid="headline-overall"
          >{{ 'Santé d’ensemble :' | t: lang() }} <jl-health-badge [health]="h.overall.health"
        /></span>
        @if (h.currentPhase; as phase) {
          <span class="headline__sep" aria-hidden="true">·</span>
          <span class="headline__part" data-testid="headline-phase"
            >{{ 'Phase en cours ({name}) :' | t: lang() : { name: phase.name } }} <jl-health-badge [health]="phase.rollUp.health"
          /></span>
        }
      </p>
      <p class="headline__driver" data-testid="headline-driver" [attr.data-driven-by]="h.drivenBy">{{ driver() }}</p>
      <div class="headline__actions">
        @if (dateShown()) {
          <!-- a form: typing a date digit by digit must not reload the page at each digit -->
          <form class="headline__date" (submit)="$event.preventDefault(); goTo(day.value)">
            <jl-form-field
              controlId="vue-date"
              [label]="'À la date du' | t: lang()"
              [hint]="'Toute la page montre alors l’état de ce jour-là.' | t: lang()"
            >
              <input #day jlControl type="date" name="at" [value]="roadmap().at" />
            </jl-form-field>
            <button type="submit" class="button">{{ 'Afficher' | t: lang() }}</button>
          </form>
        } @else {
          <!-- the date field only on demand: the page's first date field readies Chromium's calendar,
               a task of 15–30 ms (60–120 ms on a phone) that every visit would pay (ADR 0038, amended) -->
          <button type="button" class="button" (click)="openDate()">{{ 'Voir un autre jour…' | t: lang() }}</button>
        }
        @if (past()) {
          <button type="button" class="button" (click)="goTo(null)">{{ 'Revenir à aujourd’hui' | t: lang() }}</button>
        }
        <a class="button button--primary" [routerLink]="['/rapport'] | inRoadmap: roadmap().slug" [queryParams]="reportQuery()">{{
          'Rapport au conseil' | t: lang()
        }}</a>
      </div>
    </section>
  `,
})
export class Headline {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** the roadmap as the overview read it (its `at`: the day shown) */
  readonly roadmap = input.required<RoadmapDetailView>();

  /** « Voir un autre jour… » was pressed: the « À la date du » form is shown (it always is on a past day) */
  private readonly dateAsked = signal(false);
  protected readonly dateShown = computed(() => this.past() || this.dateAsked());
  private readonly dayField = viewChild<ElementRef<HTMLInputElement>>('day');
  private readonly injector = inject(Injector);

  protected readonly figures = computed(() => roadmapHeadline(this.roadmap()));
  protected readonly driver = computed(() => headlineDriver(this.figures(), this.i18n.translate()));
  /** the view is of another day than today */
  protected readonly past = computed(() => this.roadmap().at !== parisToday());
  /** the report opens on the day shown */
  protected readonly reportQuery = computed(() => (this.past() ? { at: this.roadmap().at } : {}));

  /** Shows the « À la date du » form, its field focused (the button it replaces is gone). */
  protected openDate(): void {
    this.dateAsked.set(true);
    afterNextRender(() => this.dayField()?.nativeElement.focus(), { injector: this.injector });
  }

  /** Shows the overview at `day` (`?at=`); null or today: today's overview. */
  protected goTo(day: IsoDate | string | null): void {
    const at = day && isIsoDate(day) && day !== parisToday() ? day : null;
    if (day && !at && day !== parisToday()) return; // a day half typed: wait for a whole one
    void this.router.navigate([], { relativeTo: this.route, queryParams: { at }, queryParamsHandling: 'merge' });
  }
}
