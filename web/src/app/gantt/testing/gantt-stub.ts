import type { ChronogramView } from '@jalons/contract';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import type { GanttAdd, GanttOpen, GanttProgressChange, GanttReplan } from '../gantt';

/**
 * Stands in for the Gantt wrapper in pages' specs (the wrapper has its own tests; frappe-gantt needs
 * a real layout engine). Use with
 * `jest.mock('../gantt/gantt', () => jest.requireActual('../testing/gantt-stub'))`.
 */
@Component({
  selector: 'jl-gantt',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p data-testid="gantt">{{ chronogram().actions.length }} actions</p>`,
})
export class JlGantt {
  readonly chronogram = input.required<ChronogramView>();
  readonly viewMode = input<'month' | 'quarter' | 'year'>('quarter');
  readonly editable = input(false);
  readonly toolbar = input(true);
  readonly canAddTo = input<(functionId: string) => boolean>(() => false);
  readonly replan = output<GanttReplan>();
  readonly progressChange = output<GanttProgressChange>();
  readonly open = output<GanttOpen>();
  readonly add = output<GanttAdd>();

  scrolledToToday = 0;
  resets = 0;

  scrollToToday(): void {
    this.scrolledToToday++;
  }

  reset(): void {
    this.resets++;
  }
}
