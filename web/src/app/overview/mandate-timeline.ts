import { ChangeDetectionStrategy, Component, computed, input, inject } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/t.pipe';
import { FrDatePipe } from '../shared/fr-date.pipe';
import { TimelineRoadmap, buildTimeline } from './timeline';

/** The mandate as a horizontal timeline: the phases as proportional bands, elections and today marked. */
@Component({
  selector: 'jl-mandate-timeline',
  imports: [FrDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mandate-timeline.html',
  styleUrl: './mandate-timeline.scss',
})
export class MandateTimeline {
  private readonly i18n = inject(I18n);
  protected readonly lang = this.i18n.lang;
  readonly roadmap = input.required<TimelineRoadmap>();
  protected readonly timeline = computed(() => buildTimeline(this.roadmap(), this.i18n.translate()));
}
