import type { Health } from '@jalons/domain';
import { ChangeDetectionStrategy, Component, computed, input, inject } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { HEALTH_LABELS } from './labels';

/**
 * Schedule health as a badge: a word, a shape and a colour, never colour alone. Styles (and the
 * decorative shape, drawn in CSS) live in styles.scss, `.health`.
 */
@Component({
  selector: 'jl-health-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="health" [class]="'health--' + health()">{{ label() | t: lang() }}</span>`,
})
export class HealthBadge {
  protected readonly lang = inject(I18n).lang;
  readonly health = input.required<Health>();
  protected readonly label = computed(() => HEALTH_LABELS[this.health()]);
}
