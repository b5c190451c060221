import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { ControlContainer, FormsModule } from '@angular/forms';

import { GovernanceService } from '../data/governance.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FORM_FIELD } from '../shared/form-field';
import { loadable } from '../shared/loadable';
import { decisionLabel } from './governance-labels';

/**
 * « Décision citée (facultatif) »: a select of the roadmap's decisions, newest first, for a baseline
 * or a re-plan that cites one (the API stores `decisionId`). The control belongs to the page's form
 * (`name="decisionId"`), as a field written in the page would.
 *
 *     <jl-decision-select [roadmapId]="roadmap.id" controlId="replan-decision" [error]="byField['decisionId']" [(value)]="decisionId" />
 */
@Component({
  selector: 'jl-decision-select',
  imports: [FormsModule, FORM_FIELD, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  viewProviders: [
    {
      provide: ControlContainer,
      useFactory: () => inject(ControlContainer, { skipSelf: true, optional: true }),
    },
  ],
  host: { style: 'display: contents' },
  template: `
    <jl-form-field [controlId]="controlId()" [label]="'Décision citée (facultatif)' | t: lang()" [error]="error() ?? loadError()">
      <select
        jlControl
        name="decisionId"
        [ngModel]="value() ?? ''"
        (ngModelChange)="value.set($event || null)"
        data-testid="decision-select"
      >
        <option value="">{{ 'Aucune' | t: lang() }}</option>
        @for (o of options(); track o.id) {
          <option [value]="o.id">{{ o.label }}</option>
        }
      </select>
    </jl-form-field>
  `,
})
export class DecisionSelect {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  private readonly governance = inject(GovernanceService);

  /** the roadmap whose decisions are offered */
  readonly roadmapId = input.required<string>();
  /** the control's id, unique in the page */
  readonly controlId = input('decision-citee');
  /** what is wrong with the choice (usually `errors().byField['decisionId']`) */
  readonly error = input<string | null | undefined>(null);
  /** the chosen decision's id, null for none */
  readonly value = model<string | null>(null);

  private readonly decisions = loadable(this.roadmapId, (id) => this.governance.decisions(id));
  protected readonly options = computed(() => {
    const t = this.i18n.translate();
    return (this.decisions.value() ?? []).map((d) => ({ id: d.id, label: decisionLabel(d, t) }));
  });
  protected readonly loadError = computed(() => {
    const message = this.decisions.error();
    return message ? this.i18n.t('Impossible de charger les décisions : {message}', { message }) : null;
  });
}
