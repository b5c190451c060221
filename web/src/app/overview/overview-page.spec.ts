import type {
  FunctionWithRollUpView,
  RoadmapDetailView,
} from '@jalons/contract';
import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { CurrentRoadmap } from '../data/current-roadmap';
import { provideFrenchLocale } from '../locale';
import {
  aFunction,
  aPerson,
  aRollUp,
  aRoadmap,
  fourPhases,
} from '../testing/factories';
import { OverviewPage } from './overview-page';

/** Text as a reader sees it: whitespace (including fr-FR narrow no-break spaces) collapsed. */
function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function cells(row: Element): string[] {
  return Array.from(row.querySelectorAll('th, td')).map((c) => text(c));
}

describe('OverviewPage', () => {
  let fixture: ComponentFixture<OverviewPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [OverviewPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideFrenchLocale(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function open(roadmapId?: string): void {
    fixture = TestBed.createComponent(OverviewPage);
    if (roadmapId !== undefined) {
      fixture.componentRef.setInput('roadmap', roadmapId);
    }
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  async function answer(
    roadmap: RoadmapDetailView,
    functions: FunctionWithRollUpView[] = [],
  ): Promise<void> {
    http.expectOne(`/api/roadmaps/${roadmap.id}`).flush(roadmap);
    http.expectOne(`/api/roadmaps/${roadmap.id}/functions`).flush(functions);
    await fixture.whenStable();
  }

  async function openFirstRoadmap(
    roadmap: RoadmapDetailView = aRoadmap(),
    functions: FunctionWithRollUpView[] = [],
  ): Promise<void> {
    open();
    http.expectOne('/api/roadmaps').flush([roadmap]);
    await answer(roadmap, functions);
  }

  function phaseRows(): Element[] {
    return Array.from(page.querySelectorAll('[data-testid="phases"] tbody tr'));
  }

  it('says it is loading until the roadmap arrives', async () => {
    open();
    expect(text(page.querySelector('[role="status"]'))).toBe(
      'Chargement de la feuille de route…',
    );
    http.expectOne('/api/roadmaps').flush([aRoadmap()]);
    await answer(aRoadmap());
    expect(page.querySelector('[role="status"]')).toBeNull();
  });

  it('shows the territory and the mandate of the first roadmap', async () => {
    await openFirstRoadmap();
    expect(text(page.querySelector('h1'))).toBe('Mandat 2026–2032');
    expect(text(page)).toContain('Ville et Métropole de Brest');
    expect(text(page)).toContain('Du 01/01/2024 au 03/02/2025');
    expect(text(page)).toContain('Phase en cours : Incubation post-électorale');
    // the shell's header reads the same roadmap
    expect(TestBed.inject(CurrentRoadmap).roadmap()?.territory).toBe(
      'Ville et Métropole de Brest',
    );
  });

  it('loads the roadmap named in ?roadmap= without listing them', async () => {
    const roadmap = aRoadmap({ id: 'rm-2026', territory: 'Brest métropole' });
    open('rm-2026');
    await answer(roadmap);
    http.expectNone('/api/roadmaps');
    expect(text(page)).toContain('Brest métropole');
  });

  it('lists the four phases in order with their French names and fr-FR dates', async () => {
    // the API's order must not matter: the page sorts by phase order
    const [p1, p2, p3, p4] = fourPhases();
    await openFirstRoadmap(aRoadmap({ phases: [p3, p1, p4, p2] }));

    const rows = phaseRows().map((row) => cells(row).slice(0, 3));
    expect(rows).toEqual([
      ['1. Incubation pré-électorale', '01/01/2024', '09/04/2024'],
      ['2. Incubation post-électorale en cours', '10/04/2024', '29/05/2024'],
      ['3. Phase d’émergence', '30/05/2024', '26/10/2024'],
      ['4. Phase de maturation', '27/10/2024', '03/02/2025'],
    ]);
  });

  it('shows a late phase as « En retard », with its figures in fr-FR', async () => {
    await openFirstRoadmap();

    const late = cells(phaseRows()[1]);
    expect(late.slice(3)).toEqual([
      '61,1 %', // achieved
      '93 %', // expected
      'En retard',
      '5', // overdue actions
      '2', // blocked actions
      '4 / 7', // milestones achieved / total
    ]);
    expect(cells(phaseRows()[0])[5]).toBe('À l’heure');
  });

  it('shows the overall progress against the expected progress, and the health in words', async () => {
    await openFirstRoadmap();
    const summary = page.querySelector('[aria-labelledby="titre-avancement"]');
    expect(text(summary)).toContain('48,2 % réalisé');
    expect(text(summary)).toContain('70,4 % attendu au 01/05/2024');
    expect(text(summary)).toContain('Calendrier : À surveiller');
    expect(text(summary)).toContain('Jalons atteints 6 sur 17');
  });

  it('draws the phases as bands proportional to their durations', async () => {
    await openFirstRoadmap();

    const bands = Array.from(
      page.querySelectorAll<HTMLElement>('.timeline__band'),
    );
    // 100, 50, 150 and 100 days out of 400
    expect(bands.map((b) => b.style.width)).toEqual([
      '25%',
      '12.5%',
      '37.5%',
      '25%',
    ]);
    expect(bands.map((b) => b.style.left)).toEqual([
      '0%',
      '25%',
      '37.5%',
      '75%',
    ]);
    expect(
      bands.map((b) => text(b.querySelector('.timeline__band-name'))),
    ).toEqual([
      '1. Incubation pré-électorale',
      '2. Incubation post-électorale',
      '3. Phase d’émergence',
      '4. Phase de maturation',
    ]);
  });

  it('marks today and the elections on the timeline', async () => {
    await openFirstRoadmap(
      aRoadmap({ electionDates: ['2024-04-10', '2024-04-17'] }),
    );
    const timeline = page.querySelector('jl-mandate-timeline');
    expect(text(timeline)).toContain('Élections : 10/04/2024 et 17/04/2024');
    expect(text(timeline)).toContain('Prochaine élection : 04/02/2025');
    const today = page.querySelector<HTMLElement>('.timeline__label--today');
    expect(text(today)).toBe('Aujourd’hui : 01/05/2024');
    // 1 May 2024 is day 121 of 400
    expect(today?.style.left).toBe('30.25%');
  });

  it('says when today falls outside the roadmap', async () => {
    await openFirstRoadmap(
      aRoadmap({ at: '2025-06-01', currentPhaseId: null }),
    );
    expect(page.querySelector('.timeline__label--today')).toBeNull();
    expect(text(page.querySelector('jl-mandate-timeline'))).toContain(
      'Aujourd’hui (01/06/2025) est en dehors de la période de la feuille de route.',
    );
  });

  it('lists the functions with family, owner, progress, health and overdue actions', async () => {
    await openFirstRoadmap(aRoadmap(), [
      aFunction({
        id: 'fn-2',
        name: 'Prospective',
        family: 'anticipation',
        order: 10,
        owner: null,
        rollUp: aRollUp({ progress: 8.1, expected: 21.5, health: 'at_risk' }),
      }),
      aFunction({
        id: 'fn-1',
        name: 'Fonction centrale',
        family: 'centrale',
        central: true,
        order: 0,
        owner: aPerson({ name: 'Camille Le Goff' }),
        rollUp: aRollUp({ progress: 33.8, expected: 38.5, overdue: 1 }),
      }),
    ]);

    const rows = Array.from(
      page.querySelectorAll('[data-testid="functions"] tbody tr'),
    ).map(cells);
    expect(rows).toEqual([
      [
        'Fonction centrale',
        'Centrale',
        'Camille Le Goff',
        '33,8 %',
        '38,5 %',
        'À l’heure',
        '1',
      ],
      [
        'Prospective',
        'Anticipation',
        'À désigner',
        '8,1 %',
        '21,5 %',
        'À surveiller',
        '0',
      ],
    ]);
  });

  it('shows the API’s message when the roadmap cannot be loaded', async () => {
    open('rm-missing');
    http.expectOne('/api/roadmaps/rm-missing').flush(
      {
        statusCode: 404,
        error: 'not_found',
        message: 'La feuille de route rm-missing n’existe pas.',
      },
      { status: 404, statusText: 'Not Found' },
    );
    // the functions request is cancelled with the failed one
    http.match('/api/roadmaps/rm-missing/functions');
    await fixture.whenStable();

    expect(text(page.querySelector('[role="alert"]'))).toBe(
      'Impossible de charger la feuille de route : La feuille de route rm-missing n’existe pas.',
    );
    expect(page.querySelector('[data-testid="phases"]')).toBeNull();
  });

  it('says so when the server cannot be reached', async () => {
    open();
    http.expectOne('/api/roadmaps').error(new ProgressEvent('error'));
    await fixture.whenStable();
    expect(text(page.querySelector('[role="alert"]'))).toBe(
      'Impossible de charger la feuille de route : le serveur ne répond pas, vérifiez votre connexion.',
    );
  });

  it('says so when no roadmap exists yet', async () => {
    open();
    http.expectOne('/api/roadmaps').flush([]);
    await fixture.whenStable();
    expect(text(page.querySelector('[role="status"]'))).toBe(
      'Aucune feuille de route n’est encore enregistrée.',
    );
  });
});
