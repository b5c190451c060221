import type { IsoDate, RollUp } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FrDatePipe } from './fr-date.pipe';
import { HealthBadge } from './health-badge';
import { PercentPipe } from './percent.pipe';
import { ProgressBar } from './progress-bar';

/**
 * A roll-up's headline: progress done, progress expected on `at`, schedule health, and the large
 * bar. Shared by the overview and the public page (each adds its own legend and counts).
 */
@Component({
  selector: 'jl-rollup-summary',
  imports: [TranslatePipe, PercentPipe, FrDatePipe, HealthBadge, ProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="summary">
      <p class="summary__figure">
        <span class="summary__value">{{ rollUp().progress | jlPercent: lang() }}</span>
        {{ 'réalisé' | t: lang() }}
      </p>
      <p class="summary__figure">
        <span class="summary__value">{{ rollUp().expected | jlPercent: lang() }}</span>
        {{ 'attendu au {date}' | t: lang() : { date: at() | jlDate } }}
      </p>
      <p class="summary__figure">
        {{ 'Calendrier :' | t: lang() }}
        <jl-health-badge [health]="rollUp().health" />
      </p>
    </div>
    <jl-progress-bar class="bar--large" [progress]="rollUp().progress" [expected]="rollUp().expected" />
  `,
  styles: `
    :host {
      display: block;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem 2rem;
    }
    .summary__figure {
      margin: 0 0 0.5rem;
    }
    .summary__value {
      font-size: 1.75rem;
      font-weight: 700;
    }
  `,
})
export class RollUpSummary {
  protected readonly lang = inject(I18n).lang;
  readonly rollUp = input.required<RollUp>();
  readonly at = input.required<IsoDate>();
}
