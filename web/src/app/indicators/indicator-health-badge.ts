import type { IndicatorHealth } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { INDICATOR_HEALTH_TEXT } from './indicator-labels';

/**
 * An indicator's health as a badge: a word, a shape and a colour, never colour alone (the shapes
 * are drawn in CSS and hidden from screen readers, who hear the word).
 */
@Component({
  selector: 'jl-indicator-health',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="health" [class]="'health indicator-health--' + health()" data-testid="indicator-health">{{
    label() | t: lang()
  }}</span>`,
  styles: `
    .health::before {
      font-size: 0.7em;
    }
    .indicator-health--on-track {
      background: #e3f1e6;
      color: #1b5e20;
      &::before {
        content: '●';
        content: '●' / '';
      }
    }
    .indicator-health--at-risk {
      background: #fff1cc;
      color: #6d4c00;
      &::before {
        content: '▲';
        content: '▲' / '';
      }
    }
    .indicator-health--off-track {
      background: #fbe3e1;
      color: #a4231a;
      &::before {
        content: '■';
        content: '■' / '';
      }
    }
    .indicator-health--not-measured {
      background: #eef0f3;
      color: #3d4756;
      &::before {
        content: '○';
        content: '○' / '';
      }
    }
    .indicator-health--stale {
      background: #eef0f3;
      color: #5c4000;
      &::before {
        content: '◔';
        content: '◔' / '';
      }
    }
  `,
})
export class IndicatorHealthBadge {
  protected readonly lang = inject(I18n).lang;
  readonly health = input.required<IndicatorHealth>();
  protected readonly label = computed(() => INDICATOR_HEALTH_TEXT[this.health()]);
}
