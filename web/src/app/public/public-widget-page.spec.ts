import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { text } from '../testing/dom';
import { refusal, setUpPageTest } from '../testing/http';
import { PublicWidgetPage, nextMilestone } from './public-widget-page';
import { aPublicRoadmap } from './testing/public-roadmap';

describe('PublicWidgetPage (the widget for an iframe)', () => {
  let fixture: ComponentFixture<PublicWidgetPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    http = setUpPageTest(PublicWidgetPage, null);
  });

  afterEach(() => http.verify());

  async function open(answer: () => void): Promise<void> {
    fixture = TestBed.createComponent(PublicWidgetPage);
    fixture.componentRef.setInput('slug', 'brest-2026-2032');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    answer();
    await fixture.whenStable();
  }

  const ok =
    (roadmap: object = aPublicRoadmap()) =>
    () =>
      http.expectOne({ method: 'GET', url: '/api/public/roadmaps/brest-2026-2032' }).flush(roadmap);

  it('shows the headline progress, the health, the current phase with its dates and the next milestone, in French', async () => {
    await open(ok());
    expect(page.getAttribute('lang')).toBe('fr');
    const card = page.querySelector('article')!;
    expect(card.getAttribute('aria-labelledby')).toBe('encart-titre');
    expect(text(page.querySelector('h1#encart-titre'))).toBe('Ville et Métropole de Brest · Mandat 2026–2032');
    expect(text(page.querySelector('[data-testid="widget-progress"]'))).toBe('48,2 %');
    expect(text(card)).toContain('réalisé (70,4 % attendu)');
    expect(page.querySelector('jl-progress-bar')).not.toBeNull();
    expect(text(card)).toContain('Calendrier : En retard');
    expect(text(page.querySelector('[data-testid="widget-phase"]'))).toBe(
      'Phase en cours : Incubation post-électorale, du 10/04/2024 au 03/02/2025',
    );
    expect(text(page.querySelector('[data-testid="widget-milestone"]'))).toBe('Prochain jalon : Comité d’éthique installé, le 20/05/2024');
    expect(document.documentElement.classList).toContain('jl-embed');
  });

  it('links to the whole page in a new tab, safely', async () => {
    await open(ok());
    const link = page.querySelector('a')!;
    expect(text(link)).toBe('Voir la feuille de route (nouvel onglet)');
    expect(link.getAttribute('href')).toBe('/public/brest-2026-2032');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
    fixture.destroy();
    expect(document.documentElement.classList).not.toContain('jl-embed');
  });

  it('says so when the page is closed', async () => {
    await open(() => http.expectOne('/api/public/roadmaps/brest-2026-2032').flush(...refusal(404, 'not_found', 'Introuvable.')));
    expect(text(page.querySelector('[role="alert"]'))).toBe('Cette feuille de route n’est pas publique.');
  });

  it('picks the next milestone from the page’s day: the first to come, else the earliest one still open', () => {
    const r = aPublicRoadmap();
    expect(nextMilestone(r)?.id).toBe('m-1');
    expect(nextMilestone({ ...r, at: '2024-06-01' })?.id).toBe('m-2');
    expect(nextMilestone({ ...r, milestones: r.milestones.filter((m) => m.achievedOn) })).toBeNull();
  });
});
