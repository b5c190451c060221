import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A phase's purpose — the « why » of the period, before the « how » (docs/kit.md) — as one short
 * paragraph under the phase's name; nothing when the phase has none. The text is the kit's, in French.
 */
@Component({
  selector: 'jl-phase-purpose',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (purpose(); as text) {
      <span class="phase-purpose" data-testid="phase-purpose">&ngsp;{{ text }}</span>
    }
  `,
  styles: `
    .phase-purpose {
      display: block;
      max-width: 40rem;
      margin-top: 0.2rem;
      color: var(--jl-text-muted);
      font-size: 0.85rem;
      font-weight: 400;
      white-space: normal;
    }
  `,
})
export class PhasePurpose {
  readonly purpose = input<string | null | undefined>(null);
}
