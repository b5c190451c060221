import type { RoadmapSummaryView } from '@jalons/contract';
import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, RedirectCommand, ResolveFn, Router, UrlTree } from '@angular/router';
import { Observable, catchError, forkJoin, map, of, switchMap } from 'rxjs';

import { ChronogramPrefetch } from '../data/chronogram-prefetch';
import { CurrentRoadmap } from '../data/current-roadmap';
import { API_BASE, RoadmapsService } from '../data/roadmaps.service';
import { RoadmapDirectory } from './roadmap-directory';

/**
 * `r/:slug`, while the router matches the address (before any guard waits for the start's session
 * question): the instance's roadmaps are asked for now, in parallel with that question, so that
 * the slug is resolved as soon as the session is known instead of one round trip later (issue 14:
 * the overview's largest paint waited for session → roadmaps → roadmap). On the chronogram page of a whole
 * roadmap, its chronogram is asked for as soon as the list names the slug's id, without waiting for the guards,
 * the resolver and the page's code (bench:gantt: the read left 190 ms later from the resolver). A list that fails
 * (signed out) starts nothing. Always matches.
 */
export const roadmapsAskedEarly: CanMatchFn = (_route, segments) => {
  const directory = inject(RoadmapDirectory);
  directory.prefetch();
  const slug = segments[1]?.path;
  const url = inject(Router).currentNavigation()?.extractedUrl;
  if (slug && url && showsWholeChronogram(url, ['r', slug, 'chronogramme'])) {
    const prefetch = inject(ChronogramPrefetch);
    directory.list().subscribe({
      next: (list) => {
        const roadmap = list.find((r) => r.slug === slug);
        if (roadmap) prefetch.start(roadmap.id);
      },
      error: () => undefined,
    });
  }
  return true;
};

/**
 * `r/:slug`: the roadmap named by the URL, resolved to its id (the pages' `roadmap` input) and
 * made the one in view (header, switcher). An unknown slug goes to `/`, which opens another.
 */
export const roadmapIdResolver: ResolveFn<string> = (route, state): Observable<string | RedirectCommand> => {
  const slug = route.paramMap.get('slug') ?? '';
  const directory = inject(RoadmapDirectory);
  const current = inject(CurrentRoadmap);
  const router = inject(Router);
  const prefetch = inject(ChronogramPrefetch);
  return directory.list().pipe(
    map((list) => {
      const roadmap = list.find((r) => r.slug === slug);
      if (!roadmap) {
        if (directory.remembered() === slug) directory.remember(null);
        return new RedirectCommand(router.parseUrl('/'), { replaceUrl: true });
      }
      if (current.roadmap()?.id !== roadmap.id) current.set(roadmap);
      directory.remember(slug);
      // the chronogram page's data, while its code and the page are still on their way
      if (showsWholeChronogram(router.parseUrl(state.url), ['r', slug, 'chronogramme'])) prefetch.start(roadmap.id);
      return roadmap.id;
    }),
  );
};

/** Whether `url` is the chronogram page of a whole roadmap (at `path`): not one function's, no baseline beneath. */
function showsWholeChronogram(url: UrlTree, path: readonly string[]): boolean {
  const segments = url.root.children['primary']?.segments.map((s) => s.path) ?? [];
  const { fonction, ligne } = url.queryParams as Record<string, string | undefined>;
  return !fonction && !ligne && segments.length === path.length && segments.every((s, i) => s === path[i]);
}

/** `/` (and `/?roadmap=<id>`, the old form): the roadmap last opened here, or the first; none yet: the empty overview. */
export const openRoadmapGuard: CanActivateFn = (route) => {
  const directory = inject(RoadmapDirectory);
  const router = inject(Router);
  return directory.list().pipe(
    map((list): boolean | UrlTree => {
      const roadmap = directory.pick(list, route.queryParamMap.get('roadmap'));
      return roadmap ? router.createUrlTree(['/r', roadmap.slug]) : true;
    }),
    catchError(() => of(true)), // the overview says what failed
  );
};

type OldPage = 'chronogramme' | 'actions' | 'jalons' | 'fonctions';

/** The roadmap an old link's item or function belongs to (null: unknown, the chosen roadmap opens). */
function roadmapOfOldLink(
  page: OldPage,
  id: string | null,
  list: readonly RoadmapSummaryView[],
  http: HttpClient,
  roadmaps: RoadmapsService,
): Observable<string | null> {
  if (!id || page === 'chronogramme' || list.length < 2) return of(null);
  if (page === 'fonctions') {
    return forkJoin(list.map((r) => roadmaps.functions(r.id).pipe(map((fns) => (fns.some((f) => f.id === id) ? r.id : null))))).pipe(
      map((found) => found.find((r) => r !== null) ?? null),
      catchError(() => of(null)),
    );
  }
  const path = page === 'actions' ? 'actions' : 'milestones';
  return http.get<{ roadmapId: string }>(`${API_BASE}/${path}/${encodeURIComponent(id)}`).pipe(
    map((item) => item.roadmapId),
    catchError(() => of(null)),
  );
}

/**
 * Links from before the roadmap was in the URL (/chronogramme?roadmap=…, /actions/:id, /jalons/:id,
 * /fonctions/:id — in e-mails, calendars, bookmarks) lead to the same page under `/r/<slug>/`.
 */
export function oldLinkRedirect(page: OldPage): CanActivateFn {
  return (route) => {
    const directory = inject(RoadmapDirectory);
    const router = inject(Router);
    const http = inject(HttpClient);
    const roadmaps = inject(RoadmapsService);
    const id = route.paramMap.get('id');
    const { roadmap: named, ...query } = route.queryParams as Record<string, string>;
    // /chronogramme?roadmap=<id>: the chronogram is read while the list and the page's code come
    if (page === 'chronogramme' && named && !query['fonction'] && !query['ligne']) inject(ChronogramPrefetch).start(named);
    return directory.list().pipe(
      switchMap((list) =>
        roadmapOfOldLink(page, id, list, http, roadmaps).pipe(
          map((owner) => {
            const roadmap = directory.pick(list, owner ?? named);
            if (!roadmap) return router.createUrlTree(['/']);
            return router.createUrlTree(['/r', roadmap.slug, page, ...(id ? [id] : [])], { queryParams: query });
          }),
        ),
      ),
      catchError(() => of(router.createUrlTree(['/']))),
    );
  };
}
