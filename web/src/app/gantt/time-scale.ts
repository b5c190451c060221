import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { GANTT_VIEW_MODES } from './gantt-layout';
import type { GanttViewMode } from './gantt-layout';
import { VIEW_MODE_LABELS } from './gantt-view-modes';

/** The time scales a chronogram offers, with the French labels (dictionary keys). */
export const VIEW_MODES: readonly { value: GanttViewMode; label: string }[] = GANTT_VIEW_MODES.map((value) => ({
  value,
  label: VIEW_MODE_LABELS[value],
}));

/**
 * The time-scale buttons (month, quarter, year; the pressed one is the scale shown) and « Aujourd’hui »,
 * for the Gantt's own toolbar and the chronogram page's. No box of its own: the buttons sit in the
 * toolbar that holds it.
 */
@Component({
  selector: 'jl-time-scale',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    <div class="button-group" role="group" [attr.aria-label]="'Échelle de temps' | t: lang()">
      @for (m of modes; track m.value) {
        <button
          type="button"
          class="button"
          [class]="modeClass()"
          [attr.aria-pressed]="mode() === m.value"
          (click)="modeChange.emit(m.value)"
        >
          {{ m.label | t: lang() }}
        </button>
      }
    </div>
    <button type="button" class="button" (click)="today.emit()">
      {{ 'Aujourd’hui' | t: lang() }}
    </button>
  `,
})
export class JlTimeScale {
  protected readonly lang = inject(I18n).lang;
  protected readonly modes = VIEW_MODES;
  /** the scale shown */
  readonly mode = input.required<GanttViewMode>();
  /** a class the scale buttons carry besides `button` */
  readonly modeClass = input('');
  readonly modeChange = output<GanttViewMode>();
  readonly today = output<void>();
}
