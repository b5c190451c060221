import type { RoadmapSummaryView } from '@jalons/contract';
import { Injectable, inject, signal } from '@angular/core';
import { Observable, shareReplay, tap } from 'rxjs';

import { RoadmapsService } from '../data/roadmaps.service';

const REMEMBERED = 'jalons.roadmap';

/**
 * The instance's roadmaps, read once and shared by the header's switcher, the URL's slug and the
 * redirects of old links; `refresh()` after a roadmap is created or changed. Also remembers the
 * roadmap last opened on this browser, which `/` opens.
 */
@Injectable({ providedIn: 'root' })
export class RoadmapDirectory {
  private readonly api = inject(RoadmapsService);
  private cached: Observable<RoadmapSummaryView[]> | null = null;
  private readonly refreshed = signal(0);
  /** changes at each refresh(): what shows the list reads it again */
  readonly generation = this.refreshed.asReadonly();

  list(): Observable<RoadmapSummaryView[]> {
    this.cached ??= this.api.list().pipe(
      // a failed read is not kept: the next navigation asks again
      tap({ error: () => (this.cached = null) }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.cached;
  }

  /** Starts reading the list (once; a failure is the next reader's to see, and is not kept). */
  prefetch(): void {
    this.list().subscribe({ error: () => undefined });
  }

  refresh(): void {
    this.cached = null;
    this.refreshed.update((n) => n + 1);
  }

  remember(slug: string | null): void {
    try {
      if (slug) localStorage.setItem(REMEMBERED, slug);
      else localStorage.removeItem(REMEMBERED);
    } catch {
      // storage refused (private browsing): `/` opens the first roadmap
    }
  }

  remembered(): string | null {
    try {
      return localStorage.getItem(REMEMBERED);
    } catch {
      return null;
    }
  }

  /** The roadmap `/` opens: the one named, else the last opened here, else the first. */
  pick(list: readonly RoadmapSummaryView[], id?: string | null): RoadmapSummaryView | null {
    const remembered = this.remembered();
    return list.find((r) => r.id === id) ?? list.find((r) => r.slug === remembered) ?? list[0] ?? null;
  }
}
