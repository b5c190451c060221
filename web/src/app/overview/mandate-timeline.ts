import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';

import { FrDatePipe } from '../shared/fr-date.pipe';
import { TimelineRoadmap, buildTimeline } from './timeline';

/** The mandate as a horizontal timeline: the phases as proportional bands, elections and today marked. */
@Component({
  selector: 'jl-mandate-timeline',
  imports: [FrDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mandate-timeline.html',
  styleUrl: './mandate-timeline.scss',
})
export class MandateTimeline {
  readonly roadmap = input.required<TimelineRoadmap>();
  protected readonly timeline = computed(() => buildTimeline(this.roadmap()));
}
