import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { aRoadmap } from '../testing/factories';
import { RoadmapDirectory } from './roadmap-directory';
import { sameSectionIn } from './roadmap-path';
import { oldLinkRedirect, openRoadmapGuard, roadmapIdResolver, roadmapsAskedEarly } from './roadmap-routing';

/** Stands for any page of a roadmap: shows the id it received. */
@Component({ selector: 'jl-probe', template: `{{ roadmap() }}` })
class Probe {
  readonly roadmap = input<string>();
}

const BREST = aRoadmap({ id: 'rm-brest', slug: 'brest-2026-2032' });
const QUIMPER = aRoadmap({ id: 'rm-quimper', slug: 'quimper-2026-2032', territory: 'Ville de Quimper' });

describe('the roadmap in the URL', () => {
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: '', pathMatch: 'full', canActivate: [openRoadmapGuard], component: Probe },
            {
              path: 'r/:slug',
              resolve: { roadmap: roadmapIdResolver },
              children: [
                { path: '', component: Probe },
                // as the app's lazy routes: a componentless level, then the page
                { path: 'chronogramme', children: [{ path: '', component: Probe }] },
                { path: 'actions/:id', component: Probe },
                { path: 'fonctions/:id', component: Probe },
              ],
            },
            { path: 'chronogramme', canActivate: [oldLinkRedirect('chronogramme')], children: [] },
            { path: 'actions/:id', canActivate: [oldLinkRedirect('actions')], children: [] },
            { path: 'fonctions/:id', canActivate: [oldLinkRedirect('fonctions')], children: [] },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });
  afterEach(() => http.verify());

  const tick = () => new Promise((resolve) => setTimeout(resolve));

  /** Navigates, answering the list of roadmaps (asked once per test: the directory keeps it). */
  async function go(url: string, answer: (h: HttpTestingController) => void = () => undefined): Promise<void> {
    const done = router.navigateByUrl(url);
    await tick();
    for (const req of http.match('/api/roadmaps')) req.flush([BREST, QUIMPER]);
    await tick();
    answer(http);
    await done;
  }

  it('gives the pages under /r/<slug> the roadmap’s id and makes it the one in view', async () => {
    const harness = await RouterTestingHarness.create();
    const page = harness.navigateByUrl('/r/quimper-2026-2032/chronogramme', Probe);
    await tick();
    http.expectOne('/api/roadmaps').flush([BREST, QUIMPER]);
    // the chronogram page's data is asked for as soon as its roadmap is known
    http.expectOne('/api/roadmaps/rm-quimper/chronogram');
    const probe = await page;
    expect(probe.roadmap()).toBe('rm-quimper');
    expect(router.url).toBe('/r/quimper-2026-2032/chronogramme');
    expect(TestBed.inject(CurrentRoadmap).roadmap()?.id).toBe('rm-quimper');
  });

  it('asks for a whole roadmap’s chronogram before its page is there, and for nothing on the other pages', async () => {
    await go('/r/brest-2026-2032');
    await go('/r/brest-2026-2032/actions/act-1');
    await go('/r/brest-2026-2032/chronogramme?fonction=fn-1');
    await go('/r/brest-2026-2032/chronogramme?ligne=bl-1');
    http.expectNone((r) => r.url.endsWith('/chronogram'));
    await go('/r/quimper-2026-2032/chronogramme?statut=en_cours');
    http.expectOne('/api/roadmaps/rm-quimper/chronogram');
  });

  it('asks for the chronogram of an old link’s roadmap while the list of roadmaps is on its way', async () => {
    const done = router.navigateByUrl('/chronogramme?roadmap=rm-quimper');
    await tick();
    const list = http.expectOne('/api/roadmaps');
    http.expectOne('/api/roadmaps/rm-quimper/chronogram');
    list.flush([BREST, QUIMPER]);
    await done;
    expect(router.url).toBe('/r/quimper-2026-2032/chronogramme');
  });

  it('opens, at /, the roadmap last opened on this browser, else the first', async () => {
    await go('/');
    expect(router.url).toBe('/r/brest-2026-2032');
    await go('/r/quimper-2026-2032');
    await go('/');
    expect(router.url).toBe('/r/quimper-2026-2032');
  });

  it('sends an unknown slug to /, which opens another roadmap', async () => {
    await go('/r/rennes-2026-2032/chronogramme');
    expect(router.url).toBe('/r/brest-2026-2032');
  });

  it('leads old links to the same page under /r/<slug>/', async () => {
    await go('/chronogramme?roadmap=rm-quimper&fonction=fn-3');
    expect(router.url).toBe('/r/quimper-2026-2032/chronogramme?fonction=fn-3');

    await go('/actions/act-9', (h) => h.expectOne('/api/actions/act-9').flush({ id: 'act-9', roadmapId: 'rm-quimper' }));
    expect(router.url).toBe('/r/quimper-2026-2032/actions/act-9');

    await go('/fonctions/fn-7', (h) => {
      h.expectOne('/api/roadmaps/rm-brest/functions').flush([{ id: 'fn-1' }]);
      h.expectOne('/api/roadmaps/rm-quimper/functions').flush([{ id: 'fn-7' }]);
    });
    expect(router.url).toBe('/r/quimper-2026-2032/fonctions/fn-7');
  });

  it('opens an old link to an item it cannot place in the roadmap chosen here (its page then says what is wrong)', async () => {
    await go('/actions/gone', (h) =>
      h.expectOne('/api/actions/gone').flush({ message: 'introuvable' }, { status: 404, statusText: 'Not Found' }),
    );
    expect(router.url).toBe('/r/brest-2026-2032/actions/gone');
  });

  it('keeps the reader in the same section when switching roadmaps', () => {
    expect(sameSectionIn('/r/brest-2026-2032/chronogramme?fonction=x', 'quimper')).toBe('/r/quimper/chronogramme');
    expect(sameSectionIn('/r/brest-2026-2032/actions/act-1', 'quimper')).toBe('/r/quimper');
    expect(sameSectionIn('/mon-compte', 'quimper')).toBe('/r/quimper');
  });

  it('reads the list again after a refresh (a roadmap just created)', async () => {
    const directory = TestBed.inject(RoadmapDirectory);
    await go('/r/brest-2026-2032');
    directory.refresh();
    const next = directory.list();
    let names: string[] = [];
    next.subscribe((list) => (names = list.map((r) => r.slug)));
    http.expectOne('/api/roadmaps').flush([BREST, QUIMPER, aRoadmap({ id: 'rm-3', slug: 'lorient-2026-2032' })]);
    expect(names).toEqual(['brest-2026-2032', 'quimper-2026-2032', 'lorient-2026-2032']);
  });
});

