import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  ViewEncapsulation,
} from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { PercentPipe } from '../shared/percent.pipe';
import { ProvenanceBadge } from '../shared/provenance-badge';
import type { GanttAdd, GanttOpen } from './gantt-events';
import type { GanttLayout } from './gantt-layout';
import type { GanttRow } from './gantt-row-types';
import { RowSpan, rowsInSight } from './gantt-window';

/**
 * The left-hand list of `<jl-gantt>`, row for row beside the chart (ADR 0028): only the rows of
 * `span` are in the page, each placed at its own height in a list as tall as all of them, so the
 * page scrolls as if every row were there. Each row says its place (`aria-posinset` of
 * `aria-setsize`); the row holding the keyboard focus stays in the page however far one scrolls;
 * ↑ / ↓ / Début / Fin move the focus from row to row, drawing the row first when needed.
 */
@Component({
  selector: 'jl-gantt-list',
  imports: [PercentPipe, ProvenanceBadge, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // the focus and the arrow keys of the rows' buttons and links, as they bubble (the list itself takes no focus)
  host: { '(focusin)': 'onFocusIn($event)', '(focusout)': 'onFocusOut($event)', '(keydown)': 'onKey($event)' },
  // styled by gantt.scss, under `.jl-gantt`; here only what places the rows (gantt.scss is at its budget)
  encapsulation: ViewEncapsulation.None,
  templateUrl: './gantt-list.html',
  styles: `
    /* the list is as tall as all its rows; only those in sight are in it, each at its own height */
    .jl-gantt .jl-gantt__rows {
      position: relative;
    }
    .jl-gantt .jl-gantt__row {
      position: absolute;
      right: 0;
      left: 0;
    }
  `,
})
export class JlGanttList {
  readonly rows = input.required<readonly GanttRow[]>();
  readonly layout = input.required<GanttLayout>();
  /** the rows to keep in the page */
  readonly span = input.required<RowSpan>();
  readonly canAddTo = input<(functionId: string) => boolean>(() => false);

  /** a function's rows folded or unfolded (not `toggle`: a DOM event of that name exists) */
  readonly toggleGroup = output<string>();
  readonly open = output<GanttOpen>();
  readonly add = output<GanttAdd>();

  protected readonly lang = inject(I18n).lang;
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  /** the key of the row holding the focus: kept in the page while it does */
  private readonly focusedKey = signal<string | null>(null);
  private readonly focusedIndex = computed(() => {
    const key = this.focusedKey();
    return key === null ? -1 : this.rows().findIndex((r) => r.key === key);
  });
  protected readonly shown = computed(() => rowsInSight(this.rows(), this.span(), this.focusedIndex()));

  protected onFocusIn(event: FocusEvent): void {
    const index = this.indexOf(event.target);
    if (index !== null) this.focusedKey.set(this.rows()[index]?.key ?? null);
  }

  protected onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !this.element.nativeElement.contains(next)) this.focusedKey.set(null);
  }

  /** ↑ / ↓: the row above / below; Début / Fin: the first / last row. */
  protected onKey(event: KeyboardEvent): void {
    const from = this.indexOf(event.target);
    if (from === null) return;
    const last = this.rows().length - 1;
    const to =
      event.key === 'ArrowDown'
        ? Math.min(last, from + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, from - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (to === null) return;
    event.preventDefault();
    this.focusRow(to);
  }

  /** Puts the focus on the first button of row `index`, drawing the row first if it is not in the page. */
  focusRow(index: number): void {
    const row = this.rows()[index];
    if (!row) return;
    const focus = (): boolean => {
      const button = this.element.nativeElement.querySelector<HTMLButtonElement>(`li[data-row="${index}"] button`);
      if (!button) return false;
      button.focus();
      button.scrollIntoView?.({ block: 'nearest' });
      return true;
    };
    if (focus()) return;
    this.focusedKey.set(row.key); // kept in the page: drawn at the next render
    afterNextRender(() => void focus(), { injector: this.injector });
  }

  private indexOf(target: EventTarget | null): number | null {
    const li = target instanceof Element ? target.closest<HTMLElement>('li[data-row]') : null;
    return li ? Number(li.dataset['row']) : null;
  }
}
