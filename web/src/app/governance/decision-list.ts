import type { DecisionView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { roadmapPath } from '../roadmap/roadmap-path';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { DECISION_KIND_TEXTS } from './governance-labels';
import { linkedItemPath } from './linkable-items';

/**
 * Decisions read-only, newest first: date, kind, text, the meeting that took them (linked) and the
 * actions and milestones they concern (linked). Used by the governance page and the items' « Décisions ».
 */
@Component({
  selector: 'jl-decision-list',
  imports: [RouterLink, FrDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './governance.scss',
  host: { style: 'display: contents' },
  template: `
    <ul class="plain-list decision-list" [attr.data-testid]="testId()">
      @for (d of decisions(); track d.id) {
        <li [attr.data-decision]="d.id">
          <p>
            <strong>{{ d.date | jlDate }}</strong>
            &ngsp;<span class="kind-badge" [attr.data-kind]="d.kind">{{ kindTexts[d.kind] | t: lang() }}</span>
            @if (d.meeting; as m) {
              &ngsp;·
              <a [routerLink]="meetingPath(m.id)">{{
                '{instance} du {date}' | t: lang() : { instance: m.instanceName, date: (m.date | jlDate) }
              }}</a>
            }
          </p>
          <p>{{ d.text }}</p>
          @if (showItems() && d.items.length > 0) {
            <p class="field-hint">
              {{ 'Concerne :' | t: lang() }}
              @for (item of d.items; track item.id; let last = $last) {
                <a [routerLink]="itemPath(item)">{{ item.title }}</a
                >{{ last ? '' : ', ' }}
              }
            </p>
          }
        </li>
      }
    </ul>
  `,
})
export class DecisionList {
  protected readonly lang = inject(I18n).lang;
  readonly decisions = input.required<readonly DecisionView[]>();
  readonly slug = input.required<string>();
  /** whether the linked actions and milestones are listed (not on an item's own page) */
  readonly showItems = input(true);
  readonly testId = input<string | null>(null);

  protected readonly kindTexts = DECISION_KIND_TEXTS;

  protected meetingPath(id: string): Array<string | number> {
    return roadmapPath(this.slug(), 'reunions', id);
  }

  protected itemPath(item: DecisionView['items'][number]): Array<string | number> {
    return linkedItemPath(this.slug(), item);
  }
}
