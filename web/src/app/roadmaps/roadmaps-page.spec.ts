import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { must, text } from '../testing/dom';
import { refusal, setUpPageTest } from '../testing/http';
import { aPerson, aRoadmap } from '../testing/factories';
import { aMe } from '../testing/session';
import { RoadmapsPage } from './roadmaps-page';

const BREST = aRoadmap({
  id: 'rm-brest',
  slug: 'brest-2026-2032',
  electionDates: ['2026-03-15', '2026-03-22'],
  start: '2025-03-01',
  end: '2032-03-14',
  publicPage: true,
  projectLead: aPerson({ name: 'Camille Le Goff' }),
});
const QUIMPER = aRoadmap({
  id: 'rm-quimper',
  slug: 'ville-de-quimper-2026-2032',
  territory: 'Ville de Quimper',
  electionDates: ['2026-03-15'],
  start: '2025-03-15',
  end: '2032-03-13',
  publicPage: false,
  projectLead: null,
});

describe('RoadmapsPage', () => {
  let fixture: ComponentFixture<RoadmapsPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  afterEach(() => http.verify());

  async function open(role: 'lead' | 'owner' = 'lead'): Promise<void> {
    http = setUpPageTest(RoadmapsPage, aMe({ role }));
    fixture = TestBed.createComponent(RoadmapsPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  const card = (slug: string) => must(page.querySelector(`[data-slug="${slug}"]`), slug);
  const facts = (slug: string) => Array.from(card(slug).querySelectorAll('dd')).map((d) => text(d));

  it('lists each roadmap with its mandate, phases, election, lead and public page, opening it at /r/<slug>', async () => {
    await open();
    http.expectOne('/api/roadmaps').flush([BREST, QUIMPER]);
    await fixture.whenStable();

    const link = must(card('brest-2026-2032').querySelector('h2 a'));
    expect(text(link)).toBe('Ville et Métropole de Brest');
    expect(link.getAttribute('href')).toBe('/r/brest-2026-2032');
    expect(facts('brest-2026-2032')).toEqual([
      'Mandat 2026–2032',
      'du 01/03/2025 au 14/03/2032',
      '1er tour le 15/03/2026, 2d tour le 22/03/2026',
      'Camille Le Goff',
      'Activée',
    ]);
    expect(card('brest-2026-2032').querySelector('dd a[href="/public/brest-2026-2032"]')).not.toBeNull();
    expect(must(card('ville-de-quimper-2026-2032').querySelector('h2 a')).getAttribute('href')).toBe('/r/ville-de-quimper-2026-2032');
    expect(facts('ville-de-quimper-2026-2032')).toEqual([
      'Mandat 2026–2032',
      'du 15/03/2025 au 13/03/2032',
      '1er tour le 15/03/2026',
      '—',
      'Désactivée',
    ]);
    const create = must(page.querySelector('[data-testid="new-roadmap"]'));
    expect(text(create)).toBe('Nouvelle feuille de route');
    expect(create.getAttribute('href')).toBe('/feuilles-de-route/nouvelle');
  });

  it('offers no « Nouvelle feuille de route » to a function owner', async () => {
    await open('owner');
    http.expectOne('/api/roadmaps').flush([BREST]);
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="new-roadmap"]')).toBeNull();
    expect(text(page)).not.toContain('Nouvelle feuille de route');
  });

  it('says why the list could not be read, and reads it again on request', async () => {
    await open();
    http.expectOne('/api/roadmaps').flush(...refusal(500, 'internal', 'Erreur interne du serveur.'));
    await fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toContain(
      'Impossible de charger les feuilles de route : Erreur interne du serveur.',
    );
    must(Array.from(page.querySelectorAll('button')).find((b) => text(b) === 'Réessayer')).click();
    http.expectOne('/api/roadmaps').flush([]);
    await fixture.whenStable();
    expect(text(page)).toContain('Aucune feuille de route pour l’instant.');
  });
});