describe('the roadmaps asked for while the session is', () => {
  /** `r/:slug` (an overview and a chronogram page) below a guard that waits until `release()`, as signedInGuard waits for GET /api/auth/session */
  function behindAWaitingGuard() {
    let release!: () => void;
    const sessionKnown = new Promise<void>((resolve) => (release = resolve));
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            {
              path: '',
              canActivateChild: [() => sessionKnown.then(() => true)],
              children: [
                {
                  path: 'r/:slug',
                  canMatch: [roadmapsAskedEarly],
                  resolve: { roadmap: roadmapIdResolver },
                  children: [
                    { path: '', component: Probe },
                    { path: 'chronogramme', children: [{ path: '', component: Probe }] },
                  ],
                },
              ],
            },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    return { http: TestBed.inject(HttpTestingController), release };
  }

  it('asks for the list while a guard above still waits (the start’s session question), and once', async () => {
    const { http, release } = behindAWaitingGuard();
    const harness = await RouterTestingHarness.create();
    const page = harness.navigateByUrl('/r/quimper-2026-2032', Probe);
    await new Promise((resolve) => setTimeout(resolve));
    // the session is not known yet, and the list is already on its way
    const list = http.expectOne('/api/roadmaps');
    release();
    await new Promise((resolve) => setTimeout(resolve));
    list.flush([BREST, QUIMPER]);
    const probe = await page;
    expect(probe.roadmap()).toBe('rm-quimper');
    expect(TestBed.inject(CurrentRoadmap).roadmap()?.slug).toBe('quimper-2026-2032');
    // the resolver took the same answer
    http.verify();
  });

  it('asks for a whole roadmap’s chronogram as soon as the list names it, while the guard above still waits; not on its other pages', async () => {
    const { http, release } = behindAWaitingGuard();
    const harness = await RouterTestingHarness.create();
    const page = harness.navigateByUrl('/r/quimper-2026-2032/chronogramme', Probe);
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/roadmaps').flush([BREST, QUIMPER]);
    // the session is still not known: the chronogram is already on its way
    http.expectOne('/api/roadmaps/rm-quimper/chronogram');
    release();
    expect((await page).roadmap()).toBe('rm-quimper');
    // the resolver did not ask for it again
    http.expectNone((r) => r.url.endsWith('/chronogram'));
    await harness.navigateByUrl('/r/brest-2026-2032?fonction=fn-1', Probe);
    await harness.navigateByUrl('/r/brest-2026-2032/chronogramme?fonction=fn-1', Probe);
    http.expectNone((r) => r.url.endsWith('/chronogram'));
    http.verify();
  });
});
