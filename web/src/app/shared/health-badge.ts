import type { Health } from '@jalons/domain';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';

import { HEALTH_LABELS } from './labels';

/**
 * Schedule health as a badge: a word, a shape and a colour, never colour alone. Styles (and the
 * decorative shape, drawn in CSS) live in styles.scss, `.health`.
 */
@Component({
  selector: 'jl-health-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="health" [class]="'health--' + health()">{{
    label()
  }}</span>`,
})
export class HealthBadge {
  readonly health = input.required<Health>();
  protected readonly label = computed(() => HEALTH_LABELS[this.health()]);
}
