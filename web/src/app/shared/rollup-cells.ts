import type { RollUp } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { HealthBadge } from './health-badge';
import { PercentPipe } from './percent.pipe';
import { ProgressBar } from './progress-bar';

/*
 * The three columns every table of roll-ups (phases, functions) shows: progress done with its bar,
 * progress expected, schedule health. The row is the host: the page projects its own cells, those
 * before the three columns as they are, those after marked `jlAfter` (an attribute, nothing more).
 *
 *     <tr jlRollUpHeads><th scope="col">Phase</th><th scope="col" class="num" jlAfter>…</th></tr>
 *     <tr jlRollUpCells [rollUp]="phase.rollUp"><th scope="row">…</th><td class="num" jlAfter>…</td></tr>
 */

/** The header row of a roll-up table. */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- a table allows no element of ours around its cells
  selector: 'tr[jlRollUpHeads]',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-content />
    <th scope="col" class="num">{{ 'Réalisé' | t: lang() }}</th>
    <th scope="col" class="num">{{ 'Attendu' | t: lang() }}</th>
    <th scope="col">{{ 'Calendrier' | t: lang() }}</th>
    <ng-content select="[jlAfter]" />
  `,
})
export class RollUpHeads {
  protected readonly lang = inject(I18n).lang;
}

/**
 * A row of a roll-up table. Without a roll-up (nothing planned there), one cell spanning the three
 * columns and those after says so: the page projects it, marked `jlNone`.
 */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- a table allows no element of ours around its cells
  selector: 'tr[jlRollUpCells]',
  imports: [PercentPipe, HealthBadge, ProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-content />
    @if (rollUp(); as ru) {
      <td class="num">
        {{ ru.progress | jlPercent: lang() }}
        <jl-progress-bar [progress]="ru.progress" [expected]="ru.expected" />
      </td>
      <td class="num">{{ ru.expected | jlPercent: lang() }}</td>
      <td><jl-health-badge [health]="ru.health" /></td>
      <ng-content select="[jlAfter]" />
    } @else {
      <ng-content select="[jlNone]" />
    }
  `,
})
export class RollUpCells {
  protected readonly lang = inject(I18n).lang;
  readonly rollUp = input.required<RollUp | null>();
}

/** What a template imports to write a roll-up table. */
export const ROLLUP_TABLE = [RollUpHeads, RollUpCells] as const;
