import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { text } from '../testing/dom';
import { refusal, setUpPageTest } from '../testing/http';
import { PublicRoadmapPage } from './public-roadmap-page';
import { aPublicRoadmap } from './testing/public-roadmap';

describe('PublicRoadmapPage', () => {
  let fixture: ComponentFixture<PublicRoadmapPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    // nobody signed in
    http = setUpPageTest(PublicRoadmapPage, null);
  });

  afterEach(() => http.verify());

  async function open(roadmap: unknown = aPublicRoadmap()): Promise<void> {
    fixture = TestBed.createComponent(PublicRoadmapPage);
    fixture.componentRef.setInput('slug', 'brest-2026-2032');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne({ method: 'GET', url: '/api/public/roadmaps/brest-2026-2032' }).flush(roadmap as object);
    await fixture.whenStable();
  }

  const rows = (testid: string): string[][] =>
    Array.from(page.querySelectorAll(`[data-testid="${testid}"] tbody tr`)).map((r) =>
      Array.from(r.querySelectorAll('th, td')).map((c) => text(c)),
    );

  it('shows the territory, the mandate, the overall progress and the timeline, without an account', async () => {
    await open();
    expect(text(page.querySelector('.page-kicker'))).toBe('Ville et Métropole de Brest · page publique');
    expect(text(page.querySelector('h1'))).toBe('Mandat 2026–2032');
    expect(text(page.querySelector('.page-head__meta'))).toContain('Phase en cours : Incubation post-électorale.');
    const summary = text(page.querySelector('.summary'));
    expect(summary).toContain('48,2 % réalisé');
    expect(summary).toContain('70,4 % attendu au 01/05/2024');
    expect(summary).toContain('À surveiller');
    // the headline is the worse of the overall and the current phase
    const headline = text(page.querySelector('[data-testid="headline"] .headline__line'));
    expect(headline).toContain('En retard');
    expect(headline).toContain('la phase en cours, Incubation post-électorale, est en retard sur l’ensemble');
  });

  it('draws the timeline: the phases as bands, today, a tick per milestone, and the same as a list', async () => {
    await open();
    expect(Array.from(page.querySelectorAll('[data-testid="timeline-band"] li')).map((b) => text(b))).toEqual([
      '1. Incubation pré-électorale',
      '2. Incubation post-électorale',
    ]);
    expect(page.querySelector('[data-testid="timeline-band"]')?.getAttribute('aria-hidden')).toBe('true');
    expect(page.querySelectorAll('[data-testid="timeline-tick"]')).toHaveLength(3);
    expect(page.querySelectorAll('[data-testid="timeline-tick"].ptl__tick--achieved')).toHaveLength(1);
    expect((page.querySelector('[data-testid="timeline-today"]') as HTMLElement).style.left).toMatch(/%$/);
    const region = page.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('Frise du mandat, défilement horizontal');
    expect(region.getAttribute('tabindex')).toBe('0');
    const list = Array.from(page.querySelectorAll('[data-testid="timeline-list"] > li')).map((li) => text(li));
    expect(list[0]).toContain('1. Incubation pré-électorale, du 01/01/2024 au 09/04/2024');
    expect(list[0]).toContain('01/03/2024 : Charte signée (atteint le 27/02/2024)');
    expect(list[1]).toContain('phase en cours ; aujourd’hui : 01/05/2024');
    expect(list[1]).toContain('20/04/2024 : Feuille de route votée (à venir)');
  });

  it('lists the phases in order and the functions, central first, with progress and health in words', async () => {
    await open();
    expect(rows('phases')).toEqual([
      ['1. Incubation pré-électorale', '01/01/2024 – 09/04/2024', '100 %', '100 %', 'À l’heure'],
      [
        '2. Incubation post-électorale en cours Faire voter le projet par la nouvelle équipe.',
        '10/04/2024 – 03/02/2025',
        '61,1 %',
        '93 %',
        'En retard',
      ],
    ]);
    expect(rows('functions')).toEqual([
      ['Fonction centrale centrale', '55 %', '50 %', 'À l’heure'],
      ['Éthique', '40 %', '45 %', 'À l’heure'],
    ]);
  });

  it('sorts the milestones into late, upcoming and achieved, with their function', async () => {
    await open();
    expect(rows('milestones-late')).toEqual([['20/04/2024', 'Feuille de route votée', 'Fonction centrale']]);
    expect(rows('milestones-upcoming')).toEqual([['20/05/2024', 'Comité d’éthique installé', 'Éthique']]);
    expect(rows('milestones-achieved')).toEqual([['01/03/2024', 'Charte signée', 'Éthique', '27/02/2024']]);
  });

  it('shows the indicators with their last value and trajectory, and the slips against the latest baseline', async () => {
    await open();
    expect(rows('indicators')).toEqual([
      [
        'Jeux de données publiés À la hausse',
        'Fonction centrale',
        '12 jeux 01/01/2024',
        '26 jeux 30/04/2024',
        '120 jeux 31/01/2025',
        'En retard',
      ],
      ['Séances tenues À la hausse', 'Éthique', '0 séances 01/03/2024', '—', '6 séances 31/12/2024', 'Jamais mesuré'],
    ]);
    expect(text(page.querySelector('[data-testid="slips-summary"]'))).toBe(
      'Par rapport à la référence v2 (Plan voté, du 20/04/2024) : 2 éléments ont glissé, de 35 jours en tout (17,5 jours en moyenne).',
    );
    expect(rows('slips-functions')).toEqual([['Fonction centrale', '2', '35', '17,5']]);
    expect(rows('slips-items')).toEqual([
      ['Désigner les référents', 'Fonction centrale', '01/06/2024', '26/06/2024', '+25 j'],
      ['Feuille de route votée', 'Fonction centrale', '23/04/2024', '20/04/2024', '−3 j'],
    ]);
  });

  it('says when there is no baseline and no indicator yet', async () => {
    await open(aPublicRoadmap({ slips: null, indicators: [] }));
    expect(text(page.querySelector('[data-testid="slips-summary"]'))).toBe(
      'Aucune référence n’a encore été votée : pas de glissement à mesurer.',
    );
    expect(text(page.querySelector('[data-testid="indicators"]'))).toBe('Aucun indicateur pour l’instant.');
  });

  it('links to the open data under Licence Ouverte 2.0, and prints with the browser', async () => {
    await open();
    const links = Array.from(page.querySelectorAll<HTMLAnchorElement>('[data-testid="open-data"] ul a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      '/api/public/roadmaps/brest-2026-2032/open-data/datapackage.json',
      ...['phases', 'functions', 'actions', 'milestones', 'indicators', 'measurements', 'decisions'].map(
        (r) => `/api/public/roadmaps/brest-2026-2032/open-data/${r}.csv`,
      ),
    ]);
    expect(text(page.querySelector('[data-testid="open-data"]'))).toContain('Licence Ouverte 2.0');
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    const button = Array.from(page.querySelectorAll('button')).find((b) => text(b) === 'Imprimer la page')!;
    button.click();
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('shows no person’s name, even if the answer carried one', async () => {
    await open({
      ...aPublicRoadmap(),
      // fields a faulty server might add: none of them is ever drawn
      projectLead: {
        id: 'p-1',
        name: 'Camille Le Goff',
        email: 'camille@example.test',
      },
      functions: aPublicRoadmap().functions.map((f) => ({
        ...f,
        owner: { id: 'p-2', name: 'Soizic Le Bihan' },
      })),
    });
    const all = text(page);
    expect(all).not.toContain('Camille');
    expect(all).not.toContain('Soizic');
    expect(all).not.toContain('@');
    expect(all).not.toMatch(/Référent|Responsable|Chef·fe de projet/);
    // and nothing else was asked of the API than the public page
    http.verify();
  });

  it('says when the page does not exist or is not open to the public', async () => {
    fixture = TestBed.createComponent(PublicRoadmapPage);
    fixture.componentRef.setInput('slug', 'quimper');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/public/roadmaps/quimper').flush(...refusal(404, 'not_found', 'Introuvable.'));
    await fixture.whenStable();
    expect(text(page.querySelector('h1'))).toBe('Page publique');
    expect(text(page.querySelector('[role="alert"]'))).toBe('Cette page publique n’existe pas, ou elle n’est pas ouverte au public.');
  });
});
