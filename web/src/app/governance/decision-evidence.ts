import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { GovernanceService } from '../data/governance.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { EVIDENCE_KIND_LABELS } from '../shared/labels';
import { loadable } from '../shared/loadable';

/** A decision's proof links (a deliberation, a document…), as the evidence feature keeps them; nothing when there are none. */
@Component({
  selector: 'jl-decision-evidence',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    @if (links.value(); as list) {
      @if (list.length > 0) {
        <p class="field-hint" data-testid="decision-evidence">
          {{ 'Preuves :' | t: lang() }}
          @for (e of list; track e.id; let last = $last) {
            <a [href]="e.url">{{ e.title }}</a> ({{ kindLabels[e.kind] | t: lang() }}){{ last ? '' : ', ' }}
          }
        </p>
      }
    } @else if (links.error(); as message) {
      <p class="field-hint">{{ 'Impossible de charger les preuves : {message}' | t: lang() : { message } }}</p>
    }
  `,
})
export class DecisionEvidence {
  protected readonly lang = inject(I18n).lang;
  private readonly governance = inject(GovernanceService);
  readonly decisionId = input.required<string>();
  protected readonly kindLabels = EVIDENCE_KIND_LABELS;
  protected readonly links = loadable(this.decisionId, (id) => this.governance.decisionEvidence(id));
}
