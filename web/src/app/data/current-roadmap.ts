import type { RoadmapSummaryView } from '@jalons/contract';
import { Injectable, signal } from '@angular/core';

/** The roadmap the user is looking at, for the shell's header. Set by the page that loads it. */
@Injectable({ providedIn: 'root' })
export class CurrentRoadmap {
  private readonly current = signal<RoadmapSummaryView | null>(null);
  readonly roadmap = this.current.asReadonly();

  set(roadmap: RoadmapSummaryView | null): void {
    this.current.set(roadmap);
  }
}
