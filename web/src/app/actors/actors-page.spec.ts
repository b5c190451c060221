import type { ActorView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { CurrentRoadmap } from '../data/current-roadmap';
import { must, text } from '../testing/dom';
import { aRoadmap } from '../testing/factories';
import { refusal, setUpRoutedTest } from '../testing/http';
import { aMe } from '../testing/session';
import { ActorsPage } from './actors-page';
import { anActor, anAssessment } from './testing/factories';

const REGISTER: ActorView[] = [
  anActor({
    id: 'ac-1',
    name: 'Agence d’urbanisme',
    kind: 'partenaire',
    referent: 'Anne Le Roux',
    group: 'median',
    derivedGroup: 'leaders',
    groupOverride: { group: 'median', reason: 'Dépend de la stratégie métropolitaine' },
    needs: ['moyens', 'infrastructures'],
    dataTypes: ['geographiques'],
    personalData: false,
    sensitiveData: true,
    latest: anAssessment({ on: '2026-10-01', maturity: 4, ambition: 5 }),
  }),
  anActor({ id: 'ac-2', name: 'DSIT', kind: 'direction', metOn: null, workshop: false }),
  anActor({
    id: 'ac-3',
    name: 'Direction des sports',
    kind: 'direction',
    group: null,
    derivedGroup: null,
    latest: null,
    assessmentCount: 0,
  }),
];

describe('ActorsPage — « Acteurs du diagnostic »', () => {
  let http: HttpTestingController;
  let page: HTMLElement;
  let harness: RouterTestingHarness;

  async function open(list: ActorView[] | 'failed', me = aMe()) {
    http = setUpRoutedTest([{ path: 'acteurs', component: ActorsPage }], me);
    TestBed.inject(CurrentRoadmap).set(aRoadmap({ id: 'rm-1', slug: 'brest-2026-2032' }));
    harness = await RouterTestingHarness.create('/acteurs?roadmap=rm-1');
    const req = http.expectOne('/api/roadmaps/rm-1/actors');
    if (list === 'failed') req.flush(...refusal(500, 'internal', 'Erreur interne.'));
    else req.flush(list);
    await harness.fixture.whenStable();
    page = must(harness.routeNativeElement, 'page');
  }
  afterEach(() => http.verify());

  const names = () => Array.from(page.querySelectorAll('tr[data-actor] th')).map((th) => text(th));
  const cells = (id: string) =>
    Array.from(must(page.querySelector(`tr[data-actor="${id}"]`), `row ${id}`).querySelectorAll('td')).map((td) => text(td));
  async function choose(id: string, value: string): Promise<void> {
    const select = must(page.querySelector<HTMLSelectElement>(`#${id}`), id);
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
  }

  it('lists the register: kind, group (« ajusté » when set by hand), référent·e, meeting, workshop, needs, data, scores', async () => {
    await open(REGISTER);
    expect(text(page.querySelector('h1'))).toBe('Acteurs du diagnostic');
    expect(names()).toEqual(['Agence d’urbanisme', 'DSIT', 'Direction des sports']);
    expect(cells('ac-1')).toEqual([
      'Partenaire',
      'Groupe médian ajusté',
      'Anne Le Roux',
      '15/10/2025',
      'oui',
      'Moyens, Infrastructures',
      'Données géographiques',
      'sensibles',
      '4 / 5 le 01/10/2026',
    ]);
    expect(cells('ac-2')).toEqual([
      'Direction',
      'Leaders',
      'aucun·e',
      'non rencontré',
      'non',
      'Compétences',
      'Données métiers, Données géographiques',
      'personnelles',
      '3 / 4 le 15/10/2025',
    ]);
    expect(cells('ac-3')[1]).toBe('non évalué');
    expect(cells('ac-3')[8]).toBe('non évalué');
    expect(must(page.querySelector('tr[data-actor="ac-2"] th a')).getAttribute('href')).toBe('/r/brest-2026-2032/acteurs/ac-2');
    expect(must(page.querySelector('[data-testid="map-link"]')).getAttribute('href')).toBe('/r/brest-2026-2032/diagnostic');
    // a labelled region that scrolls sideways on a phone, with the table's caption
    const region = must(page.querySelector('[role="region"]'));
    expect(region.getAttribute('aria-label')).toBe('Registre des acteurs');
    expect(text(region.querySelector('caption'))).toContain('Les acteurs du diagnostic, par nom');
  });

  it('filters by kind and by group, and says how many are shown', async () => {
    await open(REGISTER);
    expect(text(page.querySelector('[data-testid="actors-count"]'))).toBe('3 acteurs sur 3');
    await choose('acteurs-type', 'direction');
    expect(names()).toEqual(['DSIT', 'Direction des sports']);
    await choose('acteurs-groupe', 'non-evalue');
    expect(names()).toEqual(['Direction des sports']);
    expect(text(page.querySelector('[data-testid="actors-count"]'))).toBe('1 acteur sur 3');
    await choose('acteurs-type', '');
    await choose('acteurs-groupe', 'median');
    expect(names()).toEqual(['Agence d’urbanisme']);
    await choose('acteurs-type', 'operateur');
    expect(names()).toEqual([]);
    expect(text(page.querySelector('[data-testid="actors-empty"]'))).toBe('Aucun acteur ne répond à ces filtres.');
  });

  it('offers « Ajouter un acteur » to the project lead only', async () => {
    await open(REGISTER);
    expect(must(page.querySelector('[data-testid="add-actor"]')).getAttribute('href')).toBe('/r/brest-2026-2032/acteurs/nouveau');
    TestBed.resetTestingModule();
    await open(REGISTER, aMe({ role: 'elected' }));
    expect(page.querySelector('[data-testid="add-actor"]')).toBeNull();
    expect(names()).toHaveLength(3);
    TestBed.resetTestingModule();
    await open(REGISTER, aMe({ role: 'owner', functionIds: ['fn-1'] }));
    expect(page.querySelector('[data-testid="add-actor"]')).toBeNull();
  });

  it('says when the register is empty, and when it cannot be loaded', async () => {
    await open([]);
    expect(text(page.querySelector('[data-testid="actors-empty"]'))).toBe('Aucun acteur dans le registre pour l’instant.');
    TestBed.resetTestingModule();
    await open('failed');
    expect(text(page.querySelector('[role="alert"]'))).toBe('Impossible de charger le registre : Erreur interne.');
    expect(page.querySelector('table')).toBeNull();
  });
});
