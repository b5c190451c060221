import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

function clamp(x: number): number {
  return Math.min(100, Math.max(0, x));
}

/**
 * Progress achieved as a filled bar, with a tick where progress is expected today. Decorative:
 * the figures are always written next to it (styles in styles.scss, `.bar`).
 */
@Component({
  selector: 'jl-progress-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true', class: 'bar' },
  template: `<span class="bar__done" [style.width.%]="done()"></span><span class="bar__expected" [style.left.%]="expectedAt()"></span>`,
})
export class ProgressBar {
  /** 0–100 */
  readonly progress = input.required<number>();
  /** 0–100 */
  readonly expected = input.required<number>();
  protected readonly done = computed(() => clamp(this.progress()));
  protected readonly expectedAt = computed(() => clamp(this.expected()));
}
