import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { GovernanceService } from '../data/governance.service';
import { DecisionList } from '../governance/decision-list';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { loadable } from '../shared/loadable';

/**
 * « Décisions » on an action's or a milestone's page: the decisions that concern it (linked by a
 * meeting, or cited by a re-plan), newest first, each with its kind, its text and the meeting that
 * took it. Reloaded when the item's version changes (a re-plan citing a decision links it).
 */
@Component({
  selector: 'jl-item-decisions',
  imports: [DecisionList, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" [attr.aria-labelledby]="headingId()" data-testid="item-decisions">
      <h2 [id]="headingId()">{{ 'Décisions' | t: lang() }}</h2>
      @if (decisions.value(); as list) {
        @if (list.length === 0) {
          <p data-testid="no-decisions">{{ 'Aucune décision ne concerne cet élément pour l’instant.' | t: lang() }}</p>
        } @else {
          <jl-decision-list [decisions]="list" [slug]="slug()" [showItems]="false" testId="item-decision-list" />
        }
      } @else if (decisions.loading()) {
        <p role="status">{{ 'Chargement des décisions…' | t: lang() }}</p>
      } @else {
        <p class="notice notice--error" role="alert">
          {{ 'Impossible de charger les décisions : {message}' | t: lang() : { message: decisions.error() ?? '' } }}
        </p>
      }
    </section>
  `,
})
export class ItemDecisions {
  protected readonly lang = inject(I18n).lang;
  private readonly governance = inject(GovernanceService);

  readonly roadmapId = input.required<string>();
  readonly slug = input.required<string>();
  readonly itemType = input.required<'action' | 'milestone'>();
  readonly item = input.required<{ id: string; version: number }>();

  protected readonly headingId = computed(() => `${this.itemType()}-decisions-titre`);
  private readonly query = computed(() => ({ roadmapId: this.roadmapId(), id: this.item().id, version: this.item().version }), {
    equal: (a, b) => a.roadmapId === b.roadmapId && a.id === b.id && a.version === b.version,
  });
  protected readonly decisions = loadable(this.query, (q) => this.governance.decisions(q.roadmapId, { itemId: q.id }));
}
