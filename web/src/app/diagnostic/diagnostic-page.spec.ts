import type { ActorPositionView, AssessmentView, DiagnosticView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { accessibleName, must, text } from '../testing/dom';
import { aRoadmap } from '../testing/factories';
import { refusal, setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { DiagnosticPage } from './diagnostic-page';

function assessment(actorId: string, on: string, maturity: number, ambition: number): AssessmentView {
  return { id: `${actorId}-${on}`, actorId, on, maturity, ambition, axes: {}, assessedBy: 'Équipe projet', comment: null };
}

function position(
  id: string,
  name: string,
  kind: ActorPositionView['kind'],
  first: [string, number, number] | null,
  current: [string, number, number] | null = first,
  group: ActorPositionView['group'] = null,
): ActorPositionView {
  const f = first ? assessment(id, ...first) : null;
  const c = current ? assessment(id, ...current) : null;
  return { id, name, kind, group, first: f, current: c, moved: !!f && !!c && (f.maturity !== c.maturity || f.ambition !== c.ambition) };
}

/** Five actors: two moved (DSIT, SIG), one still (Archives), one operator not yet assessed, one expert sharing DSIT's cell. */
function aDiagnostic(over: Partial<DiagnosticView> = {}): DiagnosticView {
  return {
    roadmapId: 'rm-1',
    on: '2024-06-01',
    thresholds: { matureFrom: 3, ambitiousFrom: 3 },
    actors: [
      position('a-archives', 'Archives', 'direction', ['2024-01-15', 2, 2], undefined, 'peu-impliques'),
      position('a-dsit', 'DSIT', 'direction', ['2023-10-15', 3, 4], ['2024-03-01', 4, 5], 'leaders'),
      position('a-expert', 'Etalab', 'expert', ['2024-02-01', 4, 5], undefined, 'leaders'),
      position('a-sem', 'SEM Brest’aim', 'operateur', null),
      position('a-sig', 'SIG', 'partenaire', ['2023-10-15', 2, 3], ['2024-04-01', 2, 4], 'median'),
    ],
    figures: [],
    firstAssessmentOn: '2023-10-15',
    lastAssessmentOn: '2024-04-01',
    ...over,
  };
}

describe('DiagnosticPage — « Maturité × ambition »', () => {
  let http: HttpTestingController;
  let page: HTMLElement;
  let harness: RouterTestingHarness;

  async function open(
    view: DiagnosticView | 'failed' = aDiagnostic(),
    url = '/diagnostic?roadmap=rm-1',
    expected = '/api/roadmaps/rm-1/diagnostic',
  ) {
    http = setUpRoutedTest([{ path: 'diagnostic', component: DiagnosticPage }], aMe());
    TestBed.inject(CurrentRoadmap).set(aRoadmap({ id: 'rm-1' }));
    harness = await RouterTestingHarness.create(url);
    const req = http.expectOne(expected);
    if (view === 'failed') req.flush(...refusal(400, 'bad_request', 'La date doit être au format AAAA-MM-JJ.'));
    else req.flush(view);
    await harness.fixture.whenStable();
    page = must(harness.routeNativeElement, 'page');
  }
  afterEach(() => http.verify());

  const points = () => Array.from(page.querySelectorAll<SVGGElement>('[data-testid="map-point"]'));
  const point = (id: string) => must(page.querySelector<SVGGElement>(`[data-testid="map-point"][data-actor="${id}"]`), `point ${id}`);
  const arrows = () =>
    Array.from(page.querySelectorAll('[data-testid="map-arrows"] [data-actor]')).map((a) => a.getAttribute('data-actor'));
  const rows = () => Array.from(page.querySelectorAll('[data-testid="diagnostic-table"] tbody tr[data-actor]'));
  const checkbox = (id: string) => must(page.querySelector<HTMLInputElement>(`#${id}`), id);
  async function click(el: HTMLElement) {
    el.click();
    await harness.fixture.whenStable();
  }

  it('draws one point per actor assessed on the day and an arrow only for those that moved', async () => {
    await open();
    expect(text(page.querySelector('h1'))).toBe('Maturité × ambition');
    expect(points().map((p) => p.getAttribute('data-actor'))).toEqual(['a-archives', 'a-dsit', 'a-expert', 'a-sig']);
    expect(arrows()).toEqual(['a-dsit', 'a-sig']);
    const unassessed = must(page.querySelector('[data-testid="diagnostic-unassessed"]'));
    expect(text(unassessed.querySelector('summary'))).toBe('1 acteur pas encore évalué à cette date');
    expect(text(unassessed.querySelector('p'))).toBe('SEM Brest’aim');
    expect(text(page.querySelector('[data-testid="diagnostic-summary"]'))).toBe(
      'Au 01/06/2024 : 4 acteurs évalués affichés, dont 2 déplacés depuis leur première évaluation.',
    );
  });

  it('names each point for a screen reader, reachable with the keyboard, and shows the name on focus', async () => {
    await open();
    expect(points().every((p) => p.getAttribute('tabindex') === '0' && p.getAttribute('role') === 'img')).toBe(true);
    expect(accessibleName(point('a-dsit'))).toBe('DSIT (Direction) — maturité 4, ambition 5, leaders ; était 3/4 le 15/10/2023');
    expect(accessibleName(point('a-archives'))).toBe('Archives (Direction) — maturité 2, ambition 2, peu impliqués');
    expect(accessibleName(point('a-sig'))).toBe('SIG (Partenaire) — maturité 2, ambition 4, groupe médian ; était 2/3 le 15/10/2023');
    expect(page.querySelector('[data-testid="map-tooltip"]')).toBeNull();

    point('a-dsit').dispatchEvent(new FocusEvent('focus'));
    await harness.fixture.whenStable();
    expect(text(page.querySelector('[data-testid="map-tooltip"]'))).toBe(accessibleName(point('a-dsit')));
    point('a-dsit').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await harness.fixture.whenStable();
    expect(page.querySelector('[data-testid="map-tooltip"]')).toBeNull();

    point('a-sig').dispatchEvent(new MouseEvent('mouseenter'));
    await harness.fixture.whenStable();
    expect(text(page.querySelector('[data-testid="map-tooltip"]'))).toContain('SIG (Partenaire)');
  });

  it('spreads the actors sharing a cell so that both show', async () => {
    await open();
    const at = (id: string) => point(id).getAttribute('transform');
    expect(point('a-dsit').dataset['maturity']).toBe(point('a-expert').dataset['maturity']);
    expect(at('a-dsit')).not.toBe(at('a-expert'));
  });

  it('tells the kind by shape: each kind its own path', async () => {
    await open();
    const d = (id: string) => point(id).querySelector('path')?.getAttribute('d');
    expect(d('a-dsit')).toBe(d('a-archives'));
    expect(new Set([d('a-dsit'), d('a-expert'), d('a-sig')]).size).toBe(3);
  });

  it('lists the same actors in the table, with their first position, their position on the day and whether they moved', async () => {
    await open();
    expect(rows().map((r) => r.getAttribute('data-actor'))).toEqual(points().map((p) => p.getAttribute('data-actor')));
    const dsit = must(rows().find((r) => r.getAttribute('data-actor') === 'a-dsit'));
    expect(Array.from(dsit.querySelectorAll('th, td')).map((c) => text(c))).toEqual([
      'DSIT',
      'Direction',
      'Leaders',
      'maturité 3, ambition 4 (15/10/2023)',
      'maturité 4, ambition 5 (01/03/2024)',
      'Oui',
    ]);
    expect(must(dsit.querySelector('a')).getAttribute('href')).toBe('/r/brest-2026-2032/acteurs/a-dsit');
    expect(page.querySelector('[data-testid="register-link"]')?.getAttribute('href')).toBe('/r/brest-2026-2032/acteurs');
    const region = must(page.querySelector('[role="region"]'));
    expect(region.getAttribute('aria-label')).toBe('Tableau des positions');
  });

  it('hides points and rows alike when a kind or a group is filtered out', async () => {
    await open();
    await click(checkbox('filtre-type-direction'));
    expect(points().map((p) => p.getAttribute('data-actor'))).toEqual(['a-expert', 'a-sig']);
    expect(rows().map((r) => r.getAttribute('data-actor'))).toEqual(['a-expert', 'a-sig']);
    expect(arrows()).toEqual(['a-sig']);

    await click(checkbox('filtre-groupe-median'));
    expect(points().map((p) => p.getAttribute('data-actor'))).toEqual(['a-expert']);
    expect(rows().map((r) => r.getAttribute('data-actor'))).toEqual(['a-expert']);
    expect(arrows()).toEqual([]);

    await click(checkbox('filtre-type-direction'));
    await click(checkbox('filtre-groupe-median'));
    expect(points()).toHaveLength(4);
  });

  it('asks the API for the day in the address (?le=) and shows it in the date control', async () => {
    await open(aDiagnostic({ on: '2024-02-01' }), '/diagnostic?roadmap=rm-1&le=2024-02-01', '/api/roadmaps/rm-1/diagnostic?on=2024-02-01');
    const input = must(page.querySelector<HTMLInputElement>('[data-testid="diagnostic-day"]'));
    expect(input.value).toBe('2024-02-01');
    expect(input.min).toBe('2023-10-15');
    expect(input.max).toBe('2025-02-03');
    expect(text(page.querySelector('#titre-carte'))).toBe('Carte au 01/02/2024');
  });

  it('shows another day when one is chosen: the address changes and the API is asked with `on`', async () => {
    await open();
    const input = must(page.querySelector<HTMLInputElement>('[data-testid="diagnostic-day"]'));
    input.value = '2024-03-15';
    await click(must(page.querySelector<HTMLButtonElement>('[data-testid="show-day"]')));
    http.expectOne('/api/roadmaps/rm-1/diagnostic?on=2024-03-15').flush(aDiagnostic({ on: '2024-03-15' }));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/diagnostic?roadmap=rm-1&le=2024-03-15');

    await click(must(page.querySelector<HTMLButtonElement>('[data-testid="first-day"]')));
    const first = aDiagnostic({ on: '2023-10-15', actors: [position('a-dsit', 'DSIT', 'direction', ['2023-10-15', 3, 4])] });
    http.expectOne('/api/roadmaps/rm-1/diagnostic?on=2023-10-15').flush(first);
    await harness.fixture.whenStable();
    expect(points().map((p) => p.dataset['maturity'] + '/' + p.dataset['ambition'])).toEqual(['3/4']);
    expect(arrows()).toEqual([]);

    await click(must(page.querySelector<HTMLButtonElement>('[data-testid="last-day"]')));
    http.expectOne('/api/roadmaps/rm-1/diagnostic?on=2024-04-01').flush(aDiagnostic({ on: '2024-04-01' }));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/diagnostic?roadmap=rm-1&le=2024-04-01');
  });

  it('refuses a day outside the bounds, the reason tied to the field, and asks nothing', async () => {
    await open();
    const input = must(page.querySelector<HTMLInputElement>('[data-testid="diagnostic-day"]'));
    input.value = '2030-01-01';
    await click(must(page.querySelector<HTMLButtonElement>('[data-testid="show-day"]')));
    http.expectNone(() => true);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = must(page.querySelector('#jour-erreur'));
    expect(input.getAttribute('aria-describedby')).toContain('jour-erreur');
    expect(text(error)).toBe('Choisissez une date entre le 15/10/2023 et le 03/02/2025.');
  });

  it('says when nobody was assessed yet on the day', async () => {
    await open(aDiagnostic({ actors: [position('a-sem', 'SEM', 'operateur', null)] }));
    expect(points()).toHaveLength(0);
    expect(text(page.querySelector('[data-testid="diagnostic-empty"]'))).toBe('Aucun acteur n’était encore évalué à cette date.');
  });

  it('prints with « Imprimer », its controls marked to stay off paper', async () => {
    await open();
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    const button = must(Array.from(page.querySelectorAll('button')).find((b) => text(b) === 'Imprimer'));
    await click(button);
    expect(print).toHaveBeenCalled();
    expect(button.closest('.no-print')).not.toBeNull();
    expect(page.querySelector('[data-testid="maturity-map"]')?.closest('.no-print')).toBeNull();
    print.mockRestore();
  });

  it('says why the diagnostic could not be loaded', async () => {
    await open('failed');
    expect(text(page.querySelector('[role="alert"]'))).toBe(
      'Impossible de charger le diagnostic : La date doit être au format AAAA-MM-JJ.',
    );
  });
});
