import type { PublicRoadmapView } from '@jalons/contract';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { text } from '../testing/dom';
import { refusal, setUpPageTest } from '../testing/http';
import { aRollUp } from '../testing/factories';
import { PublicRoadmapPage } from './public-roadmap-page';

function aPublicRoadmap(overrides: Partial<PublicRoadmapView> = {}): PublicRoadmapView {
  return {
    slug: 'brest-2026-2032',
    territory: 'Ville et Métropole de Brest',
    mandateLabel: 'Mandat 2026–2032',
    at: '2024-05-01',
    electionDates: ['2024-04-10'],
    nextElectionDate: '2025-02-04',
    start: '2024-01-01',
    end: '2025-02-03',
    currentPhaseCode: 'post-electorale',
    rollUp: aRollUp({ progress: 48.2, expected: 70.4, health: 'at_risk' }),
    phases: [
      {
        code: 'post-electorale',
        name: 'Incubation post-électorale',
        description: '',
        start: '2024-04-10',
        end: '2024-05-29',
        rollUp: aRollUp({ progress: 61.1, expected: 93, health: 'late' }),
      },
      {
        code: 'pre-electorale',
        name: 'Incubation pré-électorale',
        description: '',
        start: '2024-01-01',
        end: '2024-04-09',
        rollUp: aRollUp({ progress: 100, expected: 100 }),
      },
    ],
    functions: [
      {
        code: 'ethique',
        name: 'Éthique',
        description: '',
        central: false,
        color: '#6a3d9a',
        rollUp: aRollUp({ progress: 40, expected: 45 }),
      },
      {
        code: 'centrale',
        name: 'Fonction centrale',
        description: '',
        central: true,
        color: '#1f3a68',
        rollUp: aRollUp({ progress: 55, expected: 50 }),
      },
    ],
    milestones: [
      {
        title: 'Comité d’éthique installé',
        functionCode: 'ethique',
        date: '2024-05-20',
        achievedOn: null,
        state: 'upcoming',
      },
      {
        title: 'Feuille de route votée',
        functionCode: 'centrale',
        date: '2024-04-20',
        achievedOn: null,
        state: 'late',
      },
      {
        title: 'Charte signée',
        functionCode: 'ethique',
        date: '2024-03-01',
        achievedOn: '2024-02-27',
        state: 'achieved',
      },
    ],
    ...overrides,
  };
}

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
    expect(page.querySelectorAll('.timeline__band')).toHaveLength(2);
  });

  it('lists the phases in order and the functions, central first, with progress and health in words', async () => {
    await open();
    expect(rows('phases')).toEqual([
      ['1. Incubation pré-électorale', '01/01/2024 – 09/04/2024', '100 %', '100 %', 'À l’heure'],
      ['2. Incubation post-électorale en cours', '10/04/2024 – 29/05/2024', '61,1 %', '93 %', 'En retard'],
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
