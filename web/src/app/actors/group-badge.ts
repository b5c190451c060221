import type { ActorGroup } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { GROUP_LABELS } from './actor-labels';

/**
 * An actor's group as a badge: its word and a shape (never colour alone), « ajusté » when the lead set it by hand,
 * « non évalué » when the actor has no assessment yet.
 */
@Component({
  selector: 'jl-group-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (group(); as g) {
      <span class="actor-group" [class]="'actor-group--' + g">{{ label() | t: lang() }}</span>
      @if (overridden()) {
        &ngsp;<span class="tag" data-testid="group-overridden">{{ 'ajusté' | t: lang() }}</span>
      }
    } @else {
      <span class="field-hint">{{ 'non évalué' | t: lang() }}</span>
    }
  `,
  styles: `
    .actor-group {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      padding: 0.05rem 0.55rem;
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.85rem;
      font-weight: 600;
      white-space: nowrap;
    }
    .actor-group::before {
      font-size: 0.7em;
    }
    .actor-group--leaders {
      background: #e3f1e6;
      color: #1b5e20;
    }
    .actor-group--leaders::before {
      content: '●' / '';
    }
    .actor-group--median {
      background: #fff1cc;
      color: #6d4c00;
    }
    .actor-group--median::before {
      content: '◆' / '';
    }
    .actor-group--peu-impliques {
      background: #eceff3;
      color: #3d4654;
    }
    .actor-group--peu-impliques::before {
      content: '○' / '';
    }
  `,
})
export class GroupBadge {
  protected readonly lang = inject(I18n).lang;
  readonly group = input.required<ActorGroup | null>();
  /** the lead set the group by hand (the actor's groupOverride) */
  readonly overridden = input(false);
  protected readonly label = computed(() => {
    const g = this.group();
    return g ? GROUP_LABELS[g] : '';
  });
}
