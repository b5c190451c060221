import type { ChronogramView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { HealthBadge } from '../shared/health-badge';
import { MILESTONE_STATE_LABELS, STATUS_LABELS } from '../shared/labels';
import { buildTimeline } from './vertical-timeline-model';

/**
 * The chronogram on a phone (below 640 px, ADR 0023): a vertical timeline instead of the Gantt.
 * The four phases in order with their dates (the current one marked), « Aujourd’hui » in its place,
 * the milestones in date order, then each function's actions in a list that opens and closes, each
 * with its status, its dates and a link to its page. Drawn from the same chronogram data as the Gantt.
 */
@Component({
  selector: 'jl-vertical-timeline',
  imports: [RouterLink, TranslatePipe, FrDatePipe, HealthBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let tl = timeline();
    <section class="vt" data-testid="vertical-timeline" aria-labelledby="vt-phases">
      <h2 id="vt-phases">{{ 'Phases et jalons' | t: lang() }}</h2>
      @if (tl.todayBefore) {
        <p class="vt__today" data-testid="timeline-today">
          <strong>{{ 'Aujourd’hui' | t: lang() }}</strong> {{ tl.at | jlDate }}
        </p>
      }
      <ol class="vt__phases">
        @for (phase of tl.phases; track phase.id) {
          <li class="vt__phase" [class.vt__phase--current]="phase.current" [attr.aria-current]="phase.current ? 'step' : null">
            <h3 class="vt__phase-name">
              {{ phase.name }}
              @if (phase.current) {
                <span class="tag">{{ 'Phase en cours' | t: lang() }}</span>
              }
            </h3>
            <p class="vt__meta">{{ 'Du {start} au {end}' | t: lang() : { start: phase.start | jlDate, end: phase.end | jlDate } }}</p>
            @if (phase.entries.length > 0) {
              <ol class="vt__entries">
                @for (entry of phase.entries; track entry.kind === 'today' ? 'today' : entry.id) {
                  @if (entry.kind === 'today') {
                    <li class="vt__today" data-testid="timeline-today">
                      <strong>{{ 'Aujourd’hui' | t: lang() }}</strong> {{ entry.date | jlDate }}
                    </li>
                  } @else {
                    <li class="vt__milestone" [attr.data-milestone]="entry.id">
                      <span class="vt__diamond" [style.color]="entry.color" aria-hidden="true">◆</span>
                      <a [routerLink]="link('jalons', entry.id)">{{ entry.title }}</a
                      >&ngsp;
                      <span class="vt__meta">
                        {{ entry.date | jlDate }} · {{ entry.functionName }} ·
                        <span [class]="'vt__state vt__state--' + entry.state">{{ milestoneStates[entry.state] | t: lang() }}</span>
                      </span>
                    </li>
                  }
                }
              </ol>
            }
          </li>
        }
      </ol>
      @if (tl.todayAfter) {
        <p class="vt__today" data-testid="timeline-today">
          <strong>{{ 'Aujourd’hui' | t: lang() }}</strong> {{ tl.at | jlDate }}
        </p>
      }

      <h2>{{ 'Actions par fonction' | t: lang() }}</h2>
      @for (fn of tl.functions; track fn.id) {
        <details class="vt__function" [attr.data-function]="fn.id" [open]="tl.functions.length === 1">
          <summary>
            <span class="swatch" [style.background]="fn.color" aria-hidden="true"></span>
            <span class="vt__fn-name">{{ fn.name }}</span>
            <span class="vt__counts">
              {{ '{n} action|{n} actions' | t: lang() : { n: fn.actions.length } }}
              · {{ '{n} terminée|{n} terminées' | t: lang() : { n: fn.done } }}
              @if (fn.late > 0) {
                · {{ '{n} en retard' | t: lang() : { n: fn.late } }}
              }
            </span>
          </summary>
          @if (fn.actions.length > 0) {
            <ul class="plain-list vt__actions">
              @for (action of fn.actions; track action.id) {
                <li [attr.data-action]="action.id">
                  <a [routerLink]="link('actions', action.id)">{{ action.title }}</a
                  >&ngsp;
                  <span class="vt__meta">
                    <span class="vt__status">{{ statuses[action.status] | t: lang() }}</span
                    >&ngsp;
                    @if (action.health === 'late' || action.health === 'at_risk') {
                      <jl-health-badge [health]="action.health" />
                    }
                    {{ 'du {start} au {end}' | t: lang() : { start: action.start | jlDate, end: action.due | jlDate } }}
                  </span>
                </li>
              }
            </ul>
          } @else {
            <p class="vt__meta">{{ 'Aucune action.' | t: lang() }}</p>
          }
        </details>
      }
    </section>
  `,
  styles: `
    .vt__phases,
    .vt__entries {
      margin: 0 0 1.25rem;
      padding: 0;
      list-style: none;
    }
    .vt__phase {
      position: relative;
      padding: 0 0 0.75rem 1.1rem;
      border-left: 3px solid var(--jl-border);
    }
    .vt__phase--current {
      border-left-color: var(--jl-brand);
    }
    .vt__phase-name {
      margin: 0;
      font-size: 1.05rem;
    }
    .vt__entries {
      margin: 0.5rem 0 0;
    }
    .vt__entries li {
      padding: 0.35rem 0;
    }
    .vt__milestone,
    .vt__actions li {
      overflow-wrap: anywhere;
    }
    .vt__meta {
      display: block;
      margin: 0;
      color: var(--jl-text-muted);
      font-size: 0.9rem;
    }
    .vt__diamond {
      margin-right: 0.3rem;
    }
    .vt__state--late {
      color: #a4231a;
      font-weight: 600;
    }
    .vt__today {
      margin: 0.25rem 0;
      padding: 0.2rem 0.5rem;
      border-left: 4px solid var(--jl-today);
      background: #fbe3e1;
      color: #7d1a13;
    }
    .vt__function {
      margin-bottom: 0.5rem;
      border: 1px solid var(--jl-border);
      border-radius: 6px;
      background: var(--jl-surface);
    }
    .vt__function summary {
      padding: 0.5rem 0.75rem;
      font-weight: 600;
      cursor: pointer;
    }
    .vt__counts {
      display: block;
      color: var(--jl-text-muted);
      font-size: 0.85rem;
      font-weight: 400;
    }
    .vt__actions li {
      padding: 0.45rem 0.75rem;
      border-top: 1px solid var(--jl-border);
    }
    .vt__status {
      margin-right: 0.35rem;
      padding: 0 0.4rem;
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.8rem;
    }
  `,
})
export class JlVerticalTimeline {
  protected readonly lang = inject(I18n).lang;
  readonly chronogram = input.required<ChronogramView>();

  protected readonly timeline = computed(() => buildTimeline(this.chronogram()));
  protected readonly statuses = STATUS_LABELS;
  protected readonly milestoneStates = MILESTONE_STATE_LABELS;

  protected link(page: 'actions' | 'jalons', id: string): Array<string | number> {
    return roadmapPath(this.chronogram().roadmap.slug, page, id);
  }
}
