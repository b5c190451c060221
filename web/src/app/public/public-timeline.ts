import type { PublicRoadmapView } from '@jalons/contract';
import { compareIsoDates, daysBetween, spanDays } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { buildTimeline } from '../overview/timeline';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { compareText } from '../i18n/format';

type PublicMilestone = PublicRoadmapView['milestones'][number];

interface Tick {
  id: string;
  title: string;
  position: number;
  achieved: boolean;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The public page's timeline: the four phases as a horizontal band across the mandate, today's
 * marker and the milestones as ticks (drawn, hidden from screen readers), then the same as a list —
 * each phase with its dates and its milestones — for screen readers and anyone who prefers words.
 * On a phone the band scrolls sideways in a labelled region.
 */
@Component({
  selector: 'jl-public-timeline',
  imports: [FrDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = roadmap();
    @let tl = timeline();
    <div
      class="ptl__scroll no-print-scroll"
      role="region"
      tabindex="0"
      [attr.aria-label]="'Frise du mandat, défilement horizontal' | t: lang()"
    >
      <div class="ptl__frame" aria-hidden="true" data-testid="timeline-band">
        <ol class="ptl__bands">
          @for (band of tl.bands; track band.id) {
            <li
              class="ptl__band"
              [class]="'ptl__band--' + band.order"
              [class.ptl__band--current]="band.current"
              [style.margin-left.%]="band.left"
              [style.width.%]="band.width"
            >
              <span class="ptl__band-name">{{ band.order }}. {{ band.name }}</span>
            </li>
          }
        </ol>
        <div class="ptl__ticks">
          @for (tick of ticks(); track tick.id) {
            <span
              class="ptl__tick"
              [class.ptl__tick--achieved]="tick.achieved"
              [style.left.%]="tick.position"
              [attr.title]="tick.title"
              data-testid="timeline-tick"
            ></span>
          }
        </div>
        @if (tl.today; as today) {
          <span class="ptl__today" [style.left.%]="today.position" data-testid="timeline-today"></span>
          <span class="ptl__today-label" [class]="'ptl__today-label--' + today.align" [style.left.%]="today.position">{{
            today.text
          }}</span>
        }
        <div class="ptl__axis">
          @for (tick of tl.ticks; track tick.year) {
            <span class="ptl__year" [class.ptl__year--end]="tick.align === 'end'" [style.left.%]="tick.position">{{ tick.year }}</span>
          }
        </div>
      </div>
    </div>
    <p class="ptl__legend" aria-hidden="true">
      <span class="ptl__key ptl__key--achieved"></span> {{ 'jalon atteint' | t: lang() }} <span class="ptl__key"></span>
      {{ 'jalon à venir' | t: lang() }} <span class="ptl__key ptl__key--today"></span> {{ 'aujourd’hui' | t: lang() }}
    </p>
    <details class="ptl__list">
      <summary>{{ 'La frise sous forme de liste' | t: lang() }}</summary>
      <ol data-testid="timeline-list">
        @for (p of list(); track p.code) {
          <li>
            <strong>{{ p.order }}. {{ p.name }}</strong
            >, {{ 'du {start} au {end}' | t: lang() : { start: p.start | jlDate, end: p.end | jlDate } }}
            @if (p.current) {
              — {{ 'phase en cours ; aujourd’hui : {date}' | t: lang() : { date: r.at | jlDate } }}
            }
            @if (p.milestones.length > 0) {
              <ul>
                @for (m of p.milestones; track m.id) {
                  <li>
                    {{ m.date | jlDate }} : {{ m.title }}
                    @if (m.achievedOn) {
                      ({{ 'atteint le {date}' | t: lang() : { date: m.achievedOn | jlDate } }})
                    } @else {
                      ({{ 'à venir' | t: lang() }})
                    }
                  </li>
                }
              </ul>
            }
          </li>
        }
      </ol>
    </details>
  `,
  styleUrl: './public-timeline.scss',
})
export class PublicTimeline {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly roadmap = input.required<PublicRoadmapView>();

  private readonly phases = computed(() => [...this.roadmap().phases].sort((a, b) => a.order - b.order));

  protected readonly timeline = computed(() => {
    const r = this.roadmap();
    return buildTimeline(
      {
        start: r.start,
        end: r.end,
        at: r.at,
        electionDates: r.electionDates,
        nextElectionDate: r.nextElectionDate,
        currentPhaseId: r.currentPhaseCode,
        phases: this.phases().map((p) => ({ id: p.code, order: p.order, name: p.name, start: p.start, end: p.end })),
      },
      this.i18n.translate(),
    );
  });

  /** a tick per milestone inside the mandate, placed like the phases (start of its day) */
  protected readonly ticks = computed<Tick[]>(() => {
    const r = this.roadmap();
    const total = Math.max(1, spanDays(r.start, r.end));
    return r.milestones
      .map((m) => ({ id: m.id, title: m.title, position: round((daysBetween(r.start, m.date) / total) * 100), achieved: !!m.achievedOn }))
      .filter((t) => t.position >= 0 && t.position <= 100);
  });

  /** the phases in order with their milestones by date (a milestone outside every phase is left to the tables) */
  protected readonly list = computed(() => {
    const r = this.roadmap();
    const byDate = (a: PublicMilestone, b: PublicMilestone) => compareIsoDates(a.date, b.date) || compareText(a.title, b.title);
    return this.phases().map((p) => ({
      ...p,
      milestones: r.milestones.filter((m) => compareIsoDates(m.date, p.start) >= 0 && compareIsoDates(m.date, p.end) <= 0).sort(byDate),
    }));
  });
}
