import type { ChronogramView } from '@jalons/contract';
import { Injectable, inject } from '@angular/core';
import { Observable, shareReplay } from 'rxjs';

import { ChronogramService } from './chronogram.service';

/** A chronogram asked for earlier than this is not handed to the page (it asks again). */
const FRESH_MS = 10_000;

/**
 * The whole roadmap's chronogram, asked for as soon as the router knows which roadmap the
 * chronogram page will show (ADR 0028, « the first click »): while the page's code is still being
 * fetched instead of after it. The page takes it once; every later read (a reload after a saved
 * change, another function, a baseline) asks the API itself.
 */
@Injectable({ providedIn: 'root' })
export class ChronogramPrefetch {
  private readonly chronograms = inject(ChronogramService);
  private pending: { roadmapId: string; at: number; view: Observable<ChronogramView> } | null = null;

  /** Starts reading the chronogram of `roadmapId` (once). The page's code is already on its way: the router
   *  loads a lazy route's code when it recognises the address, before its resolvers run. */
  start(roadmapId: string): void {
    if (this.pending?.roadmapId === roadmapId && this.isFresh(this.pending.at)) return;
    const view = this.chronograms.get(roadmapId).pipe(shareReplay({ bufferSize: 1, refCount: false }));
    // a failure is the page's to show, when it takes this read
    view.subscribe({ error: () => undefined });
    this.pending = { roadmapId, at: Date.now(), view };
  }

  /** The read started for `roadmapId`, if it is recent; null otherwise. Either way it is given once. */
  take(roadmapId: string): Observable<ChronogramView> | null {
    const pending = this.pending;
    this.pending = null;
    return pending && pending.roadmapId === roadmapId && this.isFresh(pending.at) ? pending.view : null;
  }

  private isFresh(at: number): boolean {
    return Date.now() - at < FRESH_MS;
  }
}
